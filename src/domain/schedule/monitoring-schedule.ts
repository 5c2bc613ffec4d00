import type { MonitoringScheduleInput, ScheduleItem } from '@/schema/schedule';
import { addDays } from './calendar-date';
import { SCHEDULE_CONFIG } from './config';
import { MINUTE_MS, byDueTime, isInstant, windowedItem } from './schedule-item';
import { isValidTimeZone, localDateAt, wallTimeToEpoch } from './zoned-time';

const { postInfusion, day1, dailyChecks, labDays } = SCHEDULE_CONFIG;

/**
 * The tolerance checks from the end of the infusion E to day 10 (infusion-and-monitoring.md, "Schedule"):
 *   - 'post-30', 'post-60', 'post-120' at E + 30 min, 1 h, 2 h (−5/+15 min); 'post-240', 'post-360' at
 *     E + 4 h, 6 h (−15/+30 min);
 *   - 'day-1' at E + 24 h (−2 h/+4 h), in elapsed time: across a clock change it falls an hour off on the wall;
 *   - 'day-2' … 'day-10', one per calendar day D (D = days after the infusion date, day 0 = local date of the
 *     start), on time from 08:00 to 20:00 local time both inclusive, due from 08:00.
 * Days 1, 3 and 10 carry `includesLabs: true` (blood count, creatinine, ALT, AST).
 *
 * Invalid input (a non-finite time, an end before the start, an unknown time zone) gives an empty schedule.
 */
export function monitoringSchedule(input: MonitoringScheduleInput): ScheduleItem[] {
  const { infusionEndedAt, infusionStartedAt } = input;
  const timeZone = input.timeZone ?? SCHEDULE_CONFIG.timeZone;
  if (!isInstant(infusionEndedAt) || !isValidTimeZone(timeZone)) return [];
  if (
    infusionStartedAt !== undefined &&
    !(isInstant(infusionStartedAt) && infusionStartedAt < infusionEndedAt)
  ) {
    return [];
  }

  const items: ScheduleItem[] = postInfusion.map(({ offsetMin, beforeMin, afterMin }) =>
    windowedItem(
      {
        id: `post-${offsetMin}`,
        label: 'schedule.postInfusion',
        labelParams: { minutes: offsetMin },
        dueAt: infusionEndedAt + offsetMin * MINUTE_MS,
        phase: 'monitoring',
      },
      { beforeMin, afterMin },
    ),
  );

  items.push(
    windowedItem(
      { ...dayFields(1), dueAt: infusionEndedAt + day1.offsetMin * MINUTE_MS },
      { beforeMin: day1.beforeMin, afterMin: day1.afterMin },
    ),
  );

  const dayZero = localDateAt(infusionStartedAt ?? infusionEndedAt, timeZone);
  for (let day = dailyChecks.fromDay; day <= dailyChecks.toDay; day++) {
    const date = addDays(dayZero, day);
    const opens = wallTimeToEpoch(date, dailyChecks.opensAt, timeZone);
    const closes = wallTimeToEpoch(date, dailyChecks.closesAt, timeZone);
    items.push({ ...dayFields(day), dueAt: opens, windowStart: opens, windowEnd: closes });
  }
  return byDueTime(items);
}

function dayFields(day: number) {
  return {
    id: `day-${day}`,
    label: 'schedule.day',
    labelParams: { day },
    phase: 'monitoring' as const,
    day,
    ...((labDays as readonly number[]).includes(day) ? { includesLabs: true } : {}),
  };
}
