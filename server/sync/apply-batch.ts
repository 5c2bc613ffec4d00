import { canonicalJson, contentHash } from '../../src/schema/canonical-json';
import { RECORD_KINDS } from '../../src/schema/records';
import { canSign, signerNameOf, type Signature } from '../../src/schema/signature';
import type { PushResult } from '../../src/schema/sync';
import type { Principal } from '../auth/roles';
import type { CopyValue, Queryable, Store } from '../store/store';
import { contentRejections } from './content-rules';
import { claimParticipantResources } from './participant-rules';
import { loadQueryFacts, queryRecordIds, queryRefusal, type QueryFacts } from './query-rules';
import { validateMutation, type Rejection, type ValidMutation } from './validate-mutation';

type RecordState = {
  id: string;
  kind: string;
  patientId: string | null;
  rev: number;
  voided: boolean;
  inConflict: boolean;
};
type NewRow = { index: number; mutation: ValidMutation; state: RecordState; conflict: boolean };
type StoredMutation = {
  seq: number;
  rev: number;
  userId: string;
  recordId: string;
  kind: string;
  op: string;
  data: unknown;
};
/** Stored revisions of the records that signatures and voids name: recordId → rev → author and data. */
type Revisions = Map<string, Map<number, { userId: string; data: unknown }>>;
type Context = {
  states: Map<string, RecordState>;
  /** The records the store holds a row of (loaded, or written by this batch): the others are inserted, not upserted. */
  inStore: Set<string>;
  revisions: Revisions;
  /** The signer's name from the account, when the batch holds a signature. */
  signerName: string | null;
  /** Content rules by role (content-rules.ts): mutationId → reason. */
  contentRefusals: Map<string, string>;
  /** The raises and corrections the batch's data queries name (query-rules.ts). */
  queryFacts: QueryFacts;
};

export type ApplyOptions = {
  /** The store's clock (device times more than 24 h ahead of it are refused). */
  now?: Date;
  /** Told of a database error that one mutation's content caused (the mutation is rejected, the rest kept). */
  onStorageError?: (error: unknown, mutationId: string) => void;
};

/**
 * Applies one pushed batch in ONE transaction (docs/sync-protocol.md, "Push"): per mutation, in the order sent,
 * `applied`, `duplicate`, `conflict` or `rejected` (with a stable code). A few set-based queries per batch
 * whatever its size: the duplicates and the touched records are read at once, the new rows written with one
 * multi-row insert each. Should the database refuse that insert (one mutation's content it cannot store), the
 * batch is judged again one mutation at a time, each in its own savepoint: only the guilty one is rejected.
 */
export async function applyBatch(
  store: Store,
  principal: Principal,
  mutations: readonly unknown[],
  options: ApplyOptions = {},
): Promise<PushResult[]> {
  const now = options.now ?? new Date();
  // What needs no stored state is checked before the transaction, so the push lock is not held for it.
  const results: PushResult[] = new Array(mutations.length);
  const valid: { index: number; mutation: ValidMutation }[] = [];
  mutations.forEach((raw, index) => {
    const checked = validateMutation(raw, principal, now);
    if (checked.ok) valid.push({ index, mutation: checked.mutation });
    else results[index] = rejected(checked.mutationId, checked);
  });
  if (valid.length === 0) return results;
  return store.transaction(async (tx) => {
    // Pushes are serialised: sequence numbers are then assigned and committed in the same order, so a puller
    // can never skip a seq that commits later (PostgreSQL; PGlite has one connection anyway).
    if (store.kind === 'postgres') await tx.query('select pg_advisory_xact_lock(7405)');

    await tx.query('savepoint batch');
    try {
      const rows: NewRow[] = [];
      const context = await loadContext(tx, valid, principal);
      // Every stored mutation's record has its row in `records`, so one of a record the store does not hold (most
      // of a push: new observations) was never stored: only the others' ids are looked up. An id stored already
      // under another record (reused) makes the log's unique index refuse the batch, and the pass below, which
      // looks every id up, rejects it alone.
      const stored = await existingMutations(
        tx,
        valid.filter((v) => context.inStore.has(v.mutation.recordId)).map((v) => v.mutation.mutationId),
      );
      await judge(tx, valid, stored, context, principal, results, async (row) => void rows.push(row));
      await writeRows(tx, rows, principal, results, context.inStore);
      await tx.query('release savepoint batch');
    } catch {
      await tx.query('rollback to savepoint batch');
      const stored = await existingMutations(
        tx,
        valid.map((v) => v.mutation.mutationId),
      );
      const context = await loadContext(tx, valid, principal);
      await judge(
        tx,
        valid,
        stored,
        context,
        principal,
        results,
        (row) => writeRows(tx, [row], principal, results, context.inStore),
        (error, id) => options.onStorageError?.(error, id),
      );
    }
    return results;
  });
}

