// Eligibility for MSC-LES (inclusion I1–I9, non-inclusion NI1–NI12) and the renal function it needs.
export type { EligibilityFacts, ImmunosuppressantId } from '@/schema/eligibility';
/** Creatinine clearance by Cockcroft–Gault (mL/min) and eGFR by CKD-EPI 2021; NaN for invalid input. */
export { cockcroftGault, ckdEpi2021, CREATININE_UMOL_L_PER_MG_DL } from './renal';
/** Age in whole years at a date; NaN for invalid input. */
export { ageAt } from './age';
/** The protocol's numeric limits and the refractory regimens of I4, for display beside the answers. */
export { ELIGIBILITY_THRESHOLDS, REFRACTORY_REGIMENS } from './thresholds';
/** met / notMet / unknown per criterion, and the verdict eligible / ineligible / incomplete. */
export {
  assessEligibility,
  ELIGIBILITY_CRITERIA,
  type CriterionId,
  type CriterionKind,
  type CriterionResult,
  type EligibilityAssessment,
} from './criteria';
export type { CriterionAnswer, Reason as CriterionReason } from './finding';
/** Dated study procedures that precede the informed consent (refused), or lack one. */
export { consentProblems, type ConsentProblem } from './consent';
