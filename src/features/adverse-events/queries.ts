import { useLiveQuery } from 'dexie-react-hooks';
import { participantAdverseEvents } from '@/db/adverse-events';
import { getDb } from '@/db/database';

/** A participant's adverse events with their gradings and derived grades, live. */
export function useAdverseEvents(patientId: string | undefined) {
  return useLiveQuery(
    () => (patientId ? participantAdverseEvents(getDb(), patientId) : Promise.resolve([])),
    [patientId],
  );
}

export function useRecord(recordId: string | undefined) {
  return useLiveQuery(() => (recordId ? getDb().records.get(recordId) : undefined), [recordId]);
}