const rejected = (mutationId: string, r: Rejection): PushResult => ({
  mutationId,
  status: 'rejected',
  reason: r.reason,
  code: r.code,
});

/**
 * Judges the valid mutations in order against the store (duplicates, record states, authorship, signatures,
 * the trial's shared resources), handing each accepted one to `accept`, which queues or stores it. With
 * `onStorageError` (the one-at-a-time pass), each mutation runs in its own savepoint, and one the database
 * refuses is rolled back and rejected alone.
 */
async function judge(
  tx: Queryable,
  valid: readonly { index: number; mutation: ValidMutation }[],
  stored: Map<string, StoredMutation>,
  context: Context,
  principal: Principal,
  results: PushResult[],
  accept: (row: NewRow) => Promise<void>,
  onStorageError?: (error: unknown, mutationId: string) => void,
): Promise<void> {
  const { states, revisions } = context;
  const inBatch = new Map<string, ValidMutation>();
  for (const { index, mutation } of valid) {
    const id = mutation.mutationId;
    const earlier = stored.get(id);
    const earlierInBatch = inBatch.get(id);
    if (earlier || earlierInBatch) {
      const same = earlier
        ? earlier.userId === principal.userId && sameContent(earlier, mutation)
        : sameContent(earlierInBatch!, mutation);
      results[index] = same
        ? { mutationId: id, status: 'duplicate', ...(earlier ? { seq: earlier.seq, rev: earlier.rev } : {}) }
        : rejected(id, {
            code: 'mutation-id-reused',
            reason: 'this mutationId is already stored with another author or content',
          });
      continue;
    }
    const contentRefusal = context.contentRefusals.get(id);
    if (contentRefusal) {
      results[index] = rejected(id, { code: 'role-not-allowed', reason: contentRefusal });
      continue;
    }
    const outcome = decide(mutation, states, principal);
    const refusal =
      'reject' in outcome
        ? outcome.reject
        : ((await trustCheck(mutation, context, principal)) ??
          queryRefusal(
            mutation,
            states,
            context.queryFacts,
            inBatch,
            revisions.get(mutation.recordId)?.get(1)?.userId,
            principal.userId,
          ));
    if (refusal || 'reject' in outcome) {
      results[index] = rejected(id, refusal!);
      continue;
    }
    const row: NewRow = { index, mutation, state: outcome.state, conflict: outcome.conflict };
    const one = onStorageError !== undefined;
    if (one) await tx.query('savepoint one');
    try {
      // Trial numbers and cohort slots are shared by every tablet: the first claim wins (participant-rules.ts).
      const claim = await claimParticipantResources(tx, mutation);
      if (claim) {
        if (one) await tx.query('release savepoint one');
        results[index] = rejected(id, claimRejection(claim));
        continue;
      }
      await accept(row);
      if (one) await tx.query('release savepoint one');
    } catch (error) {
      if (!one) throw error;
      await tx.query('rollback to savepoint one');
      onStorageError(error, id);
      results[index] = rejected(id, {
        code: 'storage-error',
        reason: 'the store could not save this mutation’s content',
      });
      continue;
    }
    inBatch.set(id, mutation);
    states.set(mutation.recordId, outcome.state);
    revisionsOf(revisions, mutation.recordId).set(outcome.state.rev, {
      userId: principal.userId,
      data: mutation.data,
    });
  }
}

/** participant-rules.ts words its refusals `code: sentence`; the code also travels on its own. */
function claimRejection(reason: string): Rejection {
  const code = reason.slice(0, reason.indexOf(':')) as Rejection['code'];
  return { code, reason };
}

