import { orderRevisions } from '@/db/derive-record';
import type { RecordData, StoredRevision } from '@/db/types';

export type ConflictView = {
  /** The revision the server had as latest when the competing one arrived. */
  stored: StoredRevision;
  /** The competing revision, kept and marked as a conflict. */
  competing: StoredRevision;
  /** Every field of either side, with both values and whether they differ. */
  fields: { name: string; stored: unknown; competing: unknown; differs: boolean }[];
};

/** The two sides of a record's open conflict, field by field (pure, so it is tested without a screen). */
export function conflictView(revisions: readonly StoredRevision[]): ConflictView | undefined {
  const ordered = orderRevisions(revisions).filter((r) => r.status === 'applied' || r.status === 'conflict');
  const competing = ordered.at(-1);
  if (!competing || competing.status !== 'conflict') return undefined;
  const stored =
    ordered
      .slice(0, -1)
      .filter((r) => r.status === 'applied')
      .at(-1) ?? ordered.at(-2);
  if (!stored) return undefined;
  const names = [...new Set([...Object.keys(stored.data), ...Object.keys(competing.data)])].sort();
  return {
    stored,
    competing,
    fields: names.map((name) => ({
      name,
      stored: stored.data[name],
      competing: competing.data[name],
      differs: JSON.stringify(stored.data[name]) !== JSON.stringify(competing.data[name]),
    })),
  };
}

/** The resolved value: for each field, the side the physician chose (fields absent on that side are dropped). */
export function mergeChoices(
  view: ConflictView,
  choices: Record<string, 'stored' | 'competing'>,
): RecordData {
  const merged: RecordData = {};
  for (const field of view.fields) {
    const value = choices[field.name] === 'competing' ? field.competing : field.stored;
    if (value !== undefined) merged[field.name] = value;
  }
  return merged;
}
