import { z } from 'zod';
import { isoDateSchema } from './common';
import { bilagGradesSchema, pgaSchema, sledaiTotalSchema } from './instruments';

// The inputs of the response endpoints (shared/clinical/instruments.md, "Response endpoints", and the MSC-LES
// synopsis, secondary endpoints 1, 3, 6 and 7). Dates are calendar dates (YYYY-MM-DD); day 0 is the infusion day.

const isoDate = isoDateSchema;

// ── Disease-activity scores per visit ────────────────────────────────────────────────────────────────────────────
/** The protocol's visits in time order (shared/clinical/visits.md). */
export const VISITS = ['M0', 'M1', 'M3', 'M6', 'M9', 'M12'] as const;
export const visitSchema = z.enum(VISITS);
export type Visit = z.infer<typeof visitSchema>;

/** The disease-activity scores of one visit, each absent until entered. */
export const visitScoresSchema = z.object({
  visit: visitSchema,
  sledai: sledaiTotalSchema.optional(),
  bilag: bilagGradesSchema.optional(),
  pga: pgaSchema.optional(),
});
export type VisitScores = z.infer<typeof visitScoresSchema>;

/** 'protocol' = the synopsis' SRI (no new BILAG B); 'furie2009' = SRI-4 as published (at most one new B). */
export const sriDefinitionSchema = z.enum(['protocol', 'furie2009']);
export type SriDefinition = z.infer<typeof sriDefinitionSchema>;

// ── Prednisone doses ─────────────────────────────────────────────────────────────────────────────────────────────
/**
 * One prednisone record as the visit form takes it (visits.md): the mean daily dose, prednisone equivalent, over the
 * days since the previous record up to and including `date`. The first record on or before the infusion day is the
 * M0 (baseline) dose. The upper bound is a plausibility limit of the trial team, not a clinical threshold: 1250 mg/day
 * is a 1 g methylprednisolone pulse in prednisone equivalent (× 1.25), so anything above it is a typing error.
 */
export const prednisoneDoseSchema = z.object({
  date: isoDate,
  mgPerDay: z.number().min(0).max(1250),
});
export const prednisoneDosesSchema = z.array(prednisoneDoseSchema);
export type PrednisoneDose = z.infer<typeof prednisoneDoseSchema>;

// ── Treatment failure (synopsis, secondary endpoint 7) ──────────────────────────────────────────────────────────
/**
 * Renal findings of one date, screening to end of follow-up; any field may be absent when not measured that day.
 * Bounds are plausibility limits of the trial team (µmol/L and g/24 h, the hospital's units), not thresholds.
 */
export const renalAssessmentSchema = z.object({
  date: isoDate,
  creatinineUmolL: z.number().min(10).max(3000).optional(),
  proteinuriaGPer24h: z.number().min(0).max(50).optional(),
  /** Haematuria as the protocol defines it: two positive urine dipsticks. */
  hematuriaOnTwoDipsticks: z.boolean().optional(),
  /** Cellular casts in the urine sediment. */
  cellularCasts: z.boolean().optional(),
});
export type RenalAssessment = z.infer<typeof renalAssessmentSchema>;

/** Events that are failures by themselves, entered by the physician with their date. */
export const failureEventSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('endStageRenalDisease'),
    date: isoDate,
    /** End-stage renal failure needing dialysis or a kidney transplant (acute dialysis does not qualify). */
    treatment: z.enum(['dialysis', 'kidneyTransplant']),
  }),
  z.object({
    kind: z.literal('rescueTherapy'),
    date: isoDate,
    therapy: z.enum([
      'intravenousSteroids',
      'plasmapheresis',
      'intravenousImmunoglobulin',
      'otherImmunosuppressant',
    ]),
    /** Given to treat a worsening of the lupus (only then a failure, per the protocol). */
    forSleWorsening: z.boolean(),
  }),
]);
export type FailureEvent = z.infer<typeof failureEventSchema>;

export const treatmentFailureFactsSchema = z.object({
  infusionDate: isoDate,
  renalAssessments: z.array(renalAssessmentSchema),
  events: z.array(failureEventSchema),
});
export type TreatmentFailureFacts = z.infer<typeof treatmentFailureFactsSchema>;
