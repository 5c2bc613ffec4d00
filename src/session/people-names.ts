import type { TFunction } from 'i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import type { ChevetDb } from '@/db/database';
import { readNames, type Names } from '@/db/directory';
import { formatDateTime } from '@/ui/format';
import { sessionDeps } from './session-store';

/**
 * Who an author, a signer or a tablet is, live: the store's people directory cached on this tablet (issue 24),
 * and the people who signed in here. Every screen that names a person or a tablet reads it.
 */
export function useNames(db?: ChevetDb): Names | undefined {
  const database = db ?? sessionDeps().db();
  return useLiveQuery(() => readNames(database), [database]);
}

/**
 * Who made a revision, where and when, in words: "par Dr Léa Martin · Médecin sur Tablette HDJ 2, le …". Names
 * from the store's people directory; an id nobody knows shows shortened.
 */
export function authorLine(
  t: TFunction,
  names: Names | undefined,
  r: { userId: string; deviceId: string; at: string },
  language: string,
): string {
  const person = names?.find(r.userId);
  const user = person
    ? t('conflicts.author', { name: person.name, role: t(`session.role.${person.role}`) })
    : t('conflicts.unknownAuthor', { id: r.userId.slice(0, 8) });
  return t('conflicts.by', {
    user,
    device: names?.device(r.deviceId) ?? r.deviceId.slice(0, 8),
    at: formatDateTime(r.at, language),
  });
}
