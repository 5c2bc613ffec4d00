import type { ScheduleItem } from '@/schema/schedule';

// Building blocks shared by the three schedules.
//
// Labels are i18n keys, never display text: the screens translate `label` with `labelParams` in the
// participant-facing language (fr by default). Keys used: 'schedule.baseline', 'schedule.infusion'
// { minutes }, 'schedule.end', 'schedule.postInfusion' { minutes }, 'schedule.day' { day }, 'schedule.visit'
// { visit }. Ids are stable strings so that records can cite the check they answer (`checkId`).

export const MINUTE_MS = 60_000;

/** A usable instant: a finite number of epoch milliseconds. */
export function isInstant(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/** An item due at `dueAt`, on time from `beforeMin` minutes before it to `afterMin` minutes after it. */
export function windowedItem(
  fields: Omit<ScheduleItem, 'windowStart' | 'windowEnd'>,
  window: { beforeMin: number; afterMin: number },
): ScheduleItem {
  return {
    ...fields,
    windowStart: fields.dueAt - window.beforeMin * MINUTE_MS,
    windowEnd: fields.dueAt + window.afterMin * MINUTE_MS,
  };
}

/** Items in order of due time; equal due times keep their order of generation (Array.prototype.sort is stable). */
export function byDueTime(items: ScheduleItem[]): ScheduleItem[] {
  return items.sort((a, b) => a.dueAt - b.dueAt);
}
