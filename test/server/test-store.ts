import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openStore } from '../../server/store/open-store';
import type { Store } from '../../server/store/store';

// Server tests run on PGlite in memory by default, and on a real PostgreSQL when TEST_DATABASE_URL (or
// DATABASE_URL) is set: each test file then gets its own throw-away database, so files can run in parallel.
export const POSTGRES_URL = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
export const STORE_KIND = POSTGRES_URL ? 'postgres' : 'pglite';

/**
 * With TEST_RUNTIME_ROLE (CI), the store connects as that restricted role, as production should: the owner
 * (TEST_DATABASE_URL's user) migrates and grants it its rights (server/store/runtime-role.ts).
 */
export const RUNTIME_ROLE = POSTGRES_URL ? process.env.TEST_RUNTIME_ROLE : undefined;

export type TestStore = {
  store: Store;
  url?: string;
  reopen(): Promise<Store>;
  /** Runs SQL as the tables' owner (a test's own triggers); the store itself may be the restricted role. */
  asOwner(sql: string): Promise<void>;
  drop(): Promise<void>;
};

export async function createTestStore(): Promise<TestStore> {
  if (!POSTGRES_URL) {
    const store = await openStore({ inMemory: true });
    return { store, reopen: async () => store, asOwner: (sql) => store.exec(sql), drop: () => store.close() };
  }
  const name = `chevet_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  const ownerUrl = url.toString();
  const runtime = new URL(ownerUrl);
  if (RUNTIME_ROLE) {
    runtime.username = RUNTIME_ROLE;
    runtime.password = process.env.TEST_RUNTIME_PASSWORD ?? '';
  }
  const open = () => openStore({ databaseUrl: runtime.toString(), migrationUrl: ownerUrl });
  const testStore: TestStore = {
    store: await open(),
    url: runtime.toString(),
    reopen: open,
    async asOwner(sql) {
      const client = new pg.Client({ connectionString: ownerUrl });
      await client.connect();
      try {
        await client.query(sql);
      } finally {
        await client.end();
      }
    },
    async drop() {
      await testStore.store.close();
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
  return testStore;
}
