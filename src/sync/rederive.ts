import type { ChevetDb } from '@/db/database';
import { deriveRecord } from '@/db/derive-record';
import type { StoredRecord, StoredRevision } from '@/db/types';

/** Recomputes the cached record rows of these ids from their revisions (inside the caller's transaction). */
export async function rederiveRecords(db: ChevetDb, recordIds: Iterable<string>) {
  const ids = [...new Set(recordIds)];
  if (ids.length === 0) return;
  const revisions = await db.revisions.where('recordId').anyOf(ids).toArray();
  const byRecord = new Map<string, StoredRevision[]>();
  for (const revision of revisions) {
    const list = byRecord.get(revision.recordId);
    if (list) list.push(revision);
    else byRecord.set(revision.recordId, [revision]);
  }
  const records: StoredRecord[] = [];
  for (const list of byRecord.values()) records.push(deriveRecord(list)!);
  await db.records.bulkPut(records);
}
