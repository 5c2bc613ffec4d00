// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SaeCountdown } from '@/features/adverse-events/SaeCountdown';
import { initI18n } from '@/i18n';
import type { AdverseEvent } from '@/schema/adverse-events';

// The SAE countdown at given times (the clock is a parameter): red and counting to the 24-hour deadline from
// the awareness, "overdue" past it, replaced by when and how once the sponsor notification is recorded.

const aware = Date.parse('2026-03-03T10:00:00Z');
const HOUR = 3_600_000;
const sae: Pick<AdverseEvent, 'serious' | 'awareAt' | 'sponsorNotifiedAt' | 'sponsorNotificationMethod'> = {
  serious: true,
  awareAt: new Date(aware).toISOString(),
};

beforeAll(async () => {
  await initI18n('fr');
});
afterEach(cleanup);

describe('the SAE countdown', () => {
  it('shows the time left to the deadline, as an alert', () => {
    render(<SaeCountdown event={sae} now={aware + 2 * HOUR + 30 * 60_000} />);
    const countdown = screen.getByTestId('sae-countdown');
    expect(countdown.getAttribute('role')).toBe('alert');
    expect(countdown.dataset.status).toBe('due');
    expect(countdown.textContent).toContain('notification au promoteur dans 21 h 30 min');
  });

  it('counts the last minutes in seconds, and turns overdue after the deadline', () => {
    const { rerender } = render(<SaeCountdown event={sae} now={aware + 24 * HOUR - 65_000} />);
    expect(screen.getByTestId('sae-countdown').textContent).toContain('dans 1 min 05 s');
    rerender(<SaeCountdown event={sae} now={aware + 25 * HOUR} />);
    expect(screen.getByTestId('sae-countdown').dataset.status).toBe('overdue');
    expect(screen.getByTestId('sae-countdown').textContent).toContain('EN RETARD de 1 h 00 min');
  });

  it('stops once the notification is recorded, and shows nothing for a non-serious event', () => {
    const notified = {
      ...sae,
      sponsorNotifiedAt: new Date(aware + 3 * HOUR).toISOString(),
      sponsorNotificationMethod: 'eCRF' as const,
    };
    const { rerender } = render(<SaeCountdown event={notified} now={aware + 30 * HOUR} />);
    expect(screen.queryByTestId('sae-countdown')).toBeNull();
    expect(screen.getByTestId('sae-notified').textContent).toContain('Promoteur notifié');
    rerender(<SaeCountdown event={{ serious: false }} now={aware} />);
    expect(screen.queryByTestId('sae-notified')).toBeNull();
  });
});
