import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { MIGRATIONS_DIR } from '../paths';
import type { Store } from './store';

export type Migration = { version: number; name: string; sql: string };

/** Numbered SQL files `NNNN_name.sql`, applied in order; never edited once released. */
export async function loadMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f)).sort();
  return Promise.all(
    files.map(async (file) => ({
      version: Number(file.slice(0, 4)),
      name: file.slice(5, -4),
      sql: await readFile(join(dir, file), 'utf8'),
    })),
  );
}

/**
 * Applies every migration not yet recorded, each in its own transaction with its bookkeeping row, so that a
 * crash leaves the store at a clean level. Returns the migration level reached.
 */
export async function migrate(store: Store, migrations?: Migration[]): Promise<number> {
  const all = migrations ?? (await loadMigrations());
  // Only the tables' owner may create it; a restricted runtime role finds it there and applies nothing.
  const { rows } = await store.query<{ found: string | null }>(
    `select to_regclass('schema_migrations')::text as found`,
  );
  if (!rows[0]?.found)
    await store.query(`create table if not exists schema_migrations (
    version integer primary key, name text not null, applied_at timestamptz not null default now())`);
  // One read says what is applied: a start on an up-to-date store opens no transaction.
  const applied = new Set(
    (await store.query<{ version: number }>('select version from schema_migrations')).rows.map((r) =>
      Number(r.version),
    ),
  );
  for (const migration of all) {
    if (applied.has(migration.version)) continue;
    await store.transaction(async (tx) => {
      // Two servers starting on one PostgreSQL must not both apply a migration: serialise on a lock.
      if (store.kind === 'postgres') await tx.query('select pg_advisory_xact_lock(7404)');
      const done = await tx.query('select 1 from schema_migrations where version = $1', [migration.version]);
      if (done.rows.length > 0) return;
      await tx.exec(migration.sql);
      await tx.query('insert into schema_migrations (version, name) values ($1, $2)', [
        migration.version,
        migration.name,
      ]);
    });
  }
  return migrationLevel(store);
}

export async function migrationLevel(store: Store): Promise<number> {
  const { rows } = await store.query<{ level: number | null }>(
    'select max(version)::int as level from schema_migrations',
  );
  return rows[0]?.level ?? 0;
}
