import { getDb } from '@/db/database';
import type { StoredRecord } from '@/db/types';
import { readNames, type Names } from '@/db/directory';
import type { RecordKind } from '@/schema/records';
import { useLiveRead } from '@/session/use-live-read';

// What the infusion screens read, live: one participant's records of the kinds the infusion uses, and who the
// authors are (the store's people directory and the people who signed in here), to name who did what on the
// timeline — in the same query, so the timeline renders once, with its names, when the screen opens.

const KINDS: readonly RecordKind[] = [
  'infusionStep',
  'infusionEvent',
  'vitalSigns',
  'monitoringCheck',
  'adverseEvent',
  'missedCheck',
  'eligibility',
  'signature',
];

export type InfusionRecords = {
  participant: StoredRecord | undefined;
  byKind: Record<string, StoredRecord[]>;
  names: Names;
};

/**
 * The participant's infusion records, live, read from the screen's first render (it waits for them: the screen
 * opens once, whole, instead of "loading" first).
 */
export function useInfusionRecords(patientId: string): InfusionRecords {
  return useLiveRead(`infusion-records:${patientId}`, () => readInfusionRecords(patientId));
}

async function readInfusionRecords(patientId: string): Promise<InfusionRecords> {
  const db = getDb();
  // The participant's records in one read (its own record among them: a participant is its own patientId) rather
  // than one per kind: each IndexedDB request through Dexie costs about as much as the records it returns here.
  const [all, names] = await Promise.all([
    db.records.where('patientId').equals(patientId).toArray(),
    readNames(db),
  ]);
  const byKind: Record<string, StoredRecord[]> = Object.fromEntries(KINDS.map((kind) => [kind, []]));
  let participant: StoredRecord | undefined;
  for (const record of all) {
    if (record.id === patientId) participant = record;
    else if (!record.voided) byKind[record.kind]?.push(record);
  }
  // (A participant record stored without its own id as patientId would still be found.)
  participant ??= await db.records.get(patientId);
  for (const list of Object.values(byKind)) list.sort((a, b) => a.sortAt.localeCompare(b.sortAt));
  return { participant, byKind, names };
}

/** The participant's current infusion: the one most recently written to (one per participant in MSC-LES). */
export function currentInfusionId(records: InfusionRecords): string | undefined {
  const all = [...(records.byKind.infusionStep ?? []), ...(records.byKind.infusionEvent ?? [])];
  const latest = all.sort((a, b) => a.createdAt.localeCompare(b.createdAt)).at(-1);
  return latest ? String(latest.data.infusionId) : undefined;
}
