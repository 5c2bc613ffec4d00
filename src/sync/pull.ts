import type { ChevetDb } from '@/db/database';
import type { StoredRevision } from '@/db/types';
import { isRecordKind } from '@/schema/records';
import type { Change } from '@/schema/sync';
import type { SyncApi } from './api';
import { readHistories, storeDerivedRecords } from './rederive';

export const PULL_PAGE_SIZE = 2000;

/**
 * The histories of a first sync, kept in memory for the run: on a tablet that held no revision when the pull
 * began, every revision of a pulled record is in this run's pages, so records are derived without reading back
 * what the previous pages wrote. `stored` is how many revisions the database should then hold: any other write
 * meanwhile (a record saved during the first sync) makes the count differ and the pull reads from the database.
 */
type FirstSyncHistories = { stored: number; byRecord: Map<string, StoredRevision[]> };

/**
 * Pulls every change after this tablet's cursor until caught up. Each page and its new cursor are stored in ONE
 * transaction, so a crash mid-pull resumes from the last stored page and never skips or doubles one. The next page
 * is asked for as soon as a page has arrived, from that page's cursor, so that fetching and checking it overlaps
 * with storing this one (a fresh tablet's first sync is ~25 pages); a page that fails to store abandons it.
 */
export async function pullChanges(db: ChevetDb, api: SyncApi, pageSize = PULL_PAGE_SIZE) {
  let pulled = 0;
  let firstSync: FirstSyncHistories | undefined =
    (await db.revisions.count()) === 0 ? { stored: 0, byRecord: new Map() } : undefined;
  const ask = (after: number) => {
    const page = api.pull(after, pageSize);
    // Awaited once the page before is stored; if that storing fails first, this page is abandoned, and its own
    // failure meanwhile is not an unhandled one.
    page.catch(() => {});
    return page;
  };
  let next = ask((await db.meta.get('sync'))?.cursor ?? 0);
  for (;;) {
    const page = await next;
    const more = page.hasMore && page.changes.length > 0;
    if (more) next = ask(page.cursor);
    firstSync = await storePage(db, page.changes, page.cursor, firstSync);
    pulled += page.changes.length;
    if (!more) return pulled;
  }
}

async function storePage(
  db: ChevetDb,
  changes: readonly Change[],
  cursor: number,
  firstSync: FirstSyncHistories | undefined,
) {
  return db.transaction('rw', [db.revisions, db.records, db.outbox, db.meta], async () => {
    const revisions = changes.filter((c) => isRecordKind(c.kind)).map(toRevision);
    const inMemory = firstSync && (await db.revisions.count()) === firstSync.stored ? firstSync : undefined;
    await db.revisions.bulkPut(revisions);
    // Our own mutations coming back mean the server has them, even if its answer to the push was lost.
    if ((await db.outbox.count()) > 0)
      await db.outbox
        .where('mutationId')
        .anyOf(revisions.map((r) => r.mutationId))
        .delete();
    const recordIds = [...new Set(revisions.map((r) => r.recordId))];
    if (inMemory) {
      for (const revision of revisions) {
        const history = inMemory.byRecord.get(revision.recordId);
        if (history) history.push(revision);
        else inMemory.byRecord.set(revision.recordId, [revision]);
      }
      inMemory.stored += revisions.length;
    }
    const histories = inMemory
      ? recordIds.map((id) => inMemory.byRecord.get(id)!)
      : await readHistories(db, recordIds);
    await storeDerivedRecords(db, histories);
    const meta = (await db.meta.get('sync')) ?? { key: 'sync' as const, cursor: 0 };
    await db.meta.put({ ...meta, cursor: Math.max(meta.cursor, cursor) });
    return inMemory;
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
