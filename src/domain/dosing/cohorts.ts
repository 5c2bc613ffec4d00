import type { DoseLevel } from '@/schema/dosing';
import { DOSING_CONFIG } from './config';

// Where the next inclusion goes (synopsis, "Analyse statistique"): the first five participants at 2 ×10⁶/kg
// (cohort 1), the next five at the dose decided after cohort 1 (cohort 2). A cohort's slots are counted from the
// participants known to hold one; the central store enforces the same count across tablets (cohort-full).

export const COHORT_COUNT = 2;

export type CohortMember = { cohort?: number };
export type CohortDecision = {
  cohort?: number;
  decision: 'escalate' | 'de-escalate' | 'hold' | 'pause';
  nextDoseLevel?: DoseLevel;
  decidedAt: string;
};

export type InclusionSlot =
  | { ok: true; cohort: number; doseLevel: DoseLevel; slot: number; cohortSize: number }
  /** The cohort before is full and its dose decision is not recorded yet. */
  | { ok: false; reason: 'awaitingDecision'; cohort: number }
  /** The physician's decision paused inclusions. */
  | { ok: false; reason: 'inclusionsPaused'; cohort: number }
  /** Every cohort is full. */
  | { ok: false; reason: 'trialFull' };

/** The decision that closed `cohort`: the latest recorded (decision records without a cohort close cohort 1). */
export function decisionFor(
  decisions: readonly CohortDecision[],
  cohort: number,
): CohortDecision | undefined {
  return decisions
    .filter((d) => (d.cohort ?? 1) === cohort)
    .sort((a, b) => a.decidedAt.localeCompare(b.decidedAt))
    .at(-1);
}

/** The dose level of a cohort: cohort 1's is fixed; a later one's comes from the decision on the one before. */
export function cohortDoseLevel(decisions: readonly CohortDecision[], cohort: number): DoseLevel | undefined {
  if (cohort === 1) return DOSING_CONFIG.firstCohortDoseLevel;
  const decision = decisionFor(decisions, cohort - 1);
  if (!decision || decision.decision === 'pause') return undefined;
  return decision.nextDoseLevel;
}

/** The cohort, dose level and slot the next participant included joins. */
export function nextInclusionSlot(
  members: readonly CohortMember[],
  decisions: readonly CohortDecision[],
  cohortSize: number = DOSING_CONFIG.decision.cohortSize,
): InclusionSlot {
  for (let cohort = 1; cohort <= COHORT_COUNT; cohort += 1) {
    const held = members.filter((m) => m.cohort === cohort).length;
    if (held >= cohortSize) continue;
    if (cohort > 1) {
      const decision = decisionFor(decisions, cohort - 1);
      if (!decision) return { ok: false, reason: 'awaitingDecision', cohort: cohort - 1 };
      if (decision.decision === 'pause') return { ok: false, reason: 'inclusionsPaused', cohort: cohort - 1 };
    }
    const doseLevel = cohortDoseLevel(decisions, cohort);
    if (doseLevel === undefined) return { ok: false, reason: 'awaitingDecision', cohort: cohort - 1 };
    return { ok: true, cohort, doseLevel, slot: held + 1, cohortSize };
  }
  return { ok: false, reason: 'trialFull' };
}
