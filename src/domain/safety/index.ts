// Adverse events, vital-sign alerts and laboratory grades: CTCAE v5.0 at the bedside and the tolerance endpoint.
export type {
  AdverseEvent,
  AdverseEventTerm,
  CtcaeGrade,
  Relatedness,
  SeriousnessCriterion,
} from '@/schema/adverse-events';
/** The safety defaults (vital-sign alert thresholds, SAE deadline, lab unit guard): the trial team's values. */
export {
  SAFETY_CONFIG,
  VITAL_ALERT_THRESHOLDS,
  TOLERANCE_CONFIG,
  LAB_VALUE_BOUNDS,
  type VitalAlertThresholds,
  type ToleranceConfig,
} from './config';
/** CTCAE version stamped on every grade; grade texts per term (null = grade not defined, cannot be chosen). */
export { CTCAE_VERSION, CTCAE_GRADES, availableGrades, type GradeTexts } from './ctcae-grades';
/** The solicited bedside terms with MedDRA code, SOC, NCI's English and the French working translation. */
export {
  BEDSIDE_TERMS,
  SOLICITED_INFECTION,
  ctcaeTerm,
  isBedsideTermId,
  bedsideTermByMeddraCode,
  gradesAvailable,
  termName,
  gradeText,
  adverseEventTermFor,
  solicitedChecklist,
  type BedsideTerm,
  type BedsideTermId,
  type SolicitedItem,
  type MonitoringPhase,
} from './ctcae';
/** MedDRA SOC names in French. */
export { SOC_NAMES_FR, socName } from './soc';
/** The full catalogue (837 terms; heavy: import lazily), lookup by MedDRA code, grade allowed for a term. */
export { ctcaeCatalogue, ctcaeEntry, isGradeAllowed, type CtcaeEntry } from './ctcae-catalogue';
/** Accent- and case-insensitive search of the full catalogue for "any other event". */
export { searchCtcae, type CtcaeSearchHit, type CtcaeSearchOptions } from './ctcae-search';
/** Infusion related reaction and allergic reaction ticked at one check: ask which applies, the other is its sign. */
export {
  reconcileInfusionReaction,
  INFUSION_REACTION_PAIR,
  type InfusionReactionTerm,
  type InfusionReactionReconciliation,
} from './infusion-reaction';
/** Alerts on a vital-sign set, against thresholds and the pre-infusion baseline. */
export { assessVitals, VITAL_ALERTS, type Vitals, type VitalAlert } from './vitals';
/** CTCAE grade 0–4 of a lab value, with the rule (normal range, threshold, ULN, baseline) that produced it. */
export {
  gradeLab,
  LAB_TERMS,
  type LabTerm,
  type LabGrade,
  type LabGradeBasis,
  type LabInput,
  type LabResult,
} from './labs';
/** Worst grade per term, DLT by the protocol's definition, SAE 24-hour deadlines, over infusion + 10 days. */
export {
  summarizeTolerance,
  dltReasons,
  termKey,
  type AdverseEventRecord,
  type ToleranceInput,
  type ToleranceSummary,
  type DltReason,
  type SaeStatus,
} from './tolerance';
/** An adverse event over time (grade at onset + gradings, worst derived) and who may change what in it. */
export {
  gradeHistory,
  worstAdverseEventGrade,
  currentAdverseEventGrade,
  withWorstGrade,
  physicianOnlyChanges,
  mayWriteAdverseEvent,
  saeClock,
  type SaeClock,
  type GradePoint,
} from './adverse-event';
