import type { ItemState, MissedDeclaration, ScheduleItem } from '@/schema/schedule';
import { isInstant } from './schedule-item';

// The state of a scheduled check or visit at a time `now` (shared/clinical/visits.md, "States of a visit").
// Rules, in order of precedence:
//   1. done     — `doneAt` is given (its forms are finalised). A completion is a fact, whatever `now` is: a
//                 record synced from a tablet whose clock runs a little ahead must not look undone.
//   2. missed   — the team declared it missed, with a reason (`missed`). Done wins over missed: data entered
//                 after a declaration shows the item as done (and late), the declaration stays in the audit.
//   3. upcoming — now < windowStart.
//   4. due      — windowStart ≤ now ≤ windowEnd: both window ends are inclusive, to the millisecond.
//   5. overdue  — now > windowEnd and nothing recorded: still enterable, then marked late (`isLate`).
// Nothing ever becomes 'missed' by the clock alone: only a person decides that a check will not be done.
// For a fixed item, doneAt and declaration the state never moves backwards as `now` grows.

export function itemState(
  item: ScheduleItem,
  now: number,
  doneAt?: number,
  missed?: MissedDeclaration,
): ItemState {
  if (isInstant(doneAt)) return 'done';
  if (missed !== undefined && missed !== null) return 'missed';
  // An unknown current time claims nothing is due yet rather than raising a false alarm.
  if (!isInstant(now) || now < item.windowStart) return 'upcoming';
  return now <= item.windowEnd ? 'due' : 'overdue';
}

export type EntryTiming = 'early' | 'onTime' | 'late';

/** Whether an entry made at `doneAt` fell before, inside (ends inclusive) or after the item's window. */
export function entryTiming(item: ScheduleItem, doneAt: number): EntryTiming {
  if (doneAt < item.windowStart) return 'early';
  return doneAt <= item.windowEnd ? 'onTime' : 'late';
}

/**
 * True when an entry made at `doneAt` is after the window closed: the form then asks for a reason and the record
 * carries the flag. An entry at exactly `windowEnd` is on time. A non-finite `doneAt` is not a late entry.
 */
export function isLate(item: ScheduleItem, doneAt: number): boolean {
  return isInstant(doneAt) && entryTiming(item, doneAt) === 'late';
}
