import { z } from 'zod';
import { isoDateTimeSchema, roleSchema, textSchema, uuidSchema, type Role } from './common';

/** The meanings a person can sign; the interface shows each one's sentence before asking for the PIN. */
export const signatureMeaningSchema = z.enum([
  'eligibility-assessment',
  'adverse-event-grading',
  'dlt-confirmation',
  'infusion-record',
  /** A physician waives an item of the pre-infusion checklist (issue 21). */
  'infusion-waiver',
  'visit-forms',
  'conflict-resolution',
  'data-review',
  'participant-dossier',
  'dose-level-change',
  'dose-decision',
]);
export type SignatureMeaning = z.infer<typeof signatureMeaningSchema>;

/** Who may sign what: the one table, read by the tablet's signature dialog and enforced by the store. */
export const SIGNING_ROLES: Record<SignatureMeaning, readonly Role[]> = {
  'eligibility-assessment': ['physician'],
  'adverse-event-grading': ['physician'],
  'dlt-confirmation': ['physician'],
  'conflict-resolution': ['physician'],
  'visit-forms': ['physician'],
  'infusion-record': ['nurse', 'physician'],
  'infusion-waiver': ['physician'],
  'data-review': ['data-manager'],
  'participant-dossier': ['physician'],
  'dose-level-change': ['physician'],
  'dose-decision': ['physician'],
};

export function canSign(role: Role | undefined, meaning: SignatureMeaning): boolean {
  return !!role && (SIGNING_ROLES[meaning] ?? []).includes(role);
}

/** The signer's name a signature carries: the account's display name, or its username when it has none. */
export function signerNameOf(account: { displayName: string; username: string }): string {
  return account.displayName.trim() || account.username;
}

/** The `signature` record kind: an append-only electronic signature over one revision of one record. */
export const signatureSchema = z.strictObject({
  signer: uuidSchema,
  signerName: textSchema.min(1).max(200),
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
