import type { ChevetDb } from './database';
import type { StoredRecord } from './types';

// Reads of the follow-up visit records (issue 23). A visit form's record id is derived from (participant, visit,
// form): see assessmentRecordId in src/schema/assessments.ts.

export { assessmentRecordId } from '@/schema/assessments';

/** Everything the visit screens of one participant read: the forms, the missed declarations, the signatures. */
export type VisitRecords = {
  assessments: StoredRecord[];
  missed: StoredRecord[];
  signatures: StoredRecord[];
};

// Each kind is read whole from its index range (one getAll) and the voided records dropped here: a Dexie filter
// on the range would walk it with a cursor, one IndexedDB request per record (a year of forms and signatures).
const live = (records: StoredRecord[]) => records.filter((record) => !record.voided);

export async function visitRecordsOf(db: ChevetDb, patientId: string): Promise<VisitRecords> {
  const [assessments, missed, signatures] = await Promise.all(
    (['assessment', 'visitMissed', 'signature'] as const).map((kind) =>
      db.records.where('[patientId+kind]').equals([patientId, kind]).toArray().then(live),
    ),
  );
  return { assessments: assessments!, missed: missed!, signatures: signatures! };
}

/** The visit records of every participant on the tablet (the trial overview). */
export async function allVisitRecords(db: ChevetDb): Promise<Map<string, VisitRecords>> {
  const byPatient = new Map<string, VisitRecords>();
  const entry = (patientId: string) => {
    let found = byPatient.get(patientId);
    if (!found) byPatient.set(patientId, (found = { assessments: [], missed: [], signatures: [] }));
    return found;
  };
  // One getAll per kind: `anyOf` would walk the three ranges with a cursor.
  const kinds = await Promise.all(
    (['assessment', 'signature', 'visitMissed'] as const).map((kind) =>
      db.records.where('kind').equals(kind).toArray(),
    ),
  );
  for (const row of kinds.flat()) {
    if (row.voided || !row.patientId) continue;
    const bucket = entry(row.patientId);
    if (row.kind === 'assessment') bucket.assessments.push(row);
    else if (row.kind === 'visitMissed') bucket.missed.push(row);
    else bucket.signatures.push(row);
  }
  return byPatient;
}
