import { randomUUID } from 'node:crypto';
import type { Account } from '../../src/schema/auth';
import type { Queryable } from '../store/store';
import type { Role } from './roles';
import { accountThrottleKeySql } from './sign-in-throttle';

// Queries on `users` (migration 0002). Accounts are disabled, never deleted. Only signIn reads password_hash;
// every other query selects the public columns, so a hash cannot leak into an answer by a `select *`.

type AccountRow = {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  disabled_at: Date | string | null;
  locked_until: Date | string | null;
  created_at: Date | string;
};

// `locked_until` is now the end of the name's sign-in delay (sign-in-throttle.ts), when one runs.
const ACCOUNT_COLUMNS = `id, username, display_name, role, disabled_at, created_at,
  (select t.next_attempt_at from login_throttle t where t.key = ${accountThrottleKeySql('username')}
     and t.next_attempt_at > now()) as locked_until`;

/** Timestamps come back as Date from PGlite and pg alike; normalised to ISO strings for the wire. */
export function isoOrNull(value: Date | string | null): string | null {
  return value === null ? null : new Date(value).toISOString();
}

function toAccount(row: AccountRow): Account {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    disabled: row.disabled_at !== null,
    lockedUntil: isoOrNull(row.locked_until),
    createdAt: new Date(row.created_at).toISOString(),
  };
}

export async function listAccounts(q: Queryable): Promise<Account[]> {
  const { rows } = await q.query<AccountRow>(`select ${ACCOUNT_COLUMNS} from users order by username`);
  return rows.map(toAccount);
}

export async function getAccount(q: Queryable, id: string): Promise<Account | null> {
  const { rows } = await q.query<AccountRow>(`select ${ACCOUNT_COLUMNS} from users where id = $1`, [id]);
  return rows[0] ? toAccount(rows[0]) : null;
}

export async function findAccountByUsername(q: Queryable, username: string): Promise<Account | null> {
  const { rows } = await q.query<AccountRow>(`select ${ACCOUNT_COLUMNS} from users where username = $1`, [
    username,
  ]);
  return rows[0] ? toAccount(rows[0]) : null;
}

/** The account and its password hash, for sign-in only. */
export async function findCredentials(
  q: Queryable,
  username: string,
): Promise<{ account: Account; passwordHash: string } | null> {
  const { rows } = await q.query<AccountRow & { password_hash: string }>(
    `select ${ACCOUNT_COLUMNS}, password_hash from users where username = $1`,
    [username],
  );
  const row = rows[0];
  return row ? { account: toAccount(row), passwordHash: row.password_hash } : null;
}

export type NewAccount = { username: string; displayName: string; role: Role; passwordHash: string };

/** The created account, or null when the username is already taken. */
export async function createAccount(q: Queryable, account: NewAccount): Promise<Account | null> {
  const { rows } = await q.query<AccountRow>(
    `insert into users (id, username, display_name, role, password_hash) values ($1, $2, $3, $4, $5)
     on conflict (username) do nothing returning ${ACCOUNT_COLUMNS}`,
    [randomUUID(), account.username, account.displayName, account.role, account.passwordHash],
  );
  return rows[0] ? toAccount(rows[0]) : null;
}

export type AccountChanges = { role?: Role; displayName?: string; disabled?: boolean };

export async function updateAccount(
  q: Queryable,
  id: string,
  changes: AccountChanges,
  now: Date,
): Promise<Account | null> {
  // Re-disabling keeps the first disabling time; enabling clears it.
  const { rows } = await q.query<AccountRow>(
    `update users set
       role = coalesce($2, role),
       display_name = coalesce($3, display_name),
       disabled_at = case when $4::boolean is null then disabled_at
                          when $4::boolean then coalesce(disabled_at, $5::timestamptz)
                          else null end
     where id = $1 returning ${ACCOUNT_COLUMNS}`,
    [id, changes.role ?? null, changes.displayName ?? null, changes.disabled ?? null, now],
  );
  return rows[0] ? toAccount(rows[0]) : null;
}

/** Sets a new password hash and unlocks the account (an administrator's reset, or the CLI's). */
export async function setPasswordHash(
  q: Queryable,
  id: string,
  passwordHash: string,
  now: Date,
): Promise<boolean> {
  const { rows } = await q.query(
    `update users set password_hash = $2, password_changed_at = $3, failed_logins = 0, locked_until = null
     where id = $1 returning id`,
    [id, passwordHash, now],
  );
  return rows.length > 0;
}

/** Active (not disabled) administrators other than `exceptId`: the store must never be left without one. */
export async function countOtherActiveAdmins(q: Queryable, exceptId: string): Promise<number> {
  const { rows } = await q.query<{ n: number }>(
    `select count(*)::int as n from users where role = 'admin' and disabled_at is null and id <> $1`,
    [exceptId],
  );
  return rows[0]?.n ?? 0;
}
