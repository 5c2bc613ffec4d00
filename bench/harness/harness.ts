import { liveQuery } from 'dexie';
import { v7 as uuidv7 } from 'uuid';
import { recordObservation } from '@/db/commands';
import { ChevetDb } from '@/db/database';
import { deriveRecord } from '@/db/derive-record';
import type { StoredRevision } from '@/db/types';
import type { WriteContext } from '@/db/write-context';
import { latestVitalSigns } from '@/features/participants/queries';
import { RECORD_KINDS } from '@/schema/records';
import { contentHash } from '@/session/canonical-json';
import { httpSyncApi } from '@/sync/api';
import { pullChanges } from '@/sync/pull';
import { storeDerivedRecords } from '@/sync/rederive';
import { makeTrial, vitalSignsData } from '../dataset';
import { workflowTrial, type WorkflowMoment } from '../workflow-dataset';

// Runs in Chromium on the app's origin, against the app's own modules: the write command, the timeline's live
// query and the sync pull are the production code paths, not copies.

const nurse: WriteContext = { userId: uuidv7(), role: 'nurse', deviceId: uuidv7(), now: () => new Date() };

async function open(name: string) {
  const db = new ChevetDb(name);
  await db.open();
  return db;
}

/**
 * A store already holding `records` synced vital-sign sets over `participants` participants, written straight
 * into the tables in big transactions (as many pulled pages would): the starting state, not what is measured.
 */
async function seed(name: string, records: number, participants: number) {
  const db = await open(name);
  const trial = makeTrial(records, participants);
  let seq = 0;
  const revisions: StoredRevision[] = [...trial.participants, ...trial.vitalSigns].map((m) => ({
    mutationId: m.mutationId,
    recordId: m.recordId,
    kind: m.kind as StoredRevision['kind'],
    patientId: m.patientId,
    op: m.op,
    rev: 1,
    baseRev: null,
    data: m.data,
    at: m.at,
    userId: nurse.userId,
    deviceId: nurse.deviceId,
    seq: ++seq,
    receivedAt: m.at,
    status: 'applied',
  }));
  for (let i = 0; i < revisions.length; i += 5000) {
    const page = revisions.slice(i, i + 5000);
    await db.transaction('rw', [db.revisions, db.records], async () => {
      await db.revisions.bulkAdd(page);
      await db.records.bulkAdd(page.map((r) => deriveRecord([r])!));
    });
  }
  db.close();
  return { patientIds: trial.participants.map((p) => p.recordId) };
}

/**
 * The workflows' bench (bench/workflows.ts): the app's database replaced by the whole trial at one moment
 * (bench/workflow-dataset.ts), each record's data parsed by its kind's zod schema, stored as the sync's pull stores
 * pages (revisions, then the records derived from them). The physician signed in on the tablet signs the forms.
 */
async function seedWorkflows(name: string, moment: WorkflowMoment, now: number) {
  const db = await open(name);
  const physician = (await db.people.toArray()).find((p) => p.role === 'physician');
  if (!physician) throw new Error('no physician signed in on this tablet');
  const signer = { userId: physician.userId, name: physician.displayName || physician.username };
  const trial = workflowTrial(moment, now, signer);
  const signatures = await Promise.all(
    trial.signatures.map(async (s) => ({
      recordId: s.signatureId,
      kind: 'signature' as const,
      patientId: s.patientId,
      at: new Date(s.at).toISOString(),
      physician: true,
      data: {
        signer: signer.userId,
        signerName: signer.name,
        role: 'physician',
        meaning: s.meaning,
        signedAt: new Date(s.at).toISOString(),
        recordId: s.recordId,
        recordRev: 1,
        contentHash: await contentHash(s.data),
        method: 'pin',
      },
    })),
  );
  const histories = new Map<string, StoredRevision[]>();
  let seq = 0;
  for (const r of [...trial.records, ...signatures]) {
    const parsed = RECORD_KINDS[r.kind].schema.safeParse(r.data);
    if (!parsed.success)
      throw new Error(`${r.kind} ${r.recordId}: ${JSON.stringify(parsed.error.issues.slice(0, 3))}`);
    const history = histories.get(r.recordId) ?? [];
    const base = history.at(-1)?.rev ?? null;
    history.push({
      mutationId: uuidv7(),
      recordId: r.recordId,
      kind: r.kind,
      patientId: r.patientId,
      op: base === null ? 'create' : 'revise',
      rev: (base ?? 0) + 1,
      baseRev: base,
      data: parsed.data as StoredRevision['data'],
      ...('reason' in r && r.reason ? { reason: r.reason } : {}),
      at: r.at,
      userId: r.physician ? physician.userId : nurse.userId,
      deviceId: nurse.deviceId,
      seq: ++seq,
      receivedAt: r.at,
      status: 'applied',
    });
    histories.set(r.recordId, history);
  }
  await db.transaction('rw', [db.revisions, db.records, db.outbox], async () => {
    await Promise.all([db.revisions.clear(), db.records.clear(), db.outbox.clear()]);
    await db.revisions.bulkAdd([...histories.values()].flat());
    await storeDerivedRecords(db, [...histories.values()]);
  });
  const counts: Record<string, number> = {};
  for (const history of histories.values()) counts[history[0]!.kind] = (counts[history[0]!.kind] ?? 0) + 1;
  db.close();
  return { patientIds: trial.patientIds, trialNumbers: trial.trialNumbers, records: histories.size, counts };
}

