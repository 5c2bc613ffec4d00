import { describe, expect, it } from 'vitest';
import { infusionSchedule } from '@/domain';

const MIN = 60_000;
const T0 = Date.parse('2025-03-25T09:00:00Z');
const ids = (items: { id: string }[]) => items.map((item) => item.id);
const byId = (items: ReturnType<typeof infusionSchedule>, id: string) => {
  const found = items.find((item) => item.id === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
};

describe('infusionSchedule', () => {
  it('plans baseline, checks at 15, 30 and 45 min and a provisional end at 60 min before the end is known', () => {
    const items = infusionSchedule({ startedAt: T0 });
    expect(ids(items)).toEqual(['baseline', 'infusion-15', 'infusion-30', 'infusion-45', 'end']);
    expect(byId(items, 'end')).toMatchObject({ dueAt: T0 + 60 * MIN, provisional: true });
  });

  it('takes the baseline within the 30 minutes before the start', () => {
    expect(byId(infusionSchedule({ startedAt: T0 }), 'baseline')).toMatchObject({
      label: 'schedule.baseline',
      windowStart: T0 - 30 * MIN,
      dueAt: T0,
      windowEnd: T0,
    });
  });

  it('gives every 15-minute check a window from 2 minutes before to 5 minutes after', () => {
    expect(byId(infusionSchedule({ startedAt: T0 }), 'infusion-30')).toMatchObject({
      label: 'schedule.infusion',
      labelParams: { minutes: 30 },
      windowStart: T0 + 28 * MIN,
      dueAt: T0 + 30 * MIN,
      windowEnd: T0 + 35 * MIN,
    });
  });

  it('uses the planned duration while the end is unknown', () => {
    expect(ids(infusionSchedule({ startedAt: T0, plannedDurationMin: 30 }))).toEqual([
      'baseline',
      'infusion-15',
      'end',
    ]);
    const long = infusionSchedule({ startedAt: T0, plannedDurationMin: 120 });
    expect(ids(long).filter((id) => id.startsWith('infusion-'))).toHaveLength(7);
    expect(byId(long, 'end').dueAt).toBe(T0 + 120 * MIN);
  });

  it('refuses a planned duration outside 30 to 120 minutes with an empty schedule', () => {
    expect(infusionSchedule({ startedAt: T0, plannedDurationMin: 29 })).toEqual([]);
    expect(infusionSchedule({ startedAt: T0, plannedDurationMin: 121 })).toEqual([]);
    expect(infusionSchedule({ startedAt: T0, plannedDurationMin: Number.NaN })).toEqual([]);
  });

  it('once the end is recorded, keeps only checks strictly before it and ends 0/+10 minutes from it', () => {
    const items = infusionSchedule({ startedAt: T0, endedAt: T0 + 47 * MIN });
    expect(ids(items)).toEqual(['baseline', 'infusion-15', 'infusion-30', 'infusion-45', 'end']);
    expect(byId(items, 'end')).toEqual({
      id: 'end',
      label: 'schedule.end',
      phase: 'infusion',
      dueAt: T0 + 47 * MIN,
      windowStart: T0 + 47 * MIN,
      windowEnd: T0 + 57 * MIN,
    });
  });

  it('does not double the end with a 15-minute check falling exactly on it', () => {
    expect(ids(infusionSchedule({ startedAt: T0, endedAt: T0 + 60 * MIN }))).toEqual([
      'baseline',
      'infusion-15',
      'infusion-30',
      'infusion-45',
      'end',
    ]);
  });

  it('keeps checks coming every 15 minutes when the infusion runs past its planned end', () => {
    const items = infusionSchedule({ startedAt: T0, now: T0 + 62 * MIN });
    expect(ids(items)).toEqual([
      'baseline',
      'infusion-15',
      'infusion-30',
      'infusion-45',
      'infusion-60',
      'end',
    ]);
    expect(byId(items, 'end')).toMatchObject({ dueAt: T0 + 75 * MIN, provisional: true });
  });

  it('gives a check the same id before and after the real end is recorded', () => {
    const running = infusionSchedule({ startedAt: T0, now: T0 + 70 * MIN });
    const ended = infusionSchedule({ startedAt: T0, endedAt: T0 + 72 * MIN });
    expect(byId(running, 'infusion-60')).toEqual(byId(ended, 'infusion-60'));
  });

  it('ignores the current time before the planned end', () => {
    expect(infusionSchedule({ startedAt: T0, now: T0 + 10 * MIN })).toEqual(
      infusionSchedule({ startedAt: T0 }),
    );
  });

  it('gives an empty schedule for a start that is not a time or an end that is not after it', () => {
    expect(infusionSchedule({ startedAt: Number.NaN })).toEqual([]);
    expect(infusionSchedule({ startedAt: T0, endedAt: T0 })).toEqual([]);
    expect(infusionSchedule({ startedAt: T0, endedAt: T0 - MIN })).toEqual([]);
    expect(infusionSchedule({ startedAt: T0, endedAt: Number.POSITIVE_INFINITY })).toEqual([]);
  });
});
