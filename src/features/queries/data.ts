import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '@/db/database';
import { loadQueryThreads } from '@/db/data-queries';

// Live reads of the data queries on this tablet (every query syncs to every tablet, like the records it targets).

export function useQueryThreads() {
  return useLiveQuery(() => loadQueryThreads(getDb()), []);
}

/** Participants by id, to name a query's participant by trial number and initials. */
export function useParticipantNames() {
  return useLiveQuery(async () => {
    const participants = await getDb().records.where('kind').equals('participant').toArray();
    return new Map(
      participants.map((p) => [p.id, `${String(p.data.trialNumber)} · ${String(p.data.initials)}`]),
    );
  }, []);
}
