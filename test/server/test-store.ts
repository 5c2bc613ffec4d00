import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openStore } from '../../server/store/open-store';
import type { Store } from '../../server/store/store';

// Server tests run on PGlite in memory by default, and on a real PostgreSQL when TEST_DATABASE_URL (or
// DATABASE_URL) is set: each test file then gets its own throw-away database, so files can run in parallel.
export const POSTGRES_URL = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
export const STORE_KIND = POSTGRES_URL ? 'postgres' : 'pglite';

export type TestStore = { store: Store; url?: string; reopen(): Promise<Store>; drop(): Promise<void> };

export async function createTestStore(): Promise<TestStore> {
  if (!POSTGRES_URL) {
    const store = await openStore({ inMemory: true });
    return { store, reopen: async () => store, drop: () => store.close() };
  }
  const name = `chevet_t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: POSTGRES_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  const testStore: TestStore = {
    store: await openStore({ databaseUrl: url.toString() }),
    url: url.toString(),
    reopen: () => openStore({ databaseUrl: url.toString() }),
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
