import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import {
  isValidTimeZone,
  localDateAt,
  wallDateTimeAt,
  wallTimeToEpoch,
  zoneOffsetMs,
} from '@/domain/schedule/zoned-time';

const PARIS = 'Europe/Paris';
const HOUR = 3_600_000;
const at = (iso: string) => Date.parse(iso);

describe('wall-clock time in a time zone', () => {
  it('knows Paris is one hour ahead of UTC in winter and two in summer', () => {
    expect(zoneOffsetMs(at('2025-01-15T12:00:00Z'), PARIS)).toBe(HOUR);
    expect(zoneOffsetMs(at('2025-07-15T12:00:00Z'), PARIS)).toBe(2 * HOUR);
  });

  it('converts 08:00 in Paris to 07:00 UTC in winter and 06:00 UTC in summer', () => {
    expect(wallTimeToEpoch({ year: 2025, month: 1, day: 15 }, { hour: 8, minute: 0 }, PARIS)).toBe(
      at('2025-01-15T07:00:00Z'),
    );
    expect(wallTimeToEpoch({ year: 2025, month: 7, day: 15 }, { hour: 8, minute: 0 }, PARIS)).toBe(
      at('2025-07-15T06:00:00Z'),
    );
  });

  it('converts times on the spring-forward day on either side of the change', () => {
    // 30 March 2025: clocks go from 02:00 CET to 03:00 CEST (01:00 UTC).
    const day = { year: 2025, month: 3, day: 30 };
    expect(wallTimeToEpoch(day, { hour: 1, minute: 59 }, PARIS)).toBe(at('2025-03-30T00:59:00Z'));
    expect(wallTimeToEpoch(day, { hour: 8, minute: 0 }, PARIS)).toBe(at('2025-03-30T06:00:00Z'));
    expect(wallTimeToEpoch(day, { hour: 20, minute: 0 }, PARIS)).toBe(at('2025-03-30T18:00:00Z'));
  });

  it('moves a wall time inside the spring-forward gap forward by the length of the gap', () => {
    expect(wallTimeToEpoch({ year: 2025, month: 3, day: 30 }, { hour: 2, minute: 30 }, PARIS)).toBe(
      at('2025-03-30T01:30:00Z'), // 03:30 CEST
    );
  });

  it('takes the earlier of the two instants of a wall time repeated by the autumn change', () => {
    // 26 October 2025: clocks go back from 03:00 CEST to 02:00 CET (01:00 UTC); 02:30 happens twice.
    expect(wallTimeToEpoch({ year: 2025, month: 10, day: 26 }, { hour: 2, minute: 30 }, PARIS)).toBe(
      at('2025-10-26T00:30:00Z'),
    );
    expect(wallTimeToEpoch({ year: 2025, month: 10, day: 26 }, { hour: 20, minute: 0 }, PARIS)).toBe(
      at('2025-10-26T19:00:00Z'),
    );
  });

  it('gives the local calendar date, which near midnight differs from the UTC date', () => {
    expect(localDateAt(at('2025-06-30T22:30:00Z'), PARIS)).toEqual({ year: 2025, month: 7, day: 1 });
    expect(localDateAt(at('2025-06-30T22:30:00Z'), 'UTC')).toEqual({ year: 2025, month: 6, day: 30 });
  });

  it('works in zones west of UTC and with half-hour offsets', () => {
    expect(
      wallTimeToEpoch({ year: 2025, month: 3, day: 9 }, { hour: 8, minute: 0 }, 'America/New_York'),
    ).toBe(at('2025-03-09T12:00:00Z'));
    expect(wallTimeToEpoch({ year: 2025, month: 1, day: 1 }, { hour: 8, minute: 0 }, 'Asia/Kolkata')).toBe(
      at('2025-01-01T02:30:00Z'),
    );
  });

  it('recognises real zone names and refuses made-up ones without throwing', () => {
    expect(isValidTimeZone(PARIS)).toBe(true);
    expect(isValidTimeZone('UTC')).toBe(true);
    expect(isValidTimeZone('Europe/Atlantis')).toBe(false);
    expect(isValidTimeZone('')).toBe(false);
    expect(isValidTimeZone(42)).toBe(false);
  });

  it('maps the wall-clock reading of any instant back to an instant with the same reading', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 946_684_800, max: 4_102_444_799 }).map((seconds) => seconds * 1000),
        fc.constantFrom(PARIS, 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kolkata', 'UTC'),
        (instant, zone) => {
          const wall = wallDateTimeAt(instant, zone);
          const back = wallTimeToEpoch(wall, wall, zone) + wall.second * 1000;
          const again = wallDateTimeAt(back, zone);
          expect(again).toEqual(wall);
          // The earlier of two readings is chosen, never a later one.
          expect(back).toBeLessThanOrEqual(instant);
        },
      ),
    );
  });

  it('answers a wall time asked again without asking Intl again (a schedule asks the same ones at every render)', () => {
    const date = { year: 2031, month: 3, day: 30 };
    const first = wallTimeToEpoch(date, { hour: 8, minute: 0 }, PARIS);
    const formatToParts = vi.spyOn(Intl.DateTimeFormat.prototype, 'formatToParts');
    try {
      expect(wallTimeToEpoch(date, { hour: 8, minute: 0 }, PARIS)).toBe(first);
      expect(formatToParts).not.toHaveBeenCalled();
      // Another zone, another answer: the zone is part of what is remembered.
      expect(wallTimeToEpoch(date, { hour: 8, minute: 0 }, 'UTC')).toBe(first + 2 * HOUR);
    } finally {
      formatToParts.mockRestore();
    }
  });
});
