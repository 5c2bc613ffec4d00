// Response endpoints of the MSC-LES synopsis (secondary endpoints 1, 3, 6, 7): pure functions over entered facts.
export type {
  FailureEvent,
  PrednisoneDose,
  RenalAssessment,
  SriDefinition,
  TreatmentFailureFacts,
  Visit,
  VisitScores,
} from '@/schema/endpoints';
/** SRI at a visit against M0, by the 'protocol' (no new B) or 'furie2009' (≤ 1 new B) definition, labelled. */
export { SRI_DEFINITIONS, sriResponse, type SriResult } from './sri';
/** MCR / PCR / none at a visit against M0 from BILAG-2004, with coded reasons; independent of visit order. */
export { clinicalResponse, type ClinicalResponse } from './clinical-response';
/** Mean prednisone over weeks 40–52 (days 280–364, the M12 record wherever M12 falls) ≤ 75 % of M0 and < 7.5 mg/day. */
export { STEROID_SPARING_WINDOW, steroidSparing } from './steroid-sparing';
/** Each treatment-failure criterion from entered labs and events, with its confirmation rule, and which triggered. */
export {
  FAILURE_CRITERIA,
  evaluateFailureCriteria,
  proteinuriaDoublingThreshold,
  treatmentFailure,
  type FailureCriterion,
  type ProteinuriaBasis,
  type FailureCriterionOutcome,
} from './treatment-failure';
/** The trial team's readings of the failure confirmations (working defaults for the trial configuration). */
export {
  TREATMENT_FAILURE_RULES,
  type ConfirmationRule,
  type TreatmentFailureRules,
} from './treatment-failure-rules';
