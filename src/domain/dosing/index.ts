// Dose calculation, product checks, infusion rate and the sequential Bayesian dose decision.
export type {
  DoseLevel,
  DoseInput,
  ProductContent,
  InfusionProduct,
  DoseDecisionInput,
  DoseDecisionSettings,
  DoseRecommendation,
  DoseDecision,
} from '@/schema/dosing';
/** The dosing defaults (dose ladder, weight range, release criterion, duration, decision settings). */
export { DOSING_CONFIG, DOSE_LEVELS, DOSE_DECISION_SETTINGS, type DosingConfig } from './config';
/** Incomplete results that also say why each id was refused. */
export type { DoseRefusal, DoseRefusalReason, DoseRefused } from './refusal';
/** Cells (and mL) to infuse for a weight and dose level, with the product's checks when given. */
export { computeDose, type DoseResult } from './dose';
/** The full pre-infusion product check (identity, lot, expiry, cells, viability, volume) and the volume. */
export { checkProduct, productRefusals, volumeForCells } from './product';
/** Pump rate in mL/h over the planned duration (default 60 min, 30–120). */
export { infusionRate } from './infusion-rate';
/** Posterior of the DLT probability; the next-dose recommendation (safety signal, end of cohort, wait). */
export {
  toxicityPosterior,
  recommendNextDose,
  type ToxicityPosterior,
  type NextDoseRecommendation,
} from './dose-decision';
/** Which cohort and dose the next inclusion joins (cohort 1 at 2 ×10⁶/kg, cohort 2 at the decided dose). */
export {
  COHORT_COUNT,
  cohortCounts,
  cohortDoseLevel,
  cohortMemberStatus,
  decisionFor,
  nextInclusionSlot,
  type CohortDecision,
  type CohortMember,
  type CohortMemberStatus,
  type InclusionSlot,
} from './cohorts';
/** The posterior density of the DLT probability on equal bins, for the decision chart. */
export { posteriorDensityCurve } from './posterior-curve';
