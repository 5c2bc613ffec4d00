import { Dexie } from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb, type ChevetDb } from '@/db/database';

// Live queries scoped to what each screen shows (indexes of schema version 2).

export function useParticipants() {
  return useLiveQuery(
    () => getDb().records.where('kind').equals('participant').sortBy('data.trialNumber'),
    [],
  );
}

export function useRecord(recordId: string | undefined) {
  return useLiveQuery(() => (recordId ? getDb().records.get(recordId) : undefined), [recordId]);
}

/** A participant's latest vital-sign sets, newest first, read from the [patientId+kind+sortAt] index. */
export function latestVitalSigns(db: ChevetDb, patientId: string, limit: number) {
  return db.records
    .where('[patientId+kind+sortAt]')
    .between([patientId, 'vitalSigns', Dexie.minKey], [patientId, 'vitalSigns', Dexie.maxKey])
    .reverse()
    .limit(limit)
    .toArray();
}

/** The timeline's live query (the benchmark measures this same query, figure 4). */
export function useVitalSigns(patientId: string, limit = 50) {
  return useLiveQuery(() => latestVitalSigns(getDb(), patientId, limit), [patientId, limit]);
}
