import { DIRECTORY_MAX_AGE_MS, directoryFetchedAt, storeDirectory } from '@/db/directory';
import type { ChevetDb } from '@/db/database';
import type { SyncApi } from './api';

/**
 * Fetches the store's people directory after a pull that brought changes (a new author or tablet comes with
 * them), when this tablet has none, or when it is older than DIRECTORY_MAX_AGE_MS. Names are a convenience: a
 * failure here never fails the round (the screens show ids until the next one).
 */
export async function refreshDirectory(db: ChevetDb, api: SyncApi, now: Date, pulledChanges: boolean) {
  if (!api.people) return;
  const fetchedAt = await directoryFetchedAt(db);
  const stale = !fetchedAt || now.getTime() - Date.parse(fetchedAt) > DIRECTORY_MAX_AGE_MS;
  if (!pulledChanges && !stale) return;
  try {
    await storeDirectory(db, await api.people(), now.toISOString());
  } catch {
    // Offline between the pull and this call, or an older store without the route: next round.
  }
}
