import type { ChevetDb } from '@/db/database';
import { deriveRecord } from '@/db/derive-record';
import type { StoredRecord, StoredRevision } from '@/db/types';

/** Recomputes the cached record rows of these ids from their revisions (inside the caller's transaction). */
export async function rederiveRecords(db: ChevetDb, recordIds: Iterable<string>) {
  await storeDerivedRecords(db, await readHistories(db, [...new Set(recordIds)]));
}

/**
 * Every stored revision of each record. One indexed read per record, all issued at once: IndexedDB pipelines
 * them, where a single `anyOf` cursor would wait for each match in turn.
 */
export function readHistories(db: ChevetDb, recordIds: readonly string[]): Promise<StoredRevision[][]> {
  return Promise.all(recordIds.map((id) => db.revisions.where('recordId').equals(id).toArray()));
}

/** Writes each record's row as derived from its whole history (one history per record). */
export async function storeDerivedRecords(db: ChevetDb, histories: readonly (readonly StoredRevision[])[]) {
  const records: StoredRecord[] = [];
  for (const history of histories) {
    const record = deriveRecord(history);
    if (record) records.push(record);
  }
  if (records.length) await db.records.bulkPut(records);
}