function sameContent(
  a: Pick<StoredMutation, 'recordId' | 'kind' | 'op' | 'data'>,
  b: Pick<ValidMutation, 'recordId' | 'kind' | 'op' | 'data'>,
): boolean {
  return (
    a.recordId === b.recordId &&
    a.kind === b.kind &&
    a.op === b.op &&
    canonicalJson(a.data) === canonicalJson(b.data)
  );
}

function revisionsOf(revisions: Revisions, recordId: string) {
  let found = revisions.get(recordId);
  if (!found) revisions.set(recordId, (found = new Map()));
  return found;
}

/**
 * What a token alone does not entitle to (wire-contract.md, "What the store enforces"): a signature is the
 * signed-in person's own, in their role, for a meaning that role may sign, over a stored revision whose data
 * hashes to its contentHash; a void or a correction is the author's, or a physician's (a signature's: only its
 * signer's), and a void carries the current data unchanged.
 */
async function trustCheck(
  m: ValidMutation,
  context: Context,
  principal: Principal,
): Promise<Rejection | null> {
  const { states, revisions } = context;
  const target = m.op === 'void' ? m.recordId : m.supersedes;
  if (target) {
    const revs = revisions.get(target);
    const current = states.get(target)!;
    const first = revs?.get(1);
    const latest = revs?.get(current.rev);
    if (current.kind === 'signature') {
      const signer = (latest?.data as Partial<Signature> | undefined)?.signer;
      if (signer !== principal.userId)
        return { code: 'not-signer', reason: 'a signature is voided or corrected only by its signer' };
    } else if (first?.userId !== principal.userId && principal.role !== 'physician') {
      return {
        code: 'not-record-author',
        reason: 'only the record’s author, or a physician, may void or correct it',
      };
    }
    if (m.op === 'void' && canonicalJson(m.data) !== canonicalJson(latest?.data)) {
      return {
        code: 'void-changes-data',
        reason: `a void carries the record’s current data (revision ${current.rev}) unchanged`,
      };
    }
  }
  if (m.kind !== 'signature' || m.op !== 'create') return null;
  const s = m.data as Signature;
  if (s.signer !== principal.userId)
    return { code: 'signature-signer', reason: 'the signer of a signature is the signed-in person' };
  if (s.role !== principal.role)
    return { code: 'signature-role', reason: `the signer's role on the store is ${principal.role}` };
  if (!canSign(principal.role, s.meaning))
    return { code: 'signature-meaning', reason: `${principal.role} may not sign "${s.meaning}"` };
  if (s.signerName !== context.signerName)
    return {
      code: 'signature-signer-name',
      reason: 'the signer’s name is the account’s display name on the store',
    };
  const signed = states.get(s.recordId);
  const revision = revisions.get(s.recordId)?.get(s.recordRev);
  if (!signed || !revision || signed.patientId !== m.patientId)
    return {
      code: 'signature-record',
      reason: `the signed record has no revision ${s.recordRev} on the store (for this participant)`,
    };
  if ((await contentHash(revision.data)) !== s.contentHash)
    return {
      code: 'signature-hash',
      reason: `contentHash is not the hash of the stored revision ${s.recordRev}`,
    };
  return null;
}

/** The store's verdict on one valid mutation against the record's current state (updated as the batch goes). */
function decide(
  m: ValidMutation,
  states: Map<string, RecordState>,
  principal: Principal,
): { state: RecordState; conflict: boolean } | { reject: Rejection } {
  const mode = RECORD_KINDS[m.kind].mode;
  const current = states.get(m.recordId);
  // A trial-level record (a dose decision, its signature) has no participant.
  if (m.kind !== 'participant' && m.patientId !== null) {
    const participant = states.get(m.patientId!);
    if (!participant || participant.kind !== 'participant')
      return {
        reject: { code: 'unknown-participant', reason: 'unknown participant: sync the participant first' },
      };
  }
  if (current && (current.kind !== m.kind || current.patientId !== m.patientId)) {
    return {
      reject: { code: 'record-mismatch', reason: 'the record exists with another kind or participant' },
    };
  }
  if (m.supersedes) {
    const old = states.get(m.supersedes);
    if (!old || old.kind !== m.kind || old.patientId !== m.patientId)
      return { reject: { code: 'unknown-superseded', reason: 'the superseded record is unknown' } };
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
    if (mode === 'observation')
      return { reject: { code: 'record-exists', reason: 'this record already exists' } };
    return { state: next(current.rev + 1, { inConflict: true }), conflict: true };
  }
  if (!current)
    return {
      reject: { code: 'unknown-record', reason: 'unknown record: its creation has not reached the store' },
    };
  if (m.baseRev! > current.rev)
    return {
      reject: {
        code: 'base-rev-ahead',
        reason: `baseRev ${m.baseRev} is ahead of the stored revision ${current.rev}`,
      },
    };
  if (m.op === 'void') return { state: next(current.rev + 1, { voided: true }), conflict: false };
  const stale = m.baseRev! < current.rev;
  // A revision on the latest one resolves an open conflict only when a physician makes it (with its reason).
  const keepsConflict = current.inConflict && principal.role !== 'physician';
  if (stale || keepsConflict)
    return { state: next(current.rev + 1, { inConflict: true, voided: false }), conflict: true };
  return { state: next(current.rev + 1, { inConflict: false, voided: false }), conflict: false };
}

