import { useLiveQuery } from 'dexie-react-hooks';
import { allVisitRecords, visitRecordsOf } from '@/db/assessments';
import { getDb } from '@/db/database';

// Live reads of the visit screens: any write here or from a sync re-renders them (and recomputes every score).

export function useVisitRecords(patientId: string | undefined) {
  return useLiveQuery(() => (patientId ? visitRecordsOf(getDb(), patientId) : undefined), [patientId]);
}

export function useParticipant(patientId: string | undefined) {
  return useLiveQuery(async () => {
    if (!patientId) return null;
    const record = await getDb().records.get(patientId);
    return record?.kind === 'participant' ? record : null;
  }, [patientId]);
}

export function useAllParticipants() {
  return useLiveQuery(
    () => getDb().records.where('kind').equals('participant').sortBy('data.trialNumber'),
    [],
  );
}

export function useAllVisitRecords() {
  return useLiveQuery(() => allVisitRecords(getDb()), []);
}
