import type { Role } from '../../src/schema/common';
import type { Store } from '../store/store';

/** Which kinds a role may read. Every clinical role reads the whole trial for now (ten participants, one team). */
export function readableKinds(role: Role): 'all' | readonly string[] {
  return role === 'admin' ? [] : 'all';
}

/**
 * Keyset page of the log after `after`, in seq order, as the wire contract's pull body — already serialised.
 * The store writes each change as JSON itself: `data` goes out as stored, never parsed into objects and
 * stringified again (half the cost of a 5 000-change page). The shape is `pullResponseSchema`'s, which the sync
 * tests parse every answer with.
 */
export async function pullChangesJson(store: Store, role: Role, after: number, limit: number) {
  const kinds = readableKinds(role);
  const filter = kinds === 'all' ? '' : 'and kind = any($3::text[])';
  const { rows } = await store.query<{ seq: string | number; change: string }>(
    `select seq, json_build_object(
              'seq', seq, 'mutationId', mutation_id, 'recordId', record_id, 'kind', kind, 'patientId', patient_id,
              'op', op, 'rev', rev, 'baseRev', base_rev, 'data', data, 'reason', reason, 'at', at,
              'receivedAt', to_char(received_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
              'userId', user_id, 'deviceId', device_id, 'conflict', conflict, 'supersedes', supersedes
            )::text as change
       from mutations where seq > $1 ${filter} order by seq limit $2`,
    kinds === 'all' ? [after, limit + 1] : [after, limit + 1, kinds],
  );
  const hasMore = rows.length > limit;
  const page = rows.slice(0, limit);
  const cursor = page.length ? Number(page.at(-1)!.seq) : after;
  return `{"changes":[${page.map((r) => r.change).join(',')}],"cursor":${cursor},"hasMore":${hasMore}}`;
}
