import type { ScheduleItem, VisitScheduleInput } from '@/schema/schedule';
import { addDays, formatCalendarDate, parseCalendarDate, type CalendarDate } from './calendar-date';
import { SCHEDULE_CONFIG } from './config';
import { byDueTime } from './schedule-item';
import { isValidTimeZone, wallTimeToEpoch } from './zoned-time';

const MIDNIGHT = { hour: 0, minute: 0 };

/**
 * The follow-up visits M0, M1, M3, M6, M9, M12 (visits.md): day 0 is the infusion date, each visit is due at the
 * local start of its target day and on time from the first day of its window to the last one, that whole day
 * included (windowEnd is the last millisecond before the next local midnight). M0 (window −14 … 0) is due on
 * day 0: it must be complete before the infusion starts, which the infusion screen enforces. Each item carries
 * the visit's contents and its calendar dates for display.
 *
 * An invalid date or unknown time zone gives an empty schedule.
 */
export function visitSchedule(input: VisitScheduleInput): ScheduleItem[] {
  const dayZero = parseCalendarDate(input.infusionDate);
  const timeZone = input.timeZone ?? SCHEDULE_CONFIG.timeZone;
  if (!dayZero || !isValidTimeZone(timeZone)) return [];

  const startOf = (date: CalendarDate) => wallTimeToEpoch(date, MIDNIGHT, timeZone);
  const items = SCHEDULE_CONFIG.visits.map((visit): ScheduleItem => {
    const target = addDays(dayZero, visit.targetDay);
    const first = addDays(dayZero, visit.windowDays.from);
    const last = addDays(dayZero, visit.windowDays.to);
    return {
      id: visit.id,
      label: 'schedule.visit',
      labelParams: { visit: visit.id },
      dueAt: startOf(target),
      windowStart: startOf(first),
      windowEnd: startOf(addDays(last, 1)) - 1,
      phase: 'visit',
      day: visit.targetDay,
      targetDate: formatCalendarDate(target),
      windowStartDate: formatCalendarDate(first),
      windowEndDate: formatCalendarDate(last),
      contents: visit.contents,
      ...('primaryEfficacy' in visit ? { primaryEfficacy: true } : {}),
      ...('endOfFollowUp' in visit ? { endOfFollowUp: true } : {}),
    };
  });
  return byDueTime(items);
}
