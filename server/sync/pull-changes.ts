import type { Role } from '../../src/schema/common';
import type { Change } from '../../src/schema/sync';
import type { Store } from '../store/store';

/** Which kinds a role may read. Every clinical role reads the whole trial for now (ten participants, one team). */
export function readableKinds(role: Role): 'all' | readonly string[] {
  return role === 'admin' ? [] : 'all';
}

type Row = {
  seq: string | number;
  mutation_id: string;
  record_id: string;
  kind: string;
  patient_id: string | null;
  op: Change['op'];
  rev: number;
  base_rev: number | null;
  data: Record<string, unknown>;
  reason: string | null;
  at: string;
  received_at: Date | string;
  user_id: string;
  device_id: string;
  conflict: boolean;
  supersedes: string | null;
};

/** Keyset page of the log after `after`, in seq order, as the wire contract's `changes`. */
export async function pullChanges(store: Store, role: Role, after: number, limit: number) {
  const kinds = readableKinds(role);
  const filter = kinds === 'all' ? '' : 'and kind = any($3::text[])';
  const { rows } = await store.query<Row>(
    `select seq, mutation_id, record_id, kind, patient_id, op, rev, base_rev, data, reason, at, received_at,
            user_id, device_id, conflict, supersedes
       from mutations where seq > $1 ${filter} order by seq limit $2`,
    kinds === 'all' ? [after, limit + 1] : [after, limit + 1, kinds],
  );
  const hasMore = rows.length > limit;
  const changes: Change[] = rows.slice(0, limit).map((r) => ({
    seq: Number(r.seq),
    mutationId: r.mutation_id,
    recordId: r.record_id,
    kind: r.kind,
    patientId: r.patient_id,
    op: r.op,
    rev: r.rev,
    baseRev: r.base_rev,
    data: r.data,
    reason: r.reason,
    at: r.at,
    receivedAt: new Date(r.received_at).toISOString(),
    userId: r.user_id,
    deviceId: r.device_id,
    conflict: r.conflict,
    supersedes: r.supersedes,
  }));
  return { changes, cursor: changes.at(-1)?.seq ?? after, hasMore };
}
