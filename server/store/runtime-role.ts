import type { Store } from './store';

// On PostgreSQL the server runs as a role that cannot rewrite history (issue 17): the tables belong to the
// migration role (DATABASE_MIGRATION_URL), and the runtime role (DATABASE_URL) may read and write the working
// tables but only read and APPEND the logs — the tables guarded by the refuse_change trigger (mutations,
// server_audit). Not owning them, it can neither ALTER TABLE … DISABLE TRIGGER, nor UPDATE, DELETE or TRUNCATE
// them. Granted again at each start, so that tables of later migrations are covered.

/** The role a PostgreSQL URL connects as (its user name), or null when the URL names none. */
export function roleOf(url: string): string | null {
  const user = decodeURIComponent(new URL(url).username);
  return user || null;
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Grants the runtime role what it needs, as the owner; the append-only logs only select and insert. */
export async function grantRuntimeRole(owner: Store, role: string): Promise<void> {
  const { rows } = await owner.query<{ table: string }>(
    `select distinct c.relname as table from pg_trigger t
       join pg_class c on c.oid = t.tgrelid join pg_proc p on p.oid = t.tgfoid
       join pg_namespace n on n.oid = c.relnamespace
      where p.proname = 'refuse_change' and n.nspname = 'public'`,
  );
  const logs = rows.map((r) => `public.${ident(r.table)}`);
  const r = ident(role);
  await owner.exec(`
    grant usage on schema public to ${r};
    revoke create on schema public from ${r};
    grant select, insert, update, delete on all tables in schema public to ${r};
    grant usage, select on all sequences in schema public to ${r};
    revoke insert, update, delete on public.schema_migrations from ${r};
    ${logs.length ? `revoke update, delete, truncate on ${logs.join(', ')} from ${r};` : ''}
  `);
}
