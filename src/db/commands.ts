import { v7 as uuidv7 } from 'uuid';
import type { z } from 'zod';
import { contentRuleViolation } from '@/domain/record-rules';
import { reasonSchema } from '@/schema/common';
import { isRecordKind, RECORD_KINDS, type RecordKind } from '@/schema/records';
import { mayVoid } from '@/schema/permissions';
import type { MutationOp } from '@/schema/sync';
import { failure, type CommandError, type CommandResult } from './command-result';
import type { ChevetDb } from './database';
import { deriveRecord } from './derive-record';
import { mutationOf } from './set-aside';
import type { AuditAction, RecordData, StoredRevision } from './types';
import type { WriteContext } from './write-context';

// The one write path (architecture.md): validate (zod) → compute → record + revision + audit + outbox in ONE
// Dexie transaction. Screens never write tables directly; every command answers a value, never throws for a
// person's input.

type Written = { recordId: string; mutationId: string };

export type CreateInput = {
  kind: RecordKind;
  patientId: string | null;
  data: RecordData;
  /** Participants are their own patientId: pass it as the recordId. */
  recordId?: string;
  /** An observation correcting an earlier one: the old record stays, marked superseded by this one. */
  supersedes?: string;
  /** Required when superseding saved data. */
  reason?: string;
  /** The draft this save completes: removed in the same transaction. */
  draftKey?: string;
};

/** Creates a record: an observation (vital signs, signature…) or the first revision of a form. */
export function createRecord(
  db: ChevetDb,
  ctx: WriteContext,
  input: CreateInput,
): Promise<CommandResult<Written>> {
  if (input.supersedes && !validReason(input.reason))
    return Promise.resolve(failure({ code: 'reason-required' }));
  return write(db, ctx, {
    op: 'create',
    kind: input.kind,
    recordId: input.recordId ?? uuidv7(),
    patientId: input.kind === 'participant' ? (input.recordId ?? null) : input.patientId,
    data: input.data,
    reason: input.reason,
    supersedes: input.supersedes,
    draftKey: input.draftKey,
  });
}

/** Appends an observation (append-only kinds: vital signs, checklist answers, signatures). */
export function recordObservation(db: ChevetDb, ctx: WriteContext, input: CreateInput) {
  if (RECORD_KINDS[input.kind].mode !== 'observation')
    return Promise.resolve(failure({ code: 'wrong-mode' }));
  return createRecord(db, ctx, input);
}

/** A new revision of a saved form; editing saved data always needs a reason for change. */
export async function saveRevision(
  db: ChevetDb,
  ctx: WriteContext,
  input: { recordId: string; data: RecordData; reason: string; draftKey?: string; expectedRev?: number },
): Promise<CommandResult<Written>> {
  return reviseExisting(db, ctx, { ...input, op: 'revise', action: 'revise' });
}

/** Voids a record with a reason: its value stays in the store and the audit trail. */
export function voidRecord(db: ChevetDb, ctx: WriteContext, input: { recordId: string; reason: string }) {
  return reviseExisting(db, ctx, {
    recordId: input.recordId,
    reason: input.reason,
    op: 'void',
    action: 'void',
  });
}

/**
 * Resolves a form conflict with the value the physician chose or merged, on top of the latest stored revision,
 * with a reason. It syncs like any revision; the competing revisions stay in the history.
 */
export async function resolveConflict(
  db: ChevetDb,
  ctx: WriteContext,
  input: { recordId: string; data: RecordData; reason: string },
): Promise<CommandResult<Written>> {
  if (ctx.role !== 'physician') return failure({ code: 'forbidden' });
  const record = await db.records.get(input.recordId);
  if (!record) return failure({ code: 'not-found' });
  if (!record.inConflict) return failure({ code: 'not-in-conflict' });
  return reviseExisting(db, ctx, { ...input, op: 'revise', action: 'resolve' });
}

async function reviseExisting(
  db: ChevetDb,
  ctx: WriteContext,
  input: {
    recordId: string;
    data?: RecordData;
    reason: string;
    op: 'revise' | 'void';
    action: AuditAction;
    draftKey?: string;
    /** The revision the person was looking at: if the record moved on since (a sync), refuse rather than overwrite. */
    expectedRev?: number;
  },
): Promise<CommandResult<Written>> {
  if (!validReason(input.reason)) return failure({ code: 'reason-required' });
  const record = await db.records.get(input.recordId);
  if (!record) return failure({ code: 'not-found' });
  if (input.op === 'void' && !mayVoid(record, ctx)) return failure({ code: 'forbidden' });
  if (input.op === 'revise' && RECORD_KINDS[record.kind].mode === 'observation')
    return failure({ code: 'wrong-mode' });
  return write(db, ctx, {
    op: input.op,
    kind: record.kind,
    recordId: record.id,
    patientId: record.patientId,
    data: input.op === 'void' ? record.data : input.data!,
    reason: input.reason.trim(),
    action: input.action,
    draftKey: input.draftKey,
    expectedRev: input.expectedRev,
  });
}

