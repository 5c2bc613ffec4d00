import type { AssessmentForm } from '@/schema/assessments';
import type { AssessmentBody } from '../AssessmentShell';
import { BilagBody } from './BilagBody';
import { BiologyBody } from './BiologyBody';
import { FailureBody } from './FailureBody';
import { PgaBody } from './PgaBody';
import { PrednisoneBody } from './PrednisoneBody';
import { SdiBody } from './SdiBody';
import { SledaiBody } from './SledaiBody';
import { ToleranceBody } from './ToleranceBody';

/** The clinician's forms of a visit: the body and the answers of an empty sheet. SF-36 and EQ-5D: questionnaires. */
export const CLINICIAN_FORMS: Partial<
  Record<AssessmentForm, { body: AssessmentBody; empty: () => Record<string, unknown> }>
> = {
  sledai: { body: SledaiBody, empty: () => ({ answers: {} }) },
  bilag: { body: BilagBody, empty: () => ({ grades: {} }) },
  pga: { body: PgaBody, empty: () => ({}) },
  sdi: { body: SdiBody, empty: () => ({ items: {} }) },
  prednisone: { body: PrednisoneBody, empty: () => ({}) },
  toleranceReview: { body: ToleranceBody, empty: () => ({}) },
  treatmentFailure: { body: FailureBody, empty: () => ({ renalAssessments: [], events: [] }) },
  biology: { body: BiologyBody, empty: () => ({ labs: {}, samples: [] }) },
};
