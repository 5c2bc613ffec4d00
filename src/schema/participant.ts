import { z } from 'zod';
import { isoDateSchema, textSchema } from './common';

// Patients are identified only by trial number and initials (wire-contract.md, "Two record kinds fixed here").
export const trialNumberSchema = z.string().regex(/^MSC-LES-\d{2}$/, 'trialNumber');
export const initialsSchema = z.string().regex(/^[A-Z]{2,3}$/, 'initials');

/** The `participant` record kind: created by a physician, filled by later revisions. */
export const participantSchema = z.strictObject({
  trialNumber: trialNumberSchema,
  initials: initialsSchema,
  sex: z.enum(['F', 'M']).optional(),
  /** Dose group assigned at inclusion (×10⁶ cells/kg). */
  doseLevel: z.union([z.literal(1), z.literal(2), z.literal(4)]).optional(),
  status: z
    .enum(['screening', 'included', 'infused', 'follow-up', 'completed', 'withdrawn', 'screen-failed'])
    .optional(),
  /** The cohort joined at inclusion (1: the first five at 2 ×10⁶/kg; 2: the next five at the decided dose). */
  cohort: z.number().int().min(1).max(2).optional(),
  inclusionDate: isoDateSchema.optional(),
  /** Why screening failed: the excluding criteria, as the signed eligibility assessment gave them. */
  screenFailureReason: textSchema.trim().min(1).max(2000).optional(),
  withdrawalDate: isoDateSchema.optional(),
  withdrawalReason: textSchema.trim().min(1).max(2000).optional(),
  infusionDate: isoDateSchema.optional(),
  comment: textSchema.max(2000).optional(),
});
export type Participant = z.infer<typeof participantSchema>;
