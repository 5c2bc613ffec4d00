import type { InfusionScheduleInput, ScheduleItem } from '@/schema/schedule';
import { SCHEDULE_CONFIG } from './config';
import { MINUTE_MS, byDueTime, isInstant, windowedItem } from './schedule-item';

const { infusion } = SCHEDULE_CONFIG;

/**
 * The vital-sign checks of the infusion itself (infusion-and-monitoring.md, "Schedule"), from its start T0:
 *   - 'baseline'       due at T0, on time within the 30 min before it;
 *   - 'infusion-<min>' at T0 + 15, 30, 45 … min, every 15 min strictly before the end, each −2/+5 min;
 *   - 'end'            at the end E, 0/+10 min.
 * While the end is not recorded, E is the planned end (T0 + plannedDurationMin, default 60) and the 'end' item is
 * `provisional`. Once `now` reaches the planned end without an end recorded (a paused or slowed infusion), the
 * expected end moves to the next 15-minute slot after `now`, so the 15-minute checks keep coming and their ids
 * ('infusion-60', …) stay the ones they will have when the real end is recorded.
 *
 * Invalid input (a non-finite start, an end not after the start, a planned duration outside 30–120 min) gives an
 * empty schedule rather than plausible-looking times; a non-finite `now` is ignored.
 */
export function infusionSchedule(input: InfusionScheduleInput): ScheduleItem[] {
  const { startedAt, endedAt, now } = input;
  const plannedMin = input.plannedDurationMin ?? infusion.plannedDurationMin.default;
  const plannedValid =
    Number.isFinite(plannedMin) &&
    plannedMin >= infusion.plannedDurationMin.min &&
    plannedMin <= infusion.plannedDurationMin.max;
  if (!isInstant(startedAt) || !plannedValid) return [];
  if (endedAt !== undefined && !(isInstant(endedAt) && endedAt > startedAt)) return [];

  const slotMs = infusion.checkEveryMin * MINUTE_MS;
  const end = endedAt ?? expectedEnd(startedAt, startedAt + plannedMin * MINUTE_MS, slotMs, now);

  const items: ScheduleItem[] = [
    windowedItem(
      { id: 'baseline', label: 'schedule.baseline', dueAt: startedAt, phase: 'infusion' },
      { beforeMin: infusion.baselineWindowMin, afterMin: 0 },
    ),
  ];
  for (let dueAt = startedAt + slotMs; dueAt < end; dueAt += slotMs) {
    const minutes = Math.round((dueAt - startedAt) / MINUTE_MS);
    items.push(
      windowedItem(
        {
          id: `infusion-${minutes}`,
          label: 'schedule.infusion',
          labelParams: { minutes },
          dueAt,
          phase: 'infusion',
        },
        infusion.checkWindow,
      ),
    );
  }
  items.push(
    windowedItem(
      {
        id: 'end',
        label: 'schedule.end',
        dueAt: end,
        phase: 'infusion',
        ...(endedAt === undefined ? { provisional: true } : {}),
      },
      infusion.endWindow,
    ),
  );
  return byDueTime(items);
}

/** The planned end, or once `now` has reached it, the first 15-minute slot strictly after `now`. */
function expectedEnd(startedAt: number, plannedEnd: number, slotMs: number, now: number | undefined): number {
  if (!isInstant(now) || now < plannedEnd) return plannedEnd;
  return startedAt + (Math.floor((now - startedAt) / slotMs) + 1) * slotMs;
}