type WriteInput = {
  op: MutationOp;
  kind: RecordKind;
  recordId: string;
  patientId: string | null;
  data: RecordData;
  reason?: string;
  supersedes?: string;
  action?: AuditAction;
  draftKey?: string;
  expectedRev?: number;
};

async function write(db: ChevetDb, ctx: WriteContext, input: WriteInput): Promise<CommandResult<Written>> {
  if (!isRecordKind(input.kind)) throw new Error(`unknown record kind ${input.kind}`);
  const spec = RECORD_KINDS[input.kind];
  if (!(spec.writers as readonly string[]).includes(ctx.role)) return failure({ code: 'forbidden' });
  const parsed = (spec.schema as z.ZodType<RecordData>).safeParse(input.data);
  if (!parsed.success) {
    return failure({
      code: 'invalid',
      issues: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
    });
  }
  const at = ctx.now().toISOString();
  const mutationId = uuidv7();
  try {
    await db.transaction('rw', [db.records, db.revisions, db.audit, db.outbox, db.drafts], async () => {
      const history = await db.revisions.where('recordId').equals(input.recordId).toArray();
      const before = deriveRecord(history);
      // A record whose creation the store refused (all its revisions rejected) may be created again, e.g. under
      // another trial number: the refused revisions stay in its history.
      if (input.op === 'create' && before && history.some((r) => r.status !== 'rejected'))
        throw new CommandFailure({ code: 'invalid', issues: [{ path: 'recordId', message: 'exists' }] });
      if (input.op !== 'create' && !before) throw new CommandFailure({ code: 'not-found' });
      if (input.expectedRev !== undefined && before && before.rev !== input.expectedRev) {
        throw new CommandFailure({ code: 'stale' });
      }
      if (input.op !== 'void' && contentRuleViolation(input.kind, ctx.role, before?.data, parsed.data))
        throw new CommandFailure({ code: 'forbidden' });
      const baseRev = input.op === 'create' ? null : before!.rev;
      const revision: StoredRevision = {
        mutationId,
        recordId: input.recordId,
        kind: input.kind,
        patientId: input.patientId,
        op: input.op,
        rev: (baseRev ?? 0) + 1,
        baseRev,
        data: parsed.data,
        ...(input.reason ? { reason: input.reason } : {}),
        at,
        userId: ctx.userId,
        deviceId: ctx.deviceId,
        ...(input.supersedes ? { supersedes: input.supersedes } : {}),
        seq: null,
        status: 'pending',
      };
      const mutation = mutationOf(revision);
      await db.revisions.add(revision);
      await db.records.put(deriveRecord([...history, revision])!);
      await db.audit.add({
        at,
        userId: ctx.userId,
        deviceId: ctx.deviceId,
        recordId: input.recordId,
        kind: input.kind,
        action: input.action ?? input.op,
        ...(before ? { before: before.data } : {}),
        after: parsed.data,
        ...(input.reason ? { reason: input.reason } : {}),
        mutationId,
      });
      await db.outbox.add({
        mutationId,
        recordId: input.recordId,
        userId: ctx.userId,
        mutation,
        queuedAt: at,
        attempts: 0,
      });
      if (input.draftKey) await db.drafts.delete(input.draftKey);
    });
  } catch (error) {
    if (error instanceof CommandFailure) return failure(error.detail);
    if (isQuotaError(error)) return failure({ code: 'storage-full' });
    throw error;
  }
  return { ok: true, recordId: input.recordId, mutationId };
}

class CommandFailure extends Error {
  constructor(readonly detail: CommandError) {
    super(detail.code);
  }
}

function validReason(reason: string | undefined): reason is string {
  return reasonSchema.safeParse(reason ?? '').success;
}

function isQuotaError(error: unknown): boolean {
  const names = [(error as { name?: string })?.name, (error as { inner?: { name?: string } })?.inner?.name];
  return names.includes('QuotaExceededError');
}
