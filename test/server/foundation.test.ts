import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import { createAccount } from '../../server/auth/accounts';
import { loadMigrations, migrate, migrationLevel } from '../../server/store/migrate';
import { openStore } from '../../server/store/open-store';
import { createTestStore, STORE_KIND, type TestStore } from './test-store';

describe(`the central store foundation (${STORE_KIND})`, () => {
  let testStore: TestStore;
  let app: FastifyInstance;
  let staticDir: string;

  beforeAll(async () => {
    testStore = await createTestStore();
    staticDir = await mkdtemp(join(tmpdir(), 'chevet-static-'));
    await writeFile(join(staticDir, 'index.html'), '<!doctype html><title>Chevet shell</title>');
    await mkdir(join(staticDir, 'assets'));
    await writeFile(join(staticDir, 'assets', 'app-abc123.js'), 'console.log(1)');
    app = await buildApp({ store: testStore.store, staticDir: staticDir + '/' });
  });
  afterAll(async () => {
    await app.close();
    await testStore.drop();
    await rm(staticDir, { recursive: true, force: true });
  });

  it('applies every migration at start and reports the level in health', async () => {
    const migrations = await loadMigrations();
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      status: 'ok',
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
      store: STORE_KIND,
      migrationLevel: migrations.at(-1)!.version,
      needsFirstAdmin: true,
    });
  });

  it('tells the sign-in page that the store needs its first administrator, only while it has no account', async () => {
    const needsFirstAdmin = async () =>
      (await app.inject({ method: 'GET', url: '/api/health' })).json().needsFirstAdmin;
    expect(await needsFirstAdmin()).toBe(true);
    await createAccount(testStore.store, {
      username: 'alice',
      displayName: 'Alice Martin',
      role: 'nurse',
      passwordHash: 'not-a-real-hash',
    });
    expect(await needsFirstAdmin()).toBe(false);
  });

  it('applies migrations once: running them again changes nothing and fails nothing', async () => {
    const before = await testStore.store.query(
      'select version, applied_at from schema_migrations order by version',
    );
    const level = await migrate(testStore.store);
    const after = await testStore.store.query(
      'select version, applied_at from schema_migrations order by version',
    );
    expect(after.rows).toEqual(before.rows);
    expect(level).toBe(await migrationLevel(testStore.store));
  });

  it('answers unknown API routes with a 404 in the stable error shape', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/no-such-thing' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/application\/json/);
    expect(res.json()).toEqual({ error: { code: 'not-found', message: expect.any(String) } });
    const post = await app.inject({ method: 'POST', url: '/api/sync/unknown', payload: {} });
    expect(post.statusCode).toBe(404);
    expect(post.json().error.code).toBe('not-found');
  });

  it('sends a content security policy that allows only self and no inline script', async () => {
    const res = await app.inject({ method: 'GET', url: '/' });
    const csp = res.headers['content-security-policy'];
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves the app shell for app routes, and 404s for missing files', async () => {
    const route = await app.inject({ method: 'GET', url: '/participants/123' });
    expect(route.statusCode).toBe(200);
    expect(route.body).toContain('Chevet shell');
    expect(route.headers['cache-control']).toBe('no-cache');
    const asset = await app.inject({ method: 'GET', url: '/assets/app-abc123.js' });
    expect(asset.headers['cache-control']).toContain('immutable');
    const missing = await app.inject({ method: 'GET', url: '/assets/missing.js' });
    expect(missing.statusCode).toBe(404);
  });

  it('makes the server audit trail append-only', async () => {
    await testStore.store.query("insert into server_audit (action) values ('test')");
    await expect(testStore.store.query("update server_audit set action = 'changed'")).rejects.toThrow(
      /append-only|permission denied/,
    );
    await expect(testStore.store.query('delete from server_audit')).rejects.toThrow(
      /append-only|permission denied/,
    );
    const { rows } = await testStore.store.query<{ action: string }>(
      "select action from server_audit where action = 'test'",
    );
    expect(rows).toHaveLength(1);
  });
});

describe.runIf(STORE_KIND === 'pglite')('the embedded store on disk', () => {
  it('keeps its data and migration level across a restart, applying nothing twice', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'chevet-data-'));
    try {
      const first = await openStore({ dataDir: dir });
      await first.query("insert into server_audit (action) values ('before-restart')");
      const level = await migrationLevel(first);
      await first.close();
      const second = await openStore({ dataDir: dir });
      expect(await migrationLevel(second)).toBe(level);
      const { rows } = await second.query('select count(*)::int as n from schema_migrations');
      expect(rows[0]).toEqual({ n: (await loadMigrations()).length });
      const kept = await second.query("select 1 from server_audit where action = 'before-restart'");
      expect(kept.rows).toHaveLength(1);
      await second.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
