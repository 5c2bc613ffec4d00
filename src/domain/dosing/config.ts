import type { DoseDecisionSettings, DoseLevel } from '@/schema/dosing';
import { SCHEDULE_CONFIG } from '../schedule/config';

// The dosing defaults in one place, for the trial configuration. The synopsis fixes the dose levels, the first
// cohort's dose and the cohort size; every other number is the trial team's working default from
// shared/clinical/dosing.md and infusion-and-monitoring.md, shown with every result it produces.

/** Dose levels, ×10⁶ viable MSC per kg, lowest first: de-escalation and escalation move along this ladder. */
export const DOSE_LEVELS: readonly DoseLevel[] = [1, 2, 4]; // synopsis, "Study treatment"

/** The sequential Bayesian decision (dosing.md, "Model" and "Decisions"; Thall, Simon & Estey, Stat Med 1995). */
export const DOSE_DECISION_SETTINGS = {
  /** Uniform Beta(1, 1) prior on the DLT probability (dosing.md default). */
  prior: { a: 1, b: 1 },
  /** Excessive toxicity: p > 0.30 (dosing.md default θ). */
  threshold: 0.3,
  /** Safety signal: P(p > θ) ≥ 0.70 at any time after a participant completes (dosing.md). */
  safetySignalAt: 0.7,
  /** End of cohort: ≥ 0.70 → de-escalate (dosing.md). */
  deEscalateAt: 0.7,
  /** End of cohort: ≤ 0.20 → escalate (dosing.md). */
  escalateAt: 0.2,
  /** 5 participants per cohort (synopsis, "Analyse statistique"). */
  cohortSize: 5,
} as const satisfies DoseDecisionSettings;

export const DOSING_CONFIG = {
  doseLevels: DOSE_LEVELS,
  /** The first 5 participants receive 2 ×10⁶/kg (synopsis, "Analyse statistique"). */
  firstCohortDoseLevel: 2 as DoseLevel,
  /** Weight on the infusion day, kg, inclusive; outside → refused (dosing.md "Dose"). */
  weightKg: { min: 30, max: 200 },
  /** Release criterion: viability ≥ 70 % (infusion-and-monitoring.md, "Product and dose"). */
  minViabilityPercent: 70,
  /** Planned infusion duration, min (infusion-and-monitoring.md): one setting, shared with the schedule. */
  infusionDurationMin: SCHEDULE_CONFIG.infusion.plannedDurationMin,
  decision: DOSE_DECISION_SETTINGS,
} as const;
export type DosingConfig = typeof DOSING_CONFIG;