let minute = 0;
/** A new vital-sign set, later than every seeded one (so it heads the timeline). */
function nextVitals() {
  minute += 1;
  return vitalSignsData(minute, Date.parse('2027-01-01T08:00:00+01:00') + minute * 60_000);
}

/** Figure 3: each save through the one write path, from the call to the committed transaction. */
async function saves(name: string, patientId: string, count: number) {
  const db = await open(name);
  const durations: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const result = await recordObservation(db, nurse, { kind: 'vitalSigns', patientId, data: nextVitals() });
    durations.push(performance.now() - started);
    if (!result.ok) throw new Error(`save refused: ${JSON.stringify(result)}`);
  }
  db.close();
  return durations;
}

/** Figure 4: from the save's call to the timeline's live query emitting a result that shows the new set. */
async function liveTimeline(name: string, patientId: string, count: number) {
  const db = await open(name);
  const durations: number[] = [];
  let waiting: { recordId: string; started: number; done: () => void } | undefined;
  let firstResult!: () => void;
  const subscribed = new Promise<void>((resolve) => (firstResult = resolve));
  const subscription = liveQuery(() => latestVitalSigns(db, patientId, 50)).subscribe({
    next(rows) {
      firstResult();
      if (waiting && rows.some((row) => row.id === waiting!.recordId)) {
        durations.push(performance.now() - waiting.started);
        waiting.done();
        waiting = undefined;
      }
    },
  });
  await subscribed;
  for (let i = 0; i < count; i++) {
    const recordId = uuidv7();
    const shown = new Promise<void>((done) => (waiting = { recordId, started: performance.now(), done }));
    const result = await recordObservation(db, nurse, {
      kind: 'vitalSigns',
      patientId,
      recordId,
      data: nextVitals(),
    });
    if (!result.ok) throw new Error(`save refused: ${JSON.stringify(result)}`);
    await shown;
  }
  subscription.unsubscribe();
  db.close();
  return durations;
}

/** Figure 6: a fresh tablet's first sync, the engine's own pull, from the first request to the last page stored. */
async function firstSync(name: string, accessToken: string) {
  const db = await open(name);
  const http = httpSyncApi({ accessToken: async () => accessToken });
  // The time a page request is in flight (fetching and checking it, which overlaps the storing of the page before).
  let fetchMs = 0;
  const api: typeof http = {
    push: http.push,
    pull: async (after, limit) => {
      const requested = performance.now();
      const page = await http.pull(after, limit);
      fetchMs += performance.now() - requested;
      return page;
    },
  };
  const started = performance.now();
  const pulled = await pullChanges(db, api);
  const ms = performance.now() - started;
  const stored = await db.records.count();
  db.close();
  return { ms, fetchMs, pulled, stored };
}

async function remove(name: string) {
  await new ChevetDb(name).delete();
}

declare global {
  interface Window {
    chevetBench: typeof api;
  }
}
const api = { seed, seedWorkflows, saves, liveTimeline, firstSync, remove };
window.chevetBench = api;
