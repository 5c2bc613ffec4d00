import { z } from 'zod';
import { dataObjectSchema, isoDateTimeSchema, textSchema, uuidSchema } from './common';

// The sync wire shapes (shared/design/wire-contract.md; docs/sync-protocol.md). Extend only with optional fields.

export const mutationOpSchema = z.enum(['create', 'revise', 'void']);
export type MutationOp = z.infer<typeof mutationOpSchema>;

/**
 * One outbox mutation as sent. `data` is validated against its kind's schema separately, per mutation, so that
 * one invalid mutation is `rejected` without failing the batch.
 */
export const mutationSchema = z.object({
  mutationId: uuidSchema,
  recordId: uuidSchema,
  kind: textSchema.min(1).max(64),
  patientId: uuidSchema.nullable(),
  op: mutationOpSchema,
  baseRev: z.number().int().nonnegative().nullable(),
  data: dataObjectSchema,
  reason: textSchema.max(1000).optional(),
  at: isoDateTimeSchema,
  /** For an observation correction: the record this new one supersedes (the old one is kept). */
  supersedes: uuidSchema.optional(),
  /** Ignored for trust (the author comes from the token); a mismatch is rejected as an author mismatch. */
  userId: z.string().optional(),
  deviceId: z.string().optional(),
});
export type Mutation = z.infer<typeof mutationSchema>;

/** Largest batch a tablet sends and the server accepts (the body limit is sized for it). */
export const MAX_PUSH_BATCH = 1000;

export const pushRequestSchema = z.object({
  deviceId: uuidSchema,
  mutations: z.array(z.unknown()).max(MAX_PUSH_BATCH),
  /** Issue 24: when the oldest entry left waiting on the tablet after this batch was queued (null: none). */
  outboxOldestAt: isoDateTimeSchema.nullable().optional(),
});

export const pushStatusSchema = z.enum(['applied', 'duplicate', 'conflict', 'rejected']);
export type PushStatus = z.infer<typeof pushStatusSchema>;

/**
 * Why the store rejected a mutation, as a stable code (docs/sync-protocol.md, "Reason codes") beside the
 * `reason` sentence: the tablet words it in the person's language. A store may add codes; a tablet shows an
 * unknown one with the sentence.
 */
export const REJECT_CODES = [
  'invalid-mutation',
  'invalid-text',
  'unknown-kind',
  'author-mismatch',
  'role-not-allowed',
  'invalid-data',
  'invalid-patient-id',
  'invalid-base-rev',
  'reason-required',
  'append-only',
  'supersede-not-allowed',
  'clock-ahead',
  'mutation-id-reused',
  'unknown-participant',
  'record-mismatch',
  'unknown-superseded',
  'record-exists',
  'unknown-record',
  'base-rev-ahead',
  'not-record-author',
  'not-signer',
  'void-changes-data',
  'signature-signer',
  'signature-role',
  'signature-meaning',
  'signature-signer-name',
  'signature-record',
  'signature-hash',
  'trial-number-taken',
  'cohort-full',
  'query-target',
  'storage-error',
] as const;
export type RejectCode = (typeof REJECT_CODES)[number];

export const pushResultSchema = z.object({
  mutationId: z.string(),
  status: pushStatusSchema,
  seq: z.number().int().optional(),
  rev: z.number().int().optional(),
  reason: z.string().optional(),
  /** With `rejected`: the stable reason code (REJECT_CODES). */
  code: z.string().optional(),
});
export type PushResult = z.infer<typeof pushResultSchema>;
export const pushResponseSchema = z.object({ results: z.array(pushResultSchema) });
export type PushResponse = z.infer<typeof pushResponseSchema>;

export const DEFAULT_PULL_LIMIT = 500;
export const MAX_PULL_LIMIT = 5000;
export const pullQuerySchema = z.object({
  after: z.coerce.number().int().nonnegative().default(0),
  limit: z.coerce.number().int().positive().max(MAX_PULL_LIMIT).default(DEFAULT_PULL_LIMIT),
});

/** One stored mutation as pulled: every revision, conflicting ones and voids included, in `seq` order. */
export const changeSchema = z.object({
  seq: z.number().int(),
  mutationId: z.string(),
  recordId: z.string(),
  kind: z.string(),
  patientId: z.string().nullable(),
  op: mutationOpSchema,
  rev: z.number().int(),
  baseRev: z.number().int().nullable(),
  data: dataObjectSchema,
  reason: z.string().nullable(),
  at: z.string(),
  receivedAt: z.string(),
  userId: z.string(),
  deviceId: z.string(),
  conflict: z.boolean(),
  supersedes: z.string().nullable().optional(),
});
export type Change = z.infer<typeof changeSchema>;
export const pullResponseSchema = z.object({
  changes: z.array(changeSchema),
  cursor: z.number().int(),
  hasMore: z.boolean(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

export const errorBodySchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
