import type { ItemState, MissedDeclaration, ScheduleItem } from '@/schema/schedule';
import { itemState } from '../schedule/item-state';

// The 10-day strip of one participant (issue 22, "At a glance"): every check of the monitoring schedule from the
// end of the infusion to day 10 with its state at `now`. Done = a check record (or, for the post-infusion checks
// of the infusion workflow, a vital-sign set) citing the check's id; the earliest counts.

export type StripItem = { item: ScheduleItem; state: ItemState; doneAt?: number; byPhone?: boolean };

/** Check id → first time it was done, from the records that cite a check. */
export function doneTimes(
  records: readonly { kind: string; voided?: 0 | 1; data: Record<string, unknown> }[],
): { done: Record<string, number>; byPhone: Record<string, boolean> } {
  const done: Record<string, number> = {};
  const byPhone: Record<string, boolean> = {};
  for (const r of records) {
    if (r.voided) continue;
    const checkId = typeof r.data.checkId === 'string' ? r.data.checkId : undefined;
    const at =
      r.kind === 'monitoringCheck' ? r.data.doneAt : r.kind === 'vitalSigns' ? r.data.takenAt : undefined;
    if (!checkId || typeof at !== 'string') continue;
    const time = Date.parse(at);
    if (done[checkId] === undefined || time < done[checkId]) done[checkId] = time;
    if (r.kind === 'monitoringCheck' && r.data.byPhone === true) byPhone[checkId] = true;
  }
  return { done, byPhone };
}

export function monitoringStrip(input: {
  items: readonly ScheduleItem[];
  done: Readonly<Record<string, number>>;
  missed?: Readonly<Record<string, MissedDeclaration>>;
  byPhone?: Readonly<Record<string, boolean>>;
  now: number;
}): StripItem[] {
  return input.items.map((item) => {
    const doneAt = input.done[item.id];
    return {
      item,
      state: itemState(item, input.now, doneAt, input.missed?.[item.id]),
      ...(doneAt !== undefined ? { doneAt } : {}),
      ...(input.byPhone?.[item.id] ? { byPhone: true } : {}),
    };
  });
}
