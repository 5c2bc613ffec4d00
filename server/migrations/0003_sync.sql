-- Sync (issue 4; docs/sync-protocol.md). `mutations` is the server's clinical log and audit trail: every revision,
-- conflict and void as sent, who sent it (from the token), from which tablet, when it was received, and why.
-- It is append-only. `records` is derived from it: each record's latest revision and flags, for conflict checks.

create table mutations (
  seq bigint generated always as identity primary key,
  mutation_id uuid not null unique,
  record_id uuid not null,
  kind text not null,
  patient_id uuid,
  op text not null check (op in ('create', 'revise', 'void')),
  rev integer not null,
  base_rev integer,
  data jsonb not null,
  reason text,
  -- The device's clinical time, kept exactly as sent (ISO-8601 with its offset).
  at text not null,
  received_at timestamptz not null default now(),
  user_id uuid not null,
  device_id uuid not null,
  conflict boolean not null default false,
  supersedes uuid
);
create index mutations_record on mutations (record_id, rev);
create index mutations_patient on mutations (patient_id);

create trigger mutations_append_only before update or delete on mutations
  for each row execute function refuse_change();
create trigger mutations_no_truncate before truncate on mutations
  for each statement execute function refuse_change();

create table records (
  id uuid primary key,
  kind text not null,
  patient_id uuid,
  rev integer not null,
  voided boolean not null default false,
  in_conflict boolean not null default false,
  last_seq bigint not null
);
create index records_patient on records (patient_id, kind);
