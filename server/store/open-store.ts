import { mkdir } from 'node:fs/promises';
import { migrate } from './migrate';
import { openPgliteStore } from './pglite-store';
import { openPostgresStore } from './postgres-store';
import type { Store } from './store';

export type StoreConfig = { databaseUrl?: string; dataDir?: string; inMemory?: boolean };

/** PostgreSQL when a URL is given, else embedded PGlite in `dataDir` (or memory); migrated before use. */
export async function openStore(config: StoreConfig): Promise<Store> {
  let store: Store;
  if (config.databaseUrl) store = await openPostgresStore(config.databaseUrl);
  else if (config.inMemory || !config.dataDir) store = await openPgliteStore();
  else {
    await mkdir(config.dataDir, { recursive: true });
    store = await openPgliteStore(config.dataDir);
  }
  try {
    await migrate(store);
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}
