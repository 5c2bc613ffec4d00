// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { RelativeTime } from '@/app/sync/RelativeTime';
import { initI18n } from '@/i18n';

describe('a relative time in the sync indicator', () => {
  beforeAll(async () => {
    await initI18n('fr');
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('says how long ago, then "maintenant" for a sync that has just succeeded between two refreshes', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-30T09:00:00Z'));
    const { rerender } = render(<RelativeTime iso="2026-11-30T08:50:00.000Z" />);
    expect(screen.getByText('il y a 10 minutes')).toBeTruthy();
    // 20 s later (before the 30-second refresh), a sync succeeds.
    vi.setSystemTime(new Date('2026-11-30T09:00:20Z'));
    rerender(<RelativeTime iso="2026-11-30T09:00:20.000Z" />);
    expect(screen.getByRole('time').textContent).toBe('maintenant');
  });

  it('never says "dans…" for a time a little ahead of the tablet clock', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-30T09:00:00Z'));
    render(<RelativeTime iso="2026-11-30T09:00:02.000Z" />);
    expect(screen.getByRole('time').textContent).toBe('maintenant');
  });
});
