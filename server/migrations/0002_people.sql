-- People: accounts with a role, registered tablets (devices) and their refresh tokens (issue 3).
-- Accounts and devices are never deleted: their signatures and audit entries must stay resolvable.

create table users (
  id uuid primary key,
  username text not null unique,
  display_name text not null default '',
  role text not null check (role in ('nurse', 'physician', 'data-manager', 'admin')),
  password_hash text not null,
  disabled_at timestamptz,
  failed_logins integer not null default 0,
  locked_until timestamptz,
  password_changed_at timestamptz not null default now(),
  created_at timestamptz not null default now()
);

create table devices (
  id uuid primary key,
  name text not null,
  user_id uuid not null references users (id),
  created_at timestamptz not null default now(),
  last_seen_at timestamptz,
  revoked_at timestamptz,
  revoked_by uuid references users (id)
);
create index devices_user on devices (user_id);

create table refresh_tokens (
  token_hash text primary key,
  device_id uuid not null references devices (id),
  user_id uuid not null references users (id),
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  -- Set when the token is exchanged for a new pair (rotation): presenting it again means it was stolen.
  used_at timestamptz,
  -- Set by sign-out, a new sign-in on the device, theft detection, a password reset or disabling the account.
  revoked_at timestamptz
);
create index refresh_tokens_device on refresh_tokens (device_id);

-- The server's signing key, created at first start: never in the repository, never in an env file by default.
create table server_secrets (
  name text primary key,
  value text not null,
  created_at timestamptz not null default now()
);
