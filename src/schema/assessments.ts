import { v5 as uuidv5 } from 'uuid';
import { z } from 'zod';
import { isoDateSchema, isoDateTimeSchema } from './common';
import { failureEventSchema, renalAssessmentSchema } from './endpoints';
import {
  bilagGradesSchema,
  eq5dLevelSchema,
  eq5dVasSchema,
  pgaSchema,
  sdiItemsSchema,
  sf36ResponseSchema,
  sledaiAnswersSchema,
} from './instruments';
import { visitIdSchema } from './schedule';

// The follow-up visit forms (issue 23; shared/clinical/visits.md): one `assessment` record per participant, visit
// and form, revised as it is completed and corrected. Its recordId is derived from (participant, visit, form), so
// two tablets filling the same form offline meet on one record and the platform keeps both as a conflict.
// Answers may be partial (a saved form can be incomplete); the core says what is missing.

/** Every form a visit can hold: the instruments of visits.md, the prednisone dose, and the other visit records. */
export const ASSESSMENT_FORMS = [
  'sledai',
  'bilag',
  'pga',
  'sdi',
  'sf36',
  'eq5d5l',
  'prednisone',
  'toleranceReview',
  'treatmentFailure',
  'biology',
] as const;
export const assessmentFormSchema = z.enum(ASSESSMENT_FORMS);
/**
 * The forms a nurse may write: the questionnaires (handed to the participant in patient mode) and the biology and
 * samples. The clinician's instruments, the prednisone dose, the tolerance review and the treatment-failure facts
 * are the physician's (checked by the tablet's commands and again by the store: src/domain/record-rules.ts).
 */
export const NURSE_ASSESSMENT_FORMS: readonly AssessmentForm[] = ['sf36', 'eq5d5l', 'biology'];
export type AssessmentForm = z.infer<typeof assessmentFormSchema>;

/** The protocol's labs at a visit (visits.md, "Biology"), with their units; a lab left out was not measured. */
export const LABS = [
  { id: 'haemoglobin', unit: 'g/dL', min: 2, max: 25, normal: [12, 16] },
  { id: 'leucocytes', unit: '×10⁹/L', min: 0, max: 200, normal: [4, 10] },
  { id: 'neutrophils', unit: '×10⁹/L', min: 0, max: 100, normal: [1.5, 7] },
  { id: 'lymphocytes', unit: '×10⁹/L', min: 0, max: 100, normal: [1, 4] },
  { id: 'platelets', unit: '×10⁹/L', min: 0, max: 2000, normal: [150, 400] },
  { id: 'creatinine', unit: 'µmol/L', min: 10, max: 3000, normal: [45, 90] },
  { id: 'proteinuria24h', unit: 'g/24 h', min: 0, max: 50, normal: [0, 0.15] },
  { id: 'antiDsDna', unit: 'UI/mL', min: 0, max: 10000, normal: [0, 10] },
  { id: 'anaTitre', unit: '1/x', min: 0, max: 100000, normal: [0, 80] },
  { id: 'c3', unit: 'g/L', min: 0, max: 5, normal: [0.9, 1.8] },
  { id: 'c4', unit: 'g/L', min: 0, max: 2, normal: [0.1, 0.4] },
  { id: 'ch50', unit: '%', min: 0, max: 200, normal: [70, 130] },
  { id: 'cd3', unit: '×10⁶/L', min: 0, max: 10000, normal: [700, 2100], panel: 'immunophenotyping' },
  { id: 'cd4', unit: '×10⁶/L', min: 0, max: 10000, normal: [300, 1400], panel: 'immunophenotyping' },
  { id: 'cd8', unit: '×10⁶/L', min: 0, max: 10000, normal: [200, 900], panel: 'immunophenotyping' },
  { id: 'cd19', unit: '×10⁶/L', min: 0, max: 10000, normal: [100, 500], panel: 'immunophenotyping' },
  { id: 'cd16_56', unit: '×10⁶/L', min: 0, max: 10000, normal: [90, 600], panel: 'immunophenotyping' },
] as const satisfies readonly {
  id: string;
  unit: string;
  min: number;
  max: number;
  normal: readonly [number, number];
  panel?: 'immunophenotyping';
}[];
export type LabId = (typeof LABS)[number]['id'];
const labsSchema = z.strictObject(
  Object.fromEntries(LABS.map((lab) => [lab.id, z.number().min(lab.min).max(lab.max).optional()])) as Record<
    LabId,
    z.ZodOptional<z.ZodNumber>
  >,
);

