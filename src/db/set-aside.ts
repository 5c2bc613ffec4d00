import type { Mutation } from '@/schema/sync';
import type { ChevetDb } from './database';
import { deriveRecord } from './derive-record';
import type { AuditEntry, StoredRevision } from './types';
import type { WriteContext } from './write-context';

// Set-aside entries: mutations the central store refused (`rejected`), or failed on alone again and again
// (`store-error`). They left the outbox, so they block nothing; they are never deleted (their revision keeps the
// value, the audit says what happened), and their author sees them until they acknowledge them.

/** This tablet's own reason code: the store failed on this mutation alone, again and again, and stored the rest. */
export const STORE_ERROR = 'store-error';

/** The mutation a revision is sent as (the outbox holds exactly this). */
export function mutationOf(revision: StoredRevision): Mutation {
  return {
    mutationId: revision.mutationId,
    recordId: revision.recordId,
    kind: revision.kind,
    patientId: revision.patientId,
    op: revision.op,
    baseRev: revision.baseRev,
    data: revision.data,
    ...(revision.reason ? { reason: revision.reason } : {}),
    ...(revision.supersedes ? { supersedes: revision.supersedes } : {}),
    at: revision.at,
    userId: revision.userId,
    deviceId: revision.deviceId,
  };
}

/** A person's set-aside entries not yet acknowledged, most recent first. */
export async function listSetAside(db: ChevetDb, userId: string): Promise<StoredRevision[]> {
  const refused = await db.revisions
    .where('status')
    .equals('rejected')
    .filter((r) => r.userId === userId && !r.acknowledgedAt)
    .toArray();
  return refused.sort((a, b) => (b.rejectedAt ?? b.at).localeCompare(a.rejectedAt ?? a.at));
}

/** The codes of a store failing on an entry (its database, or a 500 again and again), not refusing it. */
const FAILED_ON = [STORE_ERROR, 'storage-error'];

/** Whether this entry may be sent again: only when the store failed on it, not when it refused it. */
export function maySendAgain(revision: Pick<StoredRevision, 'status' | 'rejectCode'>): boolean {
  return revision.status === 'rejected' && FAILED_ON.includes(revision.rejectCode ?? '');
}

type Outcome = { ok: true } | { ok: false; problem: 'not-found' | 'not-author' | 'not-allowed' };

/**
 * The author has read a set-aside entry and dismisses it: it stays stored (revision and audit), marked
 * acknowledged by whom and when, and is no longer shown as needing action.
 */
export function acknowledgeSetAside(db: ChevetDb, ctx: WriteContext, mutationId: string): Promise<Outcome> {
  return db.transaction('rw', [db.revisions, db.audit], async () => {
    const revision = await db.revisions.get(mutationId);
    const refused = checkAuthor(revision, ctx);
    if (refused) return refused;
    const at = ctx.now().toISOString();
    await db.revisions.update(mutationId, { acknowledgedAt: at, acknowledgedBy: ctx.userId });
    await db.audit.add(audit(revision!, ctx, 'sync-rejected-acknowledged', at, revision!.rejectCode));
    return { ok: true };
  });
}

/**
 * Sends a set-aside entry again, unchanged (same mutation id: a store that did store it answers `duplicate`):
 * only for an entry the store failed on (`store-error`, `storage-error`); a refusal would only be refused again.
 */
export function sendSetAsideAgain(db: ChevetDb, ctx: WriteContext, mutationId: string): Promise<Outcome> {
  return db.transaction('rw', [db.revisions, db.records, db.audit, db.outbox], async () => {
    const revision = await db.revisions.get(mutationId);
    const refused = checkAuthor(revision, ctx);
    if (refused) return refused;
    if (!maySendAgain(revision!)) return { ok: false, problem: 'not-allowed' };
    const at = ctx.now().toISOString();
    const { rejectCode: _code, rejectReason, rejectedAt: _at, ...rest } = revision!;
    const pending: StoredRevision = { ...rest, status: 'pending' };
    await db.revisions.put(pending);
    await db.audit.add(audit(revision!, ctx, 'sync-resent', at, rejectReason));
    await db.outbox.add({
      mutationId,
      recordId: revision!.recordId,
      userId: revision!.userId,
      mutation: mutationOf(pending),
      queuedAt: at,
      attempts: 0,
    });
    const history = await db.revisions.where('recordId').equals(revision!.recordId).toArray();
    const record = deriveRecord(history);
    if (record) await db.records.put(record);
    return { ok: true };
  });
}

function checkAuthor(revision: StoredRevision | undefined, ctx: WriteContext): Outcome | undefined {
  if (!revision || revision.status !== 'rejected') return { ok: false, problem: 'not-found' };
  if (revision.userId !== ctx.userId) return { ok: false, problem: 'not-author' };
  return undefined;
}

function audit(
  revision: StoredRevision,
  ctx: WriteContext,
  action: AuditEntry['action'],
  at: string,
  reason?: string,
): AuditEntry {
  return {
    at,
    userId: ctx.userId,
    deviceId: ctx.deviceId,
    recordId: revision.recordId,
    kind: revision.kind,
    action,
    after: revision.data,
    ...(reason ? { reason } : {}),
    mutationId: revision.mutationId,
  };
}
