import { RECORD_KINDS } from '../../src/schema/records';
import type { PushResult } from '../../src/schema/sync';
import type { Principal } from '../auth/roles';
import type { Queryable, Store } from '../store/store';
import { claimParticipantResources } from './participant-rules';
import { contentRejections } from './content-rules';
import { validateMutation, type ValidMutation } from './validate-mutation';

type RecordState = {
  id: string;
  kind: string;
  patientId: string | null;
  rev: number;
  voided: boolean;
  inConflict: boolean;
};
type NewRow = { mutation: ValidMutation; rev: number; conflict: boolean };

/**
 * Applies one pushed batch in ONE transaction (docs/sync-protocol.md, "Push"): per mutation, in the order sent,
 * `applied`, `duplicate`, `conflict` or `rejected`. A few set-based queries per batch whatever its size: the
 * duplicates and the touched records are read at once, the new rows written with one multi-row insert each.
 */
export async function applyBatch(
  store: Store,
  principal: Principal,
  mutations: readonly unknown[],
): Promise<PushResult[]> {
  return store.transaction(async (tx) => {
    // Pushes are serialised: sequence numbers are then assigned and committed in the same order, so a puller
    // can never skip a seq that commits later (PostgreSQL; PGlite has one connection anyway).
    if (store.kind === 'postgres') await tx.query('select pg_advisory_xact_lock(7405)');
    const results: PushResult[] = new Array(mutations.length);
    const valid: { index: number; mutation: ValidMutation }[] = [];
    mutations.forEach((raw, index) => {
      const checked = validateMutation(raw, principal);
      if (checked.ok) valid.push({ index, mutation: checked.mutation });
      else results[index] = { mutationId: checked.mutationId, status: 'rejected', reason: checked.reason };
    });

    const stored = await existingMutations(
      tx,
      valid.map((v) => v.mutation.mutationId),
    );
    const states = await recordStates(tx, [
      ...valid.flatMap((v) => [
        v.mutation.recordId,
        v.mutation.patientId ?? v.mutation.recordId,
        v.mutation.supersedes ?? v.mutation.recordId,
      ]),
    ]);
    const contentRefusals = await contentRejections(
      tx,
      valid.map((v) => v.mutation),
      principal,
    );
    const rows: (NewRow & { index: number })[] = [];
    const seenInBatch = new Set<string>();
    for (const { index, mutation } of valid) {
      const earlier = stored.get(mutation.mutationId);
      if (earlier || seenInBatch.has(mutation.mutationId)) {
        results[index] = { mutationId: mutation.mutationId, status: 'duplicate', ...(earlier ?? {}) };
        continue;
      }
      const refusal = contentRefusals.get(mutation.mutationId);
      if (refusal) {
        results[index] = { mutationId: mutation.mutationId, status: 'rejected', reason: refusal };
        continue;
      }
      const outcome = decide(mutation, states, principal);
      if ('reject' in outcome) {
        results[index] = { mutationId: mutation.mutationId, status: 'rejected', reason: outcome.reject };
        continue;
      }
      // Trial numbers and cohort slots are shared by every tablet: the first claim wins (participant-rules.ts).
      const refused = await claimParticipantResources(tx, mutation);
      if (refused) {
        results[index] = { mutationId: mutation.mutationId, status: 'rejected', reason: refused };
        continue;
      }
      seenInBatch.add(mutation.mutationId);
      states.set(mutation.recordId, outcome.state);
      rows.push({ index, mutation, rev: outcome.state.rev, conflict: outcome.conflict });
    }

    const seqs = await insertMutations(tx, rows, principal);
    for (const row of rows) {
      const seq = seqs.get(row.mutation.mutationId);
      results[row.index] = {
        mutationId: row.mutation.mutationId,
        status: row.conflict ? 'conflict' : 'applied',
        seq,
        rev: row.rev,
      };
    }
    await upsertRecords(tx, rows, seqs, states);
    return results;
  });
}

/** The store's verdict on one valid mutation against the record's current state (updated as the batch goes). */
function decide(
  m: ValidMutation,
  states: Map<string, RecordState>,
  principal: Principal,
): { state: RecordState; conflict: boolean } | { reject: string } {
  const mode = RECORD_KINDS[m.kind].mode;
  const current = states.get(m.recordId);
  // A trial-level record (a dose decision, its signature) has no participant.
  if (m.kind !== 'participant' && m.patientId !== null) {
    const participant = states.get(m.patientId!);
    if (!participant || participant.kind !== 'participant')
      return { reject: 'unknown participant: sync the participant first' };
  }
  if (current && (current.kind !== m.kind || current.patientId !== m.patientId)) {
    return { reject: 'the record exists with another kind or participant' };
  }
  if (m.supersedes) {
    const old = states.get(m.supersedes);
    if (!old || old.kind !== m.kind || old.patientId !== m.patientId)
      return { reject: 'the superseded record is unknown' };
  }
  const next = (rev: number, changes: Partial<RecordState> = {}): RecordState => ({
    id: m.recordId,
    kind: m.kind,
    patientId: m.patientId,
    rev,
    voided: current?.voided ?? false,
    inConflict: current?.inConflict ?? false,
    ...changes,
  });
  if (m.op === 'create') {
    if (!current) return { state: next(1), conflict: false };
    // The same record created twice (two tablets, one id): forms keep both as a conflict, observations refuse.
    if (mode === 'observation') return { reject: 'this record already exists' };
    return { state: next(current.rev + 1, { inConflict: true }), conflict: true };
  }
  if (!current) return { reject: 'unknown record: its creation has not reached the store' };
  if (m.baseRev! > current.rev)
    return { reject: `baseRev ${m.baseRev} is ahead of the stored revision ${current.rev}` };
  if (m.op === 'void') return { state: next(current.rev + 1, { voided: true }), conflict: false };
  const stale = m.baseRev! < current.rev;
  // A revision on the latest one resolves an open conflict only when a physician makes it (with its reason).
  const keepsConflict = current.inConflict && principal.role !== 'physician';
  if (stale || keepsConflict)
    return { state: next(current.rev + 1, { inConflict: true, voided: false }), conflict: true };
  return { state: next(current.rev + 1, { inConflict: false, voided: false }), conflict: false };
}

