import { mkdir } from 'node:fs/promises';
import { migrate } from './migrate';
import { openPgliteStore } from './pglite-store';
import { openPostgresStore } from './postgres-store';
import { grantRuntimeRole, roleOf } from './runtime-role';
import type { Store } from './store';

export type StoreConfig = {
  databaseUrl?: string;
  /** PostgreSQL: the tables' owner, which migrates and grants the runtime role of databaseUrl its rights. */
  migrationUrl?: string;
  dataDir?: string;
  inMemory?: boolean;
  /** Told when PostgreSQL migrates with the runtime URL itself (no DATABASE_MIGRATION_URL). */
  warn?: (message: string) => void;
};

/** PostgreSQL when a URL is given, else embedded PGlite in `dataDir` (or memory); migrated before use. */
export async function openStore(config: StoreConfig): Promise<Store> {
  let store: Store;
  if (config.databaseUrl && config.migrationUrl && config.migrationUrl !== config.databaseUrl) {
    const owner = await openPostgresStore(config.migrationUrl);
    try {
      await migrate(owner);
      const role = roleOf(config.databaseUrl);
      if (role && role !== roleOf(config.migrationUrl)) await grantRuntimeRole(owner, role);
    } finally {
      await owner.close();
    }
    return openPostgresStore(config.databaseUrl);
  }
  if (config.databaseUrl) {
    config.warn?.(
      'DATABASE_MIGRATION_URL is not set: migrating with DATABASE_URL, whose role then owns the tables and ' +
        'could rewrite the append-only logs. Give the server a role of its own (README, "Configuration").',
    );
    store = await openPostgresStore(config.databaseUrl);
  } else if (config.inMemory || !config.dataDir) store = await openPgliteStore();
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
