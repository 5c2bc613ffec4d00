// Disease-activity and quality-of-life instruments: pure scores over answers validated by src/schema/instruments.
export type {
  BilagGrades,
  Eq5d5lAnswers,
  Eq5dDimension,
  SdiItemId,
  SdiItems,
  SdiSystem,
  SledaiAnswers,
  Sf36Form,
  Sf36Response,
  Sf36Scale,
  Sf36SummaryNorms,
} from '@/schema/instruments';
/** SELENA-SLEDAI descriptors with weights and system, and the 0–105 total (complete with all 24 answered). */
export {
  SLEDAI_DESCRIPTORS,
  SLEDAI_MAX_TOTAL,
  scoreSledai,
  type SledaiDescriptor,
  type SledaiId,
  type SledaiSystem,
  type SledaiWeight,
} from './sledai';
/** BILAG-2004 numeric score (A 12, B 8, C 1, D/E 0; 0–108), the counts of A and B, and grade activity order. */
export {
  BILAG_MAX_NUMERIC,
  BILAG_NUMERIC_VALUES,
  bilagActivity,
  scoreBilag,
  type BilagGrade,
  type BilagGradesBySystem,
  type BilagSystem,
} from './bilag';
/** Physician Global Assessment 0–3 (one decimal), and in tenths for exact SRI comparisons. */
export { pgaInTenths, scorePga } from './pga';
/** SLICC/ACR damage index items with their maxima, and the 0–47 total (ESRD replacing the other renal items). */
export { SDI_ITEMS } from '@/schema/instruments';
export { SDI_MAX_TOTAL, scoreSdi } from './sdi';
/** SF-36 eight 0–100 scales by the 'v2' or 'rand36' form, with PCS/MCS when a coefficient set is configured. */
export { SF36_SCALE_ITEMS, scoreSf36, type Sf36Result, type Sf36Scores } from './sf36';
export { sf36SummaryScores } from './sf36-summary';
/** EQ-5D-5L profile, level sum and French value-set index (Andrade 2020), with the EQ VAS checked 0–100. */
export { EQ5D_DIMENSIONS } from '@/schema/instruments';
export { FRENCH_5L_DECREMENTS, scoreEq5d5l } from './eq5d';
