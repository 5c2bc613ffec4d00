-- Sessions end when they should (issue 17). Each device holds a session generation, carried by its access
-- tokens and checked on every request: sign-out, a new sign-in, a password reset, a disabled account and a
-- detected refresh-token reuse bump it, so the access tokens already issued stop working at once.
alter table devices add column session_generation integer not null default 0;

-- A refresh token's rotations keep the time its session began: the session ends a fixed time after sign-in
-- (CHEVET_SESSION_DAYS), however often it was refreshed.
alter table refresh_tokens add column session_started_at timestamptz;
update refresh_tokens set session_started_at = created_at;
alter table refresh_tokens alter column session_started_at set not null;

-- Sign-in abuse (issue 17): consecutive failures per account name and per network address, and the earliest
-- time the next attempt is heard. Keys are keyed hashes (never a typed name: people type passwords there).
create table login_throttle (
  key text primary key,
  failures integer not null default 0,
  next_attempt_at timestamptz,
  updated_at timestamptz not null default now()
);
