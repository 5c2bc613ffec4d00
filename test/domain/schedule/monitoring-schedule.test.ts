import { describe, expect, it } from 'vitest';
import { monitoringSchedule, type ScheduleItem } from '@/domain';

const MIN = 60_000;
const HOUR = 60 * MIN;
const at = (iso: string) => Date.parse(iso);
const byId = (items: ScheduleItem[], id: string) => {
  const found = items.find((item) => item.id === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
};

// An infusion ending at 11:00 Paris time (10:00 UTC) on Tuesday 25 March 2025, five days before the clocks go
// forward (Sunday 30 March, 02:00 → 03:00).
const E = at('2025-03-25T10:00:00Z');

describe('monitoringSchedule', () => {
  const items = monitoringSchedule({ infusionEndedAt: E });

  it('lists the five post-infusion checks, day 1 and one check for each of days 2 to 10', () => {
    expect(items.map((item) => item.id)).toEqual([
      'post-30',
      'post-60',
      'post-120',
      'post-240',
      'post-360',
      'day-1',
      'day-2',
      'day-3',
      'day-4',
      'day-5',
      'day-6',
      'day-7',
      'day-8',
      'day-9',
      'day-10',
    ]);
  });

  it('gives the 30-minute to 2-hour checks −5/+15 minutes and the 4- and 6-hour checks −15/+30 minutes', () => {
    expect(byId(items, 'post-30')).toMatchObject({
      label: 'schedule.postInfusion',
      labelParams: { minutes: 30 },
      windowStart: E + 25 * MIN,
      dueAt: E + 30 * MIN,
      windowEnd: E + 45 * MIN,
    });
    expect(byId(items, 'post-120')).toMatchObject({ windowStart: E + 115 * MIN, windowEnd: E + 135 * MIN });
    expect(byId(items, 'post-240')).toMatchObject({
      windowStart: E + 225 * MIN,
      dueAt: E + 240 * MIN,
      windowEnd: E + 270 * MIN,
    });
    expect(byId(items, 'post-360')).toMatchObject({ windowStart: E + 345 * MIN, windowEnd: E + 390 * MIN });
  });

  it('puts day 1 at 24 hours after the end, −2 h/+4 h, with laboratory tests', () => {
    expect(byId(items, 'day-1')).toMatchObject({
      label: 'schedule.day',
      labelParams: { day: 1 },
      windowStart: E + 22 * HOUR,
      dueAt: E + 24 * HOUR,
      windowEnd: E + 28 * HOUR,
      includesLabs: true,
    });
  });

  it('opens each day 2–10 check at 08:00 and closes it at 20:00 Paris time', () => {
    expect(byId(items, 'day-2')).toMatchObject({
      dueAt: at('2025-03-27T07:00:00Z'),
      windowStart: at('2025-03-27T07:00:00Z'),
      windowEnd: at('2025-03-27T19:00:00Z'),
      day: 2,
    });
  });

  it('follows the clocks on the day they go forward: 08:00–20:00 summer time is 06:00–18:00 UTC', () => {
    expect(byId(items, 'day-4')).toMatchObject({
      windowStart: at('2025-03-29T07:00:00Z'),
      windowEnd: at('2025-03-29T19:00:00Z'),
    });
    expect(byId(items, 'day-5')).toMatchObject({
      windowStart: at('2025-03-30T06:00:00Z'),
      windowEnd: at('2025-03-30T18:00:00Z'),
    });
    expect(byId(items, 'day-10').windowStart).toBe(at('2025-04-04T06:00:00Z'));
  });

  it('follows the clocks on the day they go back in October', () => {
    // Infusion ended 21 October 2025, 15:00 Paris (13:00 UTC); day 5 is Sunday 26 October.
    const autumn = monitoringSchedule({ infusionEndedAt: at('2025-10-21T13:00:00Z') });
    expect(byId(autumn, 'day-4')).toMatchObject({
      windowStart: at('2025-10-25T06:00:00Z'),
      windowEnd: at('2025-10-25T18:00:00Z'),
    });
    expect(byId(autumn, 'day-5')).toMatchObject({
      windowStart: at('2025-10-26T07:00:00Z'),
      windowEnd: at('2025-10-26T19:00:00Z'),
    });
  });

  it('marks days 1, 3 and 10 only as recording laboratory tests', () => {
    expect(items.filter((item) => item.includesLabs).map((item) => item.id)).toEqual([
      'day-1',
      'day-3',
      'day-10',
    ]);
  });

  it('counts days from the local date of the start when the infusion runs past midnight', () => {
    // Started 23:30 Paris on 25 March (22:30 UTC), ended 00:30 on 26 March: day 0 is 25 March.
    const overnight = monitoringSchedule({
      infusionStartedAt: at('2025-03-25T22:30:00Z'),
      infusionEndedAt: at('2025-03-25T23:30:00Z'),
    });
    expect(byId(overnight, 'day-2').windowStart).toBe(at('2025-03-27T07:00:00Z'));
    const withoutStart = monitoringSchedule({ infusionEndedAt: at('2025-03-25T23:30:00Z') });
    expect(byId(withoutStart, 'day-2').windowStart).toBe(at('2025-03-28T07:00:00Z'));
  });

  it('uses the local calendar day, not the UTC one, near midnight', () => {
    // Ended 00:30 Paris on 1 July 2025 = 22:30 UTC on 30 June.
    const late = monitoringSchedule({ infusionEndedAt: at('2025-06-30T22:30:00Z') });
    expect(byId(late, 'day-2').windowStart).toBe(at('2025-07-03T06:00:00Z'));
  });

  it('accepts another time zone', () => {
    const utc = monitoringSchedule({ infusionEndedAt: E, timeZone: 'UTC' });
    expect(byId(utc, 'day-5')).toMatchObject({
      windowStart: at('2025-03-30T08:00:00Z'),
      windowEnd: at('2025-03-30T20:00:00Z'),
    });
  });

  it('gives an empty schedule for an invalid end, start or time zone', () => {
    expect(monitoringSchedule({ infusionEndedAt: Number.NaN })).toEqual([]);
    expect(monitoringSchedule({ infusionEndedAt: E, infusionStartedAt: E + MIN })).toEqual([]);
    expect(monitoringSchedule({ infusionEndedAt: E, timeZone: 'Mars/Olympus_Mons' })).toEqual([]);
  });
});
