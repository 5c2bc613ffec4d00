import { DOSING_CONFIG } from './dosing/config';
import { ELIGIBILITY_THRESHOLDS } from './eligibility';
import { STEROID_SPARING_WINDOW, TREATMENT_FAILURE_RULES } from './endpoints';
import { SAFETY_CONFIG } from './safety/config';
import { SCHEDULE_CONFIG } from './schedule/config';

/**
 * The trial team's working defaults where the MSC-LES synopsis is silent (shared/clinical/README.md), in one
 * object: schedules and windows, eligibility thresholds, vital-sign alerts and tolerance rules, dosing and the
 * Bayesian decision settings. Screens show these as configured values; each part keeps its sources beside it.
 */
export const TRIAL_CONFIG = {
  schedule: SCHEDULE_CONFIG,
  eligibility: ELIGIBILITY_THRESHOLDS,
  safety: SAFETY_CONFIG,
  dosing: DOSING_CONFIG,
  endpoints: { steroidSparing: STEROID_SPARING_WINDOW, treatmentFailure: TREATMENT_FAILURE_RULES },
} as const;
export type TrialConfig = typeof TRIAL_CONFIG;
