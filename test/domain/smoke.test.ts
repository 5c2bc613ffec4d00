import { describe, expect, it } from 'vitest';
import * as domain from '@/domain';

describe('domain public API', () => {
  it('loads as a module', () => {
    expect(typeof domain).toBe('object');
  });
});
