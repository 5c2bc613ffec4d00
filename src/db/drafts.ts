import type { ChevetDb } from './database';
import type { Draft, RecordData } from './types';

/**
 * Drafts: what a person is typing, saved to IndexedDB within a second of each keystroke (the form debounces),
 * so a reload, a crash, a lock or a flat battery loses nothing. Keyed per person and form, so a colleague's
 * drafts on a shared tablet are kept apart.
 */
export function draftKey(userId: string, formId: string): string {
  return `${userId}:${formId}`;
}

export async function saveDraft(db: ChevetDb, userId: string, formId: string, data: RecordData, now: Date) {
  const draft: Draft = { key: draftKey(userId, formId), userId, data, savedAt: now.toISOString() };
  await db.drafts.put(draft);
  return draft;
}

export function loadDraft(db: ChevetDb, userId: string, formId: string): Promise<Draft | undefined> {
  return db.drafts.get(draftKey(userId, formId));
}

/** The person chose to abandon what they typed (a saved record removes its draft in its own transaction). */
export function discardDraft(db: ChevetDb, userId: string, formId: string) {
  return db.drafts.delete(draftKey(userId, formId));
}
