import { orderRevisions } from '@/db/derive-record';
import type { StoredRevision } from '@/db/types';

export type FieldChange = { name: string; before: unknown; after: unknown };
export type HistoryEntry = { revision: StoredRevision; changes: FieldChange[] };

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A form's fields with its nested groups flattened to dotted names (`items.arthritis`), so that a revision that
 * changes one item of an instrument shows that item, not the whole group again.
 */
export function flattenFields(data: Record<string, unknown>, prefix = ''): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(data)) {
    if (isPlainObject(value) && Object.keys(value).length > 0)
      Object.assign(fields, flattenFields(value, `${prefix}${name}.`));
    else fields[`${prefix}${name}`] = value;
  }
  return fields;
}

/**
 * A record's revisions in the store's order, each with what it changed from the value before it: the previous
 * revision the store kept (a refused one never becomes the value, so the next is compared with the last kept one).
 * A creation lists every field it set; a void changes nothing (the voided value stays).
 */
export function recordHistory(revisions: readonly StoredRevision[]): HistoryEntry[] {
  let previous: Record<string, unknown> | undefined;
  return orderRevisions(revisions).map((revision) => {
    const before = previous ?? {};
    const after = flattenFields(revision.data);
    const names = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    const changes = names
      .filter((name) => JSON.stringify(before[name]) !== JSON.stringify(after[name]))
      .map((name) => ({ name, before: before[name], after: after[name] }));
    if (revision.status !== 'rejected') previous = after;
    return { revision, changes };
  });
}