/** A cytokine (or other research) sample: when it was drawn and the tube's label. */
export const sampleSchema = z.strictObject({
  tubeId: z.string().trim().min(1).max(60),
  collectedAt: isoDateTimeSchema,
});

const common = {
  visit: visitIdSchema,
  /** Date of the assessment (the prednisone period ends on it; renal findings are dated by it). */
  assessedOn: isoDateSchema,
  /** Who answered: absent = the staff member who wrote it; 'participant' = patient mode, via `via`. */
  respondent: z.literal('participant').optional(),
  /** The staff member who handed the tablet to the participant (display name), for "participant, via …". */
  via: z.string().min(1).max(200).optional(),
  /** Entered after the visit's window closed: why (visits.md, "overdue … marked late, with a reason"). */
  lateReason: z.string().trim().min(3).max(1000).optional(),
};

const eq5dPartialSchema = z.strictObject({
  mobility: eq5dLevelSchema.optional(),
  selfCare: eq5dLevelSchema.optional(),
  usualActivities: eq5dLevelSchema.optional(),
  painDiscomfort: eq5dLevelSchema.optional(),
  anxietyDepression: eq5dLevelSchema.optional(),
  vas: eq5dVasSchema.optional(),
});

export const assessmentSchema = z.discriminatedUnion('form', [
  z.strictObject({ ...common, form: z.literal('sledai'), answers: sledaiAnswersSchema }),
  z.strictObject({ ...common, form: z.literal('bilag'), grades: bilagGradesSchema }),
  z.strictObject({ ...common, form: z.literal('pga'), value: pgaSchema.optional() }),
  z.strictObject({ ...common, form: z.literal('sdi'), items: sdiItemsSchema }),
  z.strictObject({ ...common, form: z.literal('sf36'), response: sf36ResponseSchema }),
  z.strictObject({ ...common, form: z.literal('eq5d5l'), levels: eq5dPartialSchema }),
  z.strictObject({
    ...common,
    form: z.literal('prednisone'),
    /** Mean daily dose since the previous visit, mg/day prednisone equivalent (endpoints.ts bounds). */
    mgPerDay: z.number().min(0).max(1250).optional(),
  }),
  z.strictObject({
    ...common,
    form: z.literal('toleranceReview'),
    newAdverseEvents: z.boolean().optional(),
    notes: z.string().max(2000).optional(),
  }),
  z.strictObject({
    ...common,
    form: z.literal('treatmentFailure'),
    renalAssessments: z.array(renalAssessmentSchema).max(20),
    events: z.array(failureEventSchema).max(20),
  }),
  z.strictObject({
    ...common,
    form: z.literal('biology'),
    labs: labsSchema,
    samples: z.array(sampleSchema).max(20),
  }),
]);
export type Assessment = z.infer<typeof assessmentSchema>;
export type AssessmentOf<F extends AssessmentForm> = Extract<Assessment, { form: F }>;

/** The team's declaration that a visit will not take place (visits.md: "missed … with a reason"). */
export const visitMissedSchema = z.strictObject({
  visit: visitIdSchema,
  reason: z.string().trim().min(3).max(1000),
  declaredAt: isoDateTimeSchema,
});
export type VisitMissed = z.infer<typeof visitMissedSchema>;

/** Namespace of the visit-form record ids (a fixed random UUID; changing it would orphan every stored form). */
const ASSESSMENT_NAMESPACE = '5b0c7a52-8f3e-4d1c-9a6b-2f4e8d0c1a93';

/**
 * The record id of a participant's form at a visit: derived from the three, so that two tablets filling the same
 * form offline write the same record and the store keeps both revisions as a conflict (docs/sync-protocol.md,
 * rule 4), never two competing forms for one visit.
 */
export function assessmentRecordId(
  patientId: string,
  visit: z.infer<typeof visitIdSchema>,
  form: AssessmentForm,
): string {
  return uuidv5(`${patientId}:${visit}:${form}`, ASSESSMENT_NAMESPACE);
}
