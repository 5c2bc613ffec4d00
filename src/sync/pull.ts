import type { ChevetDb } from '@/db/database';
import type { StoredRevision } from '@/db/types';
import { isRecordKind } from '@/schema/records';
import type { Change } from '@/schema/sync';
import type { SyncApi } from './api';
import { rederiveRecords } from './rederive';

export const PULL_PAGE_SIZE = 2000;

/**
 * Pulls every change after this tablet's cursor until caught up. Each page and its new cursor are stored in ONE
 * transaction, so a crash mid-pull resumes from the last stored page and never skips or doubles one.
 */
export async function pullChanges(db: ChevetDb, api: SyncApi, pageSize = PULL_PAGE_SIZE) {
  let pulled = 0;
  for (;;) {
    const cursor = (await db.meta.get('sync'))?.cursor ?? 0;
    const page = await api.pull(cursor, pageSize);
    await storePage(db, page.changes, page.cursor);
    pulled += page.changes.length;
    if (!page.hasMore || page.changes.length === 0) return pulled;
  }
}

async function storePage(db: ChevetDb, changes: readonly Change[], cursor: number) {
  await db.transaction('rw', [db.revisions, db.records, db.outbox, db.meta], async () => {
    const revisions = changes.filter((c) => isRecordKind(c.kind)).map(toRevision);
    await db.revisions.bulkPut(revisions);
    // Our own mutations coming back mean the server has them, even if its answer to the push was lost.
    await db.outbox
      .where('mutationId')
      .anyOf(revisions.map((r) => r.mutationId))
      .delete();
    await rederiveRecords(
      db,
      revisions.map((r) => r.recordId),
    );
    const meta = (await db.meta.get('sync')) ?? { key: 'sync' as const, cursor: 0 };
    await db.meta.put({ ...meta, cursor: Math.max(meta.cursor, cursor) });
  });
}

function toRevision(change: Change): StoredRevision {
  return {
    mutationId: change.mutationId,
    recordId: change.recordId,
    kind: change.kind as StoredRevision['kind'],
    patientId: change.patientId,
    op: change.op,
    rev: change.rev,
    baseRev: change.baseRev,
    data: change.data,
    ...(change.reason ? { reason: change.reason } : {}),
    at: change.at,
    userId: change.userId,
    deviceId: change.deviceId,
    ...(change.supersedes ? { supersedes: change.supersedes } : {}),
    seq: change.seq,
    receivedAt: change.receivedAt,
    status: change.conflict ? 'conflict' : 'applied',
  };
}