async function existingMutations(tx: Queryable, ids: string[]) {
  const found = new Map<string, StoredMutation>();
  if (ids.length === 0) return found;
  const { rows } = await tx.query<{
    mutation_id: string;
    seq: string | number;
    rev: number;
    user_id: string;
    record_id: string;
    kind: string;
    op: string;
    data: unknown;
  }>(
    `select mutation_id, seq, rev, user_id, record_id, kind, op, data
       from mutations where mutation_id = any($1::uuid[])`,
    [ids],
  );
  for (const row of rows)
    found.set(row.mutation_id, {
      seq: Number(row.seq),
      rev: row.rev,
      userId: row.user_id,
      recordId: row.record_id,
      kind: row.kind,
      op: row.op,
      data: row.data,
    });
  return found;
}

/** The stored state the batch is judged against, read at once: record states, revisions, the signer's name. */
async function loadContext(
  tx: Queryable,
  valid: readonly { mutation: ValidMutation }[],
  principal: Principal,
): Promise<Context> {
  const signed = valid
    .filter((v) => v.mutation.kind === 'signature' && v.mutation.op === 'create')
    .map((v) => String((v.mutation.data as Partial<Signature>).recordId));
  const changed = valid.flatMap((v) =>
    v.mutation.op === 'void' ? [v.mutation.recordId] : v.mutation.supersedes ? [v.mutation.supersedes] : [],
  );
  const states = await recordStates(tx, [
    ...valid.flatMap((v) => [
      v.mutation.recordId,
      v.mutation.patientId ?? v.mutation.recordId,
      v.mutation.supersedes ?? v.mutation.recordId,
    ]),
    ...signed,
    ...queryRecordIds(valid.map((v) => v.mutation)),
  ]);
  const revisions: Revisions = new Map();
  const named = [...new Set([...signed, ...changed])].filter((id) => states.has(id));
  if (named.length > 0) {
    const { rows } = await tx.query<{ record_id: string; rev: number; user_id: string; data: unknown }>(
      'select record_id, rev, user_id, data from mutations where record_id = any($1::uuid[])',
      [named],
    );
    for (const r of rows) revisionsOf(revisions, r.record_id).set(r.rev, { userId: r.user_id, data: r.data });
  }
  let signerName: string | null = null;
  if (signed.length > 0) {
    const { rows } = await tx.query<{ username: string; display_name: string }>(
      'select username, display_name from users where id = $1',
      [principal.userId],
    );
    if (rows[0]) signerName = signerNameOf({ username: rows[0].username, displayName: rows[0].display_name });
  }
  const contentRefusals = await contentRejections(
    tx,
    valid.map((v) => v.mutation),
    principal,
  );
  const queryFacts = await loadQueryFacts(
    tx,
    valid.map((v) => v.mutation),
  );
  return { states, inStore: new Set(states.keys()), revisions, signerName, contentRefusals, queryFacts };
}

