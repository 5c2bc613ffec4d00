import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { infusionSchedule, itemState, monitoringSchedule, visitSchedule, type ScheduleItem } from '@/domain';
import { formatCalendarDate } from '@/domain/schedule/calendar-date';

const MIN = 60_000;
// 2000-01-01 … 2099-12-31, in ms: wide enough to cross many clock changes.
const instant = fc.integer({ min: 946_684_800_000, max: 4_102_444_799_000 });
const zone = fc.constantFrom(
  'Europe/Paris',
  'UTC',
  'America/New_York',
  'Australia/Lord_Howe',
  'Asia/Kolkata',
);

const infusions = fc.record(
  {
    startedAt: instant,
    endedAfterMin: fc.option(fc.integer({ min: 1, max: 300 }), { nil: undefined }),
    plannedDurationMin: fc.option(fc.integer({ min: 30, max: 120 }), { nil: undefined }),
    nowAfterMin: fc.option(fc.integer({ min: -60, max: 600 }), { nil: undefined }),
  },
  { requiredKeys: ['startedAt'] },
);

const anySchedule: fc.Arbitrary<ScheduleItem[]> = fc.oneof(
  infusions.map(({ startedAt, endedAfterMin, plannedDurationMin, nowAfterMin }) =>
    infusionSchedule({
      startedAt,
      endedAt: endedAfterMin === undefined ? undefined : startedAt + endedAfterMin * MIN,
      plannedDurationMin,
      now: nowAfterMin === undefined ? undefined : startedAt + nowAfterMin * MIN,
    }),
  ),
  fc.record({ infusionEndedAt: instant, timeZone: zone }).map((input) => monitoringSchedule(input)),
  fc
    .record({
      infusionDate: fc.date({
        min: new Date('2000-01-01'),
        max: new Date('2099-12-31'),
        noInvalidDate: true,
      }),
      timeZone: zone,
    })
    .map(({ infusionDate, timeZone }) =>
      visitSchedule({
        infusionDate: formatCalendarDate({
          year: infusionDate.getUTCFullYear(),
          month: infusionDate.getUTCMonth() + 1,
          day: infusionDate.getUTCDate(),
        }),
        timeZone,
      }),
    ),
);

const RANK = { upcoming: 0, due: 1, overdue: 2 } as const;

describe('schedule properties', () => {
  it('every schedule is sorted by due time', () => {
    fc.assert(
      fc.property(anySchedule, (items) => {
        expect(items.length).toBeGreaterThan(0);
        for (let i = 1; i < items.length; i++)
          expect(items[i]!.dueAt).toBeGreaterThanOrEqual(items[i - 1]!.dueAt);
      }),
    );
  });

  it('every item is due inside its own window', () => {
    fc.assert(
      fc.property(anySchedule, (items) => {
        for (const item of items) {
          expect(item.windowStart).toBeLessThanOrEqual(item.dueAt);
          expect(item.dueAt).toBeLessThanOrEqual(item.windowEnd);
        }
      }),
    );
  });

  it('item ids are unique within a schedule', () => {
    fc.assert(
      fc.property(anySchedule, (items) => {
        expect(new Set(items.map((item) => item.id)).size).toBe(items.length);
      }),
    );
  });

  it('each day 2–10 check spans 08:00 to 20:00 on the wall clock, 11 to 13 hours of real time', () => {
    fc.assert(
      fc.property(instant, zone, (infusionEndedAt, timeZone) => {
        for (const item of monitoringSchedule({ infusionEndedAt, timeZone }).filter(
          (i) => (i.day ?? 0) >= 2,
        )) {
          expect(item.windowEnd - item.windowStart).toBeGreaterThanOrEqual(11 * 60 * MIN);
          expect(item.windowEnd - item.windowStart).toBeLessThanOrEqual(13 * 60 * MIN);
        }
      }),
    );
  });

  it('an item state never goes back in time: upcoming, then due, then overdue', () => {
    const item = fc
      .tuple(instant, fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 1_000_000 }))
      .map(([start, toDue, toEnd]): ScheduleItem => ({
        id: 'x',
        label: 'schedule.test',
        windowStart: start,
        dueAt: start + toDue,
        windowEnd: start + toDue + toEnd,
      }));
    fc.assert(
      fc.property(
        item,
        fc.integer({ min: -2_000_000, max: 4_000_000 }),
        fc.integer({ min: 0, max: 2_000_000 }),
        (it, offset, step) => {
          const earlier = itemState(it, it.windowStart + offset);
          const later = itemState(it, it.windowStart + offset + step);
          expect(earlier in RANK && later in RANK).toBe(true);
          expect(RANK[later as keyof typeof RANK]).toBeGreaterThanOrEqual(RANK[earlier as keyof typeof RANK]);
        },
      ),
    );
  });

  it('a recorded completion or a declared miss holds at every time', () => {
    fc.assert(
      fc.property(instant, instant, instant, (now, doneAt, declaredAt) => {
        const item: ScheduleItem = {
          id: 'x',
          label: 'schedule.test',
          windowStart: 0,
          dueAt: 0,
          windowEnd: 0,
        };
        expect(itemState(item, now, doneAt)).toBe('done');
        expect(itemState(item, now, undefined, { reason: 'r', declaredAt })).toBe('missed');
      }),
    );
  });
});
