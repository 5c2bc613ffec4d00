import { z } from 'zod';
import { isoDateTimeSchema, roleSchema, uuidSchema } from './common';

/** The meanings a person can sign; the interface shows each one's sentence before asking for the PIN. */
export const signatureMeaningSchema = z.enum([
  'eligibility-assessment',
  'adverse-event-grading',
  'dlt-confirmation',
  'infusion-record',
  'visit-forms',
  'conflict-resolution',
  'data-review',
  'participant-dossier',
  'dose-level-change',
  'dose-decision',
]);
export type SignatureMeaning = z.infer<typeof signatureMeaningSchema>;

/** The `signature` record kind: an append-only electronic signature over one revision of one record. */
export const signatureSchema = z.strictObject({
  signer: uuidSchema,
  signerName: z.string().min(1).max(200),
  role: roleSchema,
  meaning: signatureMeaningSchema,
  signedAt: isoDateTimeSchema,
  recordId: uuidSchema,
  recordRev: z.number().int().positive(),
  /** SHA-256 (hex) of the canonical JSON of the signed record's data at `recordRev`. */
  contentHash: z.string().regex(/^[0-9a-f]{64}$/),
  method: z.enum(['pin', 'password']),
});
export type Signature = z.infer<typeof signatureSchema>;
