// Schedules of the infusion, the 10-day monitoring and the M0–M12 visits, and the state of each item at a time.
export type { ItemState, MissedDeclaration, ScheduleItem, VisitContents, VisitId } from '@/schema/schedule';
/** The schedule defaults (check times, windows, visit days and contents): the trial team's working values. */
export { SCHEDULE_CONFIG, type ScheduleConfig } from './config';
/** Baseline, every-15-minute and end-of-infusion checks from the start (and end, once recorded). */
export { infusionSchedule } from './infusion-schedule';
/** Post-infusion, day 1 and day 2–10 checks from the end of the infusion. */
export { monitoringSchedule } from './monitoring-schedule';
/** The primary endpoint's window: from the start of the infusion to 23:59:59.999 local on day 10. */
export { toleranceWindow } from './tolerance-window';
/** M0…M12 with target days, windows and contents. */
export { visitSchedule } from './visit-schedule';
/** upcoming/due/overdue/done/missed at a time; whether an entry was early, on time or late. */
export { itemState, isLate, entryTiming, type EntryTiming } from './item-state';
