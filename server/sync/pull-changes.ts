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
  // One row whatever the page's size: the changes joined into one text by the store (a row per change cost
  // PGlite's client a message to parse each), with the page's last seq and whether more follow. Each change is
  // written by concatenation, in half the time of json_build_object: ids and numbers as they print,
  // booleans as text (true/false), texts through to_json (JSON's escapes), every nullable column through coalesce (a null would null the line).
  const { rows } = await store.query<{
    changes: string | null;
    cursor: string | number | null;
    more: boolean;
  }>(
    `with page as (
       select seq, '{"seq":' || seq || ',"mutationId":"' || mutation_id || '","recordId":"' || record_id
              || '","kind":' || to_json(kind)::text || ',"patientId":' || coalesce('"' || patient_id || '"', 'null')
              || ',"op":' || to_json(op)::text || ',"rev":' || rev || ',"baseRev":' || coalesce(base_rev::text, 'null')
              || ',"data":' || data::text || ',"reason":' || coalesce(to_json(reason)::text, 'null')
              || ',"at":' || to_json(at)::text
              || ',"receivedAt":"' || to_char(received_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
              || '","userId":"' || user_id || '","deviceId":"' || device_id || '","conflict":' || conflict::text
              || ',"supersedes":' || coalesce('"' || supersedes || '"', 'null') || '}' as change
         from mutations where seq > $1 ${filter} order by seq limit $2)
     select string_agg(change, ',' order by seq) as changes, max(seq) as cursor,
            exists(select 1 from mutations where seq > (select max(seq) from page) ${filter}) as more
       from page`,
    kinds === 'all' ? [after, limit] : [after, limit, kinds],
  );
  const { changes, cursor, more } = rows[0]!;
  return `{"changes":[${changes ?? ''}],"cursor":${cursor === null ? after : Number(cursor)},"hasMore":${more}}`;
}
