import type { ChevetDb } from '@/db/database';
import type { AuditEntry, StoredRevision } from '@/db/types';
import type { PushResult } from '@/schema/sync';
import type { SyncApi } from './api';
import { rederiveRecords } from './rederive';

// Small enough that a batch survives a flaky connection between two rooms, large enough for a first sync.
export const PUSH_BATCH_SIZE = 500;

/**
 * Sends the outbox oldest first, one batch at a time, until it is empty. Each answer is stored in one
 * transaction; a batch whose answer is lost is simply sent again (the server answers `duplicate`).
 * Returns how many mutations were answered.
 */
export async function pushOutbox(
  db: ChevetDb,
  api: SyncApi,
  deviceId: string,
  batchSize = PUSH_BATCH_SIZE,
  /** On a shared tablet, only this person's entries go with this person's session; the others wait for theirs. */
  userId?: string,
) {
  let answered = 0;
  for (;;) {
    const ordered = db.outbox.orderBy('order');
    const batch = await (userId ? ordered.filter((entry) => entry.userId === userId) : ordered)
      .limit(batchSize)
      .toArray();
    if (batch.length === 0) return answered;
    await db.outbox.bulkUpdate(
      batch.map((entry) => ({ key: entry.order!, changes: { attempts: entry.attempts + 1 } })),
    );
    const { results } = await api.push({ deviceId, mutations: batch.map((entry) => entry.mutation) });
    await storeResults(db, results);
    answered += results.length;
    // A server that answered nothing for a non-empty batch would make this loop spin: stop and retry later.
    if (results.length === 0) return answered;
  }
}

async function storeResults(db: ChevetDb, results: readonly PushResult[]) {
  await db.transaction('rw', [db.outbox, db.revisions, db.records, db.audit], async () => {
    const revisions = await db.revisions.bulkGet(results.map((r) => r.mutationId));
    const updated: StoredRevision[] = [];
    const audit: AuditEntry[] = [];
    const now = new Date().toISOString();
    results.forEach((result, index) => {
      const revision = revisions[index];
      if (!revision) return;
      const next: StoredRevision = { ...revision };
      if (result.seq !== undefined) next.seq = result.seq;
      if (result.rev !== undefined) next.rev = result.rev;
      if (result.status === 'applied' || result.status === 'duplicate') {
        // A duplicate was stored earlier (its answer was lost); the next pull brings its exact server state.
        if (revision.status === 'pending') next.status = 'applied';
      } else if (result.status === 'conflict') {
        next.status = 'conflict';
        audit.push(syncAudit(revision, 'sync-conflict', now));
      } else {
        next.status = 'rejected';
        next.rejectReason = result.reason ?? 'rejected';
        audit.push(syncAudit(revision, 'sync-rejected', now, result.reason));
      }
      updated.push(next);
    });
    await db.revisions.bulkPut(updated);
    if (audit.length) await db.audit.bulkAdd(audit);
    // Answered mutations leave the outbox; a rejected one stays on the tablet as a rejected revision, visible.
    await db.outbox
      .where('mutationId')
      .anyOf(results.map((r) => r.mutationId))
      .delete();
    await rederiveRecords(
      db,
      updated.map((r) => r.recordId),
    );
  });
}

function syncAudit(
  revision: StoredRevision,
  action: 'sync-conflict' | 'sync-rejected',
  at: string,
  reason?: string,
): AuditEntry {
  return {
    at,
    userId: revision.userId,
    deviceId: revision.deviceId,
    recordId: revision.recordId,
    kind: revision.kind,
    action,
    after: revision.data,
    ...(reason ? { reason } : {}),
    mutationId: revision.mutationId,
  };
}
