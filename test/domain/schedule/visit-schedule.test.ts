import { describe, expect, it } from 'vitest';
import { SCHEDULE_CONFIG, itemState, visitSchedule, type ScheduleItem } from '@/domain';

const at = (iso: string) => Date.parse(iso);
const byId = (items: ScheduleItem[], id: string) => {
  const found = items.find((item) => item.id === id);
  if (!found) throw new Error(`no item ${id}`);
  return found;
};

// Infusion on Tuesday 25 March 2025 (day 0), in Paris.
const items = visitSchedule({ infusionDate: '2025-03-25' });

describe('visitSchedule', () => {
  it('lists M0, M1, M3, M6, M9 and M12 in order with i18n labels', () => {
    expect(items.map((item) => item.id)).toEqual(['M0', 'M1', 'M3', 'M6', 'M9', 'M12']);
    expect(byId(items, 'M3')).toMatchObject({
      label: 'schedule.visit',
      labelParams: { visit: 'M3' },
      phase: 'visit',
    });
  });

  it('puts each visit on its target day with the window of visits.md', () => {
    const dates = items.map(({ id, day, windowStartDate, targetDate, windowEndDate }) => ({
      id,
      day,
      windowStartDate,
      targetDate,
      windowEndDate,
    }));
    expect(dates).toEqual([
      {
        id: 'M0',
        day: 0,
        windowStartDate: '2025-03-11',
        targetDate: '2025-03-25',
        windowEndDate: '2025-03-25',
      },
      {
        id: 'M1',
        day: 30,
        windowStartDate: '2025-04-17',
        targetDate: '2025-04-24',
        windowEndDate: '2025-05-01',
      },
      {
        id: 'M3',
        day: 91,
        windowStartDate: '2025-06-10',
        targetDate: '2025-06-24',
        windowEndDate: '2025-07-08',
      },
      {
        id: 'M6',
        day: 182,
        windowStartDate: '2025-09-09',
        targetDate: '2025-09-23',
        windowEndDate: '2025-10-07',
      },
      {
        id: 'M9',
        day: 273,
        windowStartDate: '2025-12-09',
        targetDate: '2025-12-23',
        windowEndDate: '2026-01-06',
      },
      {
        id: 'M12',
        day: 365,
        windowStartDate: '2026-03-11',
        targetDate: '2026-03-25',
        windowEndDate: '2026-04-08',
      },
    ]);
  });

  it('opens a window at local midnight of its first day and closes it at the end of its last day', () => {
    const m1 = byId(items, 'M1');
    expect(m1.windowStart).toBe(at('2025-04-17T00:00:00+02:00'));
    expect(m1.dueAt).toBe(at('2025-04-24T00:00:00+02:00'));
    expect(m1.windowEnd).toBe(at('2025-05-02T00:00:00+02:00') - 1);
  });

  it('counts a visit late on the last day of its window as on time, and one the next morning as overdue', () => {
    const m3 = byId(items, 'M3');
    expect(itemState(m3, at('2025-07-08T23:30:00+02:00'))).toBe('due');
    expect(itemState(m3, at('2025-07-09T00:00:00+02:00'))).toBe('overdue');
    expect(itemState(m3, at('2025-06-09T23:59:59+02:00'))).toBe('upcoming');
    expect(itemState(m3, at('2025-06-10T00:00:00+02:00'))).toBe('due');
  });

  it('keeps whole local days for a window that spans a clock change', () => {
    // M12's window runs 11 March – 8 April 2026; clocks go forward on 29 March 2026.
    const m12 = byId(items, 'M12');
    expect(m12.windowStart).toBe(at('2026-03-11T00:00:00+01:00'));
    expect(m12.windowEnd).toBe(at('2026-04-09T00:00:00+02:00') - 1);
  });

  it('closes M0 on the infusion day, since it must be complete before the infusion', () => {
    expect(byId(items, 'M0').windowEnd).toBe(at('2025-03-26T00:00:00+01:00') - 1);
  });

  it('says what each visit collects', () => {
    expect(byId(items, 'M0').contents).toEqual({
      instruments: ['sledai', 'bilag', 'pga', 'sdi', 'sf36', 'eq5d5l'],
      forms: ['prednisone'],
      samples: ['biology', 'immunophenotyping', 'cytokines'],
    });
    expect(byId(items, 'M1').contents).toEqual({
      instruments: [],
      forms: ['toleranceReview', 'prednisone'],
      samples: ['biology', 'cytokines'],
    });
    expect(byId(items, 'M6').contents).toEqual(byId(items, 'M3').contents);
    expect(byId(items, 'M9').contents?.samples).toEqual(['biology', 'immunophenotyping']);
    expect(byId(items, 'M12').contents?.samples).toContain('cytokines');
  });

  it('flags M3 as the primary efficacy time point and M12 as the end of follow-up', () => {
    expect(items.filter((item) => item.primaryEfficacy).map((item) => item.id)).toEqual(['M3']);
    expect(items.filter((item) => item.endOfFollowUp).map((item) => item.id)).toEqual(['M12']);
  });

  it('collects cytokines at the union of the synopsis lists, all analysed by default', () => {
    const collected = items
      .filter((item) => item.contents?.samples.includes('cytokines'))
      .map((item) => item.id);
    expect(collected).toEqual(['M0', 'M1', 'M3', 'M6', 'M12']);
    expect(SCHEDULE_CONFIG.cytokinesAnalysedAt).toEqual(collected);
  });

  it('gives an empty schedule for a date that does not exist or an unknown time zone', () => {
    expect(visitSchedule({ infusionDate: '2025-02-29' })).toEqual([]);
    expect(visitSchedule({ infusionDate: 'tomorrow' })).toEqual([]);
    expect(visitSchedule({ infusionDate: '2025-03-25', timeZone: 'Nowhere/Land' })).toEqual([]);
  });
});
