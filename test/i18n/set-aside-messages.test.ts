import { describe, expect, it } from 'vitest';
import { STORE_ERROR } from '@/db/set-aside';
import setAsideEn from '@/i18n/set-aside.en';
import setAsideFr from '@/i18n/set-aside.fr';
import { REJECT_CODES } from '@/schema/sync';

describe('set-aside messages', () => {
  it('word every reason code the store sends, and the tablet’s own, in French and English', () => {
    for (const catalogue of [setAsideFr, setAsideEn]) {
      const worded = Object.keys(catalogue.reason);
      expect([...REJECT_CODES, STORE_ERROR].filter((code) => !worded.includes(code))).toEqual([]);
      expect(worded).toContain('unknown');
    }
  });
});
