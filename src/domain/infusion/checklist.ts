import type { InfusionChecklistItem, InfusionStep } from '@/schema/infusion';
import { INFUSION_CHECKLIST_ITEMS } from '@/schema/infusion';
import { SCHEDULE_CONFIG } from '../schedule/config';
import { weightChange } from './weight';

// The pre-infusion checklist (issue 21): each item done, waived by a physician, or still open; "Start the
// infusion" only when none is open.

export type ChecklistItemState =
  | { state: 'open' }
  | { state: 'done'; step: InfusionStep }
  | { state: 'waived'; step: InfusionStep }
  /** Done, but the physician must agree (weight more than 10 % from the assigned weight). */
  | { state: 'needsPhysician'; step: InfusionStep; why: 'weightChange' }
  /** The baseline set is older than the 30 minutes before now (the start). */
  | { state: 'expired'; step: InfusionStep; why: 'baselineTooOld' };

export type ChecklistStatus = {
  items: Record<InfusionChecklistItem, ChecklistItemState>;
  /** Every item done or waived: the infusion may start. */
  canStart: boolean;
};

/**
 * The checklist's state at `now` (the time the infusion would start) from its recorded steps. The latest step of
 * an item counts; a waiver covers its item whatever was recorded before. `baselineTakenAt` is the time of the set
 * a baselineVitals step points to (the set is its own record).
 */
export function checklistStatus(
  steps: readonly InfusionStep[],
  now: number,
  baselineTakenAt?: number,
): ChecklistStatus {
  const latest = new Map<InfusionChecklistItem, InfusionStep>();
  for (const step of [...steps].sort((a, b) => Date.parse(a.at) - Date.parse(b.at))) {
    // A waiver stays: a later "done" does not undo a physician's decision, and none is needed after it.
    if (latest.get(step.item)?.outcome === 'waived') continue;
    latest.set(step.item, step);
  }
  const windowMs = SCHEDULE_CONFIG.infusion.baselineWindowMin * 60_000;
  const items = Object.fromEntries(
    INFUSION_CHECKLIST_ITEMS.map((item): [InfusionChecklistItem, ChecklistItemState] => {
      const step = latest.get(item);
      if (!step) return [item, { state: 'open' }];
      if (step.outcome === 'waived') return [item, { state: 'waived', step }];
      if (step.item === 'weight' && weightChange(step.weightKg, step.assignedWeightKg)?.needsPhysician)
        return [item, { state: 'needsPhysician', step, why: 'weightChange' }];
      if (step.item === 'baselineVitals') {
        const taken = baselineTakenAt;
        if (taken === undefined || now - taken > windowMs || taken > now + 60_000)
          return [item, { state: 'expired', step, why: 'baselineTooOld' }];
      }
      return [item, { state: 'done', step }];
    }),
  ) as Record<InfusionChecklistItem, ChecklistItemState>;
  const canStart = INFUSION_CHECKLIST_ITEMS.every(
    (item) => items[item].state === 'done' || items[item].state === 'waived',
  );
  return { items, canStart };
}
