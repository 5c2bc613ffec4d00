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

export async function visitRecordsOf(db: ChevetDb, patientId: string): Promise<VisitRecords> {
  const [assessments, missed, signatures] = await Promise.all(
    (['assessment', 'visitMissed', 'signature'] as const).map((kind) =>
      db.records
        .where('[patientId+kind]')
        .equals([patientId, kind])
        .filter((record) => !record.voided)
        .toArray(),
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
  const rows = await db.records.where('kind').anyOf('assessment', 'visitMissed', 'signature').toArray();
  for (const row of rows) {
    if (row.voided || !row.patientId) continue;
    const bucket = entry(row.patientId);
    if (row.kind === 'assessment') bucket.assessments.push(row);
    else if (row.kind === 'visitMissed') bucket.missed.push(row);
    else bucket.signatures.push(row);
  }
  return byPatient;
}
