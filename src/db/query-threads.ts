import { queryThreads, type QueryThread } from '@/domain/data-query';
import type { DataQuery } from '@/schema/data-query';
import type { ChevetDb } from './database';

// Reading the data queries (issue 24 item 2), apart from their commands: light enough for the app bar's menu,
// which counts the queries waiting on the person.

/** Every query's thread on this tablet, derived from its `dataQuery` messages (voided ones left out). */
export async function loadQueryThreads(db: ChevetDb): Promise<QueryThread[]> {
  const records = await db.records.where('kind').equals('dataQuery').toArray();
  return queryThreads(
    records
      .filter((r) => !r.voided)
      .map((r) => ({
        id: r.id,
        patientId: r.patientId,
        data: r.data as DataQuery,
        at: r.createdAt,
        by: r.createdBy,
        ...(r.syncState === 'pending' ? { pending: true } : {}),
      })),
  );
}
