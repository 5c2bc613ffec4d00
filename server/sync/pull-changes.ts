import type { Role } from '../../src/schema/common';
import type { Store } from '../store/store';

/** Which kinds a role may read. Every clinical role reads the whole trial for now (ten participants, one team). */
export function readableKinds(role: Role): 'all' | readonly string[] {
  return role === 'admin' ? [] : 'all';
}

type Kinds = ReturnType<typeof readableKinds>;
/** A pull answer, serialised, with what says whether another page follows it. */
export type PullPage = { body: string; cursor: number; hasMore: boolean };

/**
 * Keyset page of the log after `after`, in seq order, as the wire contract's pull body — already serialised.
 * The store writes each change as JSON itself: `data` goes out as stored, never parsed into objects and
 * stringified again (half the cost of a 5 000-change page). The shape is `pullResponseSchema`'s, which the sync
 * tests parse every answer with.
 */
async function pullPage(store: Store, kinds: Kinds, after: number, limit: number): Promise<PullPage> {
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
  const { changes, more } = rows[0]!;
  const cursor = rows[0]!.cursor === null ? after : Number(rows[0]!.cursor);
  return {
    body: `{"changes":[${changes ?? ''}],"cursor":${cursor},"hasMore":${more}}`,
    cursor,
    hasMore: more,
  };
}

/** Pages prepared ahead and not yet asked for, at most (a 5 000-change page is ~2.5 MB of text). */
const PAGES_AHEAD = 4;

/**
 * Pull pages, each next one prepared while the caller receives and parses the last (issue 25: the store's
 * half of a page then overlaps the tablet's half). Only a page that has more after it is prepared ahead, and
 * only such a page is kept: it can never change. The log is append-only and its seqs commit in order (pushes
 * hold the push lock, docs/sync-protocol.md, "Ordering and concurrency"), so the `limit` changes after `after`
 * are final once a later one is visible. The last page of the log (which a push may lengthen) is always read
 * when asked. A page is the same for every caller who may read the same kinds, and is kept by those kinds: a
 * caller is authenticated and authorised at each request before a page is looked up.
 */
export function createPullPages(read: (kinds: Kinds, after: number, limit: number) => Promise<PullPage>) {
  const ahead = new Map<string, Promise<PullPage | null>>();
  const keyOf = (kinds: Kinds, after: number, limit: number) =>
    `${kinds === 'all' ? '*' : kinds.join(',')}|${after}|${limit}`;
  const prepare = (kinds: Kinds, after: number, limit: number) => {
    const key = keyOf(kinds, after, limit);
    if (ahead.has(key)) return;
    // The oldest page prepared and never asked for makes room (a tablet that went away).
    if (ahead.size >= PAGES_AHEAD) ahead.delete(ahead.keys().next().value!);
    // A page that fails ahead (the store closing) is read again when asked.
    ahead.set(
      key,
      read(kinds, after, limit).catch(() => null),
    );
  };
  return {
    async page(role: Role, after: number, limit: number): Promise<string> {
      const kinds = readableKinds(role);
      const key = keyOf(kinds, after, limit);
      const prepared = ahead.get(key);
      ahead.delete(key);
      const ready = prepared ? await prepared : null;
      // A page read ahead is used only if it had more after it (final); otherwise it is read again now.
      const page = ready?.hasMore ? ready : await read(kinds, after, limit);
      if (page.hasMore) prepare(kinds, page.cursor, limit);
      return page.body;
    },
    /** Waits for the pages being prepared (before the store closes). */
    async settled(): Promise<void> {
      await Promise.all(ahead.values());
    },
  };
}

/** The pull pages of a store (createPullPages over pullPage). */
export const pullPagesOf = (store: Store) =>
  createPullPages((kinds, after, limit) => pullPage(store, kinds, after, limit));
