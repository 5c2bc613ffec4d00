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
  const [participant, lists, names] = await Promise.all([
    db.records.get(patientId),
    Promise.all(
      KINDS.map((kind) => db.records.where('[patientId+kind]').equals([patientId, kind]).toArray()),
    ),
    readNames(db),
  ]);
  const byKind = Object.fromEntries(
    KINDS.map((kind, i) => [
      kind,
      lists[i]!.filter((r) => !r.voided).sort((a, b) => a.sortAt.localeCompare(b.sortAt)),
    ]),
  );
  return { participant, byKind, names };
}

/** The participant's current infusion: the one most recently written to (one per participant in MSC-LES). */
export function currentInfusionId(records: InfusionRecords): string | undefined {
  const all = [...(records.byKind.infusionStep ?? []), ...(records.byKind.infusionEvent ?? [])];
  const latest = all.sort((a, b) => a.createdAt.localeCompare(b.createdAt)).at(-1);
  return latest ? String(latest.data.infusionId) : undefined;
}