async function existingMutations(tx: Queryable, ids: string[]) {
  const found = new Map<string, { seq: number; rev: number }>();
  if (ids.length === 0) return found;
  const { rows } = await tx.query<{ mutation_id: string; seq: string | number; rev: number }>(
    'select mutation_id, seq, rev from mutations where mutation_id = any($1::uuid[])',
    [ids],
  );
  for (const row of rows) found.set(row.mutation_id, { seq: Number(row.seq), rev: row.rev });
  return found;
}

async function recordStates(tx: Queryable, ids: string[]) {
  const states = new Map<string, RecordState>();
  const unique = [...new Set(ids)];
  if (unique.length === 0) return states;
  const { rows } = await tx.query<{
    id: string;
    kind: string;
    patient_id: string | null;
    rev: number;
    voided: boolean;
    in_conflict: boolean;
  }>('select id, kind, patient_id, rev, voided, in_conflict from records where id = any($1::uuid[])', [
    unique,
  ]);
  for (const r of rows)
    states.set(r.id, {
      id: r.id,
      kind: r.kind,
      patientId: r.patient_id,
      rev: r.rev,
      voided: r.voided,
      inConflict: r.in_conflict,
    });
  return states;
}

async function insertMutations(tx: Queryable, rows: readonly NewRow[], principal: Principal) {
  const seqs = new Map<string, number>();
  if (rows.length === 0) return seqs;
  // One statement and ONE parameter for the whole batch: the rows travel as a JSON array that the database
  // unpacks itself (much cheaper than a dozen array parameters, above all on PGlite); `ord` keeps the order sent.
  const batch = rows.map((x, ord) => ({
    ord,
    mutation_id: x.mutation.mutationId,
    record_id: x.mutation.recordId,
    kind: x.mutation.kind,
    patient_id: x.mutation.patientId,
    op: x.mutation.op,
    rev: x.rev,
    base_rev: x.mutation.baseRev,
    data: x.mutation.data,
    reason: x.mutation.reason ?? null,
    at: x.mutation.at,
    conflict: x.conflict,
    supersedes: x.mutation.supersedes ?? null,
  }));
  const { rows: inserted } = await tx.query<{ mutation_id: string; seq: string | number }>(
    `insert into mutations (mutation_id, record_id, kind, patient_id, op, rev, base_rev, data, reason, at, user_id, device_id, conflict, supersedes)
     select mutation_id, record_id, kind, patient_id, op, rev, base_rev, data, reason, at, $2::uuid, $3::uuid, conflict, supersedes
       from jsonb_to_recordset($1::jsonb)
            as t(ord int, mutation_id uuid, record_id uuid, kind text, patient_id uuid, op text, rev int, base_rev int,
                 data jsonb, reason text, at text, conflict bool, supersedes uuid)
      order by ord
     on conflict (mutation_id) do nothing
     returning mutation_id, seq`,
    [JSON.stringify(batch), principal.userId, principal.deviceId],
  );
  for (const row of inserted) seqs.set(row.mutation_id, Number(row.seq));
  return seqs;
}

async function upsertRecords(
  tx: Queryable,
  rows: readonly NewRow[],
  seqs: Map<string, number>,
  states: Map<string, RecordState>,
) {
  const last = new Map<string, number>();
  for (const row of rows) last.set(row.mutation.recordId, seqs.get(row.mutation.mutationId)!);
  if (last.size === 0) return;
  const touched = [...last.keys()].map((id) => states.get(id)!);
  await tx.query(
    `insert into records (id, kind, patient_id, rev, voided, in_conflict, last_seq)
     select * from unnest($1::uuid[], $2::text[], $3::uuid[], $4::int[], $5::bool[], $6::bool[], $7::bigint[])
     on conflict (id) do update set rev = excluded.rev, voided = excluded.voided,
       in_conflict = excluded.in_conflict, last_seq = excluded.last_seq`,
    [
      touched.map((s) => s.id),
      touched.map((s) => s.kind),
      touched.map((s) => s.patientId),
      touched.map((s) => s.rev),
      touched.map((s) => s.voided),
      touched.map((s) => s.inConflict),
      touched.map((s) => last.get(s.id)!),
    ],
  );
}
