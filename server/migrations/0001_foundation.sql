-- Foundation: the server's append-only audit trail (architecture.md, "Records, audit and never losing a value").

-- Any table given this trigger refuses UPDATE and DELETE, in PGlite and PostgreSQL alike.
create function refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'table % is append-only: % refused', tg_table_name, tg_op using errcode = 'P0001';
end
$$;

create table server_audit (
  id bigint generated always as identity primary key,
  at timestamptz not null default now(),
  actor_user_id text,
  actor_device_id text,
  action text not null,
  subject text,
  detail jsonb not null default '{}'::jsonb,
  address text
);
create index server_audit_at on server_audit (at);

create trigger server_audit_append_only before update or delete on server_audit
  for each row execute function refuse_change();
-- TRUNCATE is a separate statement-level event: refuse it too.
create trigger server_audit_no_truncate before truncate on server_audit
  for each statement execute function refuse_change();
