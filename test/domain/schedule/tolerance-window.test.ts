import { describe, expect, it } from 'vitest';
import { toleranceWindow } from '@/domain';

describe('the tolerance window of the primary endpoint', () => {
  it('runs from the start of the infusion to 23:59:59.999 Paris time on the calendar day T0 + 10', () => {
    const startsAt = Date.parse('2025-03-10T09:00:00+01:00');
    expect(toleranceWindow({ infusionStartedAt: startsAt })).toEqual({
      startsAt,
      endsAt: Date.parse('2025-03-20T23:59:59.999+01:00'),
    });
  });

  it('counts calendar days, across the spring clock change (day 10 in summer time)', () => {
    const startsAt = Date.parse('2025-03-25T23:30:00+01:00');
    expect(toleranceWindow({ infusionStartedAt: startsAt })?.endsAt).toBe(
      Date.parse('2025-04-04T23:59:59.999+02:00'),
    );
  });

  it('takes day 0 as the local date of the start: 00:30 in Paris is already the next day', () => {
    const startsAt = Date.parse('2025-06-09T22:30:00Z'); // 10 June, 00:30 in Paris
    expect(toleranceWindow({ infusionStartedAt: startsAt })?.endsAt).toBe(
      Date.parse('2025-06-20T23:59:59.999+02:00'),
    );
  });

  it('is undefined for a time that is not an instant or an unknown time zone', () => {
    expect(toleranceWindow({ infusionStartedAt: Number.NaN })).toBeUndefined();
    expect(toleranceWindow({ infusionStartedAt: 0, timeZone: 'Mars/Olympus' })).toBeUndefined();
  });
});