/** Stores accepted rows (the log appended at once, the records' states written) and fills in their results. */
async function writeRows(
  tx: Queryable,
  rows: readonly NewRow[],
  principal: Principal,
  results: PushResult[],
  inStore: Set<string>,
) {
  if (rows.length === 0) return;
  const seqs = await insertMutations(tx, rows, principal);
  await writeRecords(tx, rows, seqs, inStore);
  for (const row of rows) {
    results[row.index] = {
      mutationId: row.mutation.mutationId,
      status: row.conflict ? 'conflict' : 'applied',
      seq: seqs.get(row.mutation.mutationId),
      rev: row.state.rev,
    };
  }
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

const MUTATION_COLUMNS = [
  'mutation_id',
  'record_id',
  'kind',
  'patient_id',
  'op',
  'rev',
  'base_rev',
  'data',
  'reason',
  'at',
  'user_id',
  'device_id',
  'conflict',
  'supersedes',
] as const;

async function insertMutations(tx: Queryable, rows: readonly NewRow[], principal: Principal) {
  const seqs = new Map<string, number>();
  if (rows.length === 0) return seqs;
  // The rows appended at once (COPY on PGlite), in the order sent, each drawing its seq from the identity
  // (increment 1, no cache). Only pushes write the log, and each holds the push lock (one connection on PGlite),
  // so nothing draws between them: the batch's seqs are the last one drawn and those just before. A mutationId
  // stored already was answered `duplicate` by judge(), so none is inserted twice; should one be, the unique
  // index refuses the batch and the one-at-a-time pass rejects it alone.
  await tx.copyRows(
    'mutations',
    MUTATION_COLUMNS,
    rows.map((x) => {
      const m = x.mutation;
      return [
        m.mutationId,
        m.recordId,
        m.kind,
        m.patientId,
        m.op,
        x.state.rev,
        m.baseRev,
        m.data,
        m.reason ?? null,
        m.at,
        principal.userId,
        principal.deviceId,
        x.conflict,
        m.supersedes ?? null,
      ];
    }),
  );
  const { rows: drawn } = await tx.query<{ last: string | number }>(
    "select currval(pg_get_serial_sequence('mutations', 'seq')) as last",
  );
  const first = Number(drawn[0]!.last) - rows.length + 1;
  rows.forEach((x, i) => seqs.set(x.mutation.mutationId, first + i));
  return seqs;
}

const RECORD_COLUMNS = ['id', 'kind', 'patient_id', 'rev', 'voided', 'in_conflict', 'last_seq'] as const;

/**
 * Each touched record's state after its last row of the batch: the records new to the store appended at once
 * (COPY on PGlite, like the log: most of a push creates records), the others updated by one upsert. Pushes are
 * serialised, so no other push can insert one of the new ones meanwhile (should it, the unique key refuses the
 * batch and the one-at-a-time pass judges it again).
 */
async function writeRecords(
  tx: Queryable,
  rows: readonly NewRow[],
  seqs: Map<string, number>,
  inStore: Set<string>,
) {
  const last = new Map<string, { state: RecordState; seq: number }>();
  for (const row of rows)
    last.set(row.mutation.recordId, { state: row.state, seq: seqs.get(row.mutation.mutationId)! });
  const fresh: (readonly CopyValue[])[] = [];
  const touched: { state: RecordState; seq: number }[] = [];
  for (const [id, t] of last) {
    if (inStore.has(id)) touched.push(t);
    else {
      const { state } = t;
      fresh.push([id, state.kind, state.patientId, state.rev, state.voided, state.inConflict, t.seq]);
    }
  }
  if (fresh.length > 0) await tx.copyRows('records', RECORD_COLUMNS, fresh);
  if (touched.length > 0)
    await tx.query(
      `insert into records (${RECORD_COLUMNS.join(', ')})
     select * from unnest($1::uuid[], $2::text[], $3::uuid[], $4::int[], $5::bool[], $6::bool[], $7::bigint[])
     on conflict (id) do update set rev = excluded.rev, voided = excluded.voided,
       in_conflict = excluded.in_conflict, last_seq = excluded.last_seq`,
      [
        touched.map((t) => t.state.id),
        touched.map((t) => t.state.kind),
        touched.map((t) => t.state.patientId),
        touched.map((t) => t.state.rev),
        touched.map((t) => t.state.voided),
        touched.map((t) => t.state.inConflict),
        touched.map((t) => t.seq),
      ],
    );
  for (const id of last.keys()) inStore.add(id);
}
