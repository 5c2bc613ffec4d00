import type { SessionResponse } from '../../src/schema/auth';
import type { Queryable } from '../store/store';
import type { Principal } from './roles';
import { authPolicy } from './auth-policy';
import { ACCESS_TOKEN_TTL_SECONDS, hashRefreshToken, issueAccessToken, newRefreshToken } from './tokens';

// A session is one device's pair of tokens: a short access token and a rotating, single-use refresh token bound
// to the device (table refresh_tokens, migration 0002, holding only hashes). It lasts a fixed time from sign-in
// (authPolicy().sessionLifetimeMs), however often it is refreshed, and ends at once when the device's session
// generation moves on (migration 0005; access.ts checks it on every request).

/** Which session of the device the tokens belong to, and when it began (at sign-in). */
export type SessionOf = { generation: number; startedAt: Date };

/** Stores a new refresh token for the device and signs an access token: the answer to sign-in and refresh. */
export async function issueSession(
  tx: Queryable,
  principal: Principal,
  secret: Uint8Array,
  now: Date,
  session: SessionOf,
): Promise<SessionResponse> {
  const refresh = newRefreshToken();
  await tx.query(
    `insert into refresh_tokens (token_hash, device_id, user_id, created_at, expires_at, session_started_at)
     values ($1, $2, $3, $4, $5, $6)`,
    [
      refresh.hash,
      principal.deviceId,
      principal.userId,
      now,
      new Date(session.startedAt.getTime() + authPolicy().sessionLifetimeMs),
      session.startedAt,
    ],
  );
  return {
    accessToken: await issueAccessToken(principal, secret, now.getTime(), session.generation),
    refreshToken: refresh.token,
    expiresIn: ACCESS_TOKEN_TTL_SECONDS,
    deviceId: principal.deviceId,
    user: { id: principal.userId, username: principal.username, role: principal.role },
    serverTime: now.toISOString(),
  };
}

/**
 * Ends the session of a device or of a person (all their devices): every live refresh token is revoked and the
 * session generation moves on, so the access tokens already issued answer 401 from the next request.
 */
export async function endSessions(
  q: Queryable,
  owner: { deviceId: string } | { userId: string },
  now: Date,
): Promise<void> {
  const [column, id] = 'deviceId' in owner ? ['device_id', owner.deviceId] : ['user_id', owner.userId];
  await q.query(`update refresh_tokens set revoked_at = $2 where ${column} = $1 and revoked_at is null`, [
    id,
    now,
  ]);
  await q.query(
    `update devices set session_generation = session_generation + 1 where ${'deviceId' in owner ? 'id' : 'user_id'} = $1`,
    [id],
  );
}

/** Starts a new session on a device (a sign-in): the earlier one ends; answers the new session. */
export async function startSession(q: Queryable, deviceId: string, now: Date): Promise<SessionOf> {
  await endSessions(q, { deviceId }, now);
  const { rows } = await q.query<{ generation: number }>(
    'select session_generation as generation from devices where id = $1',
    [deviceId],
  );
  return { generation: rows[0]!.generation, startedAt: now };
}

export type StoredRefreshToken = {
  hash: string;
  principal: Principal;
  session: SessionOf;
  expiresAt: Date;
  used: boolean;
  revoked: boolean;
  deviceRevoked: boolean;
  accountDisabled: boolean;
};

/** The stored state of a presented refresh token, with its device and account (current role), or null. */
export async function findRefreshToken(q: Queryable, token: string): Promise<StoredRefreshToken | null> {
  const hash = hashRefreshToken(token);
  const { rows } = await q.query<{
    device_id: string;
    user_id: string;
    username: string;
    role: Principal['role'];
    expires_at: Date | string;
    session_started_at: Date | string;
    generation: number;
    used: boolean;
    revoked: boolean;
    device_revoked: boolean;
    disabled: boolean;
  }>(
    `select t.device_id, t.user_id, u.username, u.role, t.expires_at, t.session_started_at,
            d.session_generation as generation,
            t.used_at is not null as used, t.revoked_at is not null as revoked,
            d.revoked_at is not null as device_revoked, u.disabled_at is not null as disabled
       from refresh_tokens t join devices d on d.id = t.device_id join users u on u.id = t.user_id
      where t.token_hash = $1`,
    [hash],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    hash,
    principal: { userId: row.user_id, username: row.username, role: row.role, deviceId: row.device_id },
    session: { generation: row.generation, startedAt: new Date(row.session_started_at) },
    expiresAt: new Date(row.expires_at),
    used: row.used,
    revoked: row.revoked,
    deviceRevoked: row.device_revoked,
    accountDisabled: row.disabled,
  };
}

/** Marks a refresh token used; false when another request used or revoked it first (a race is a reuse). */
export async function markRefreshTokenUsed(q: Queryable, hash: string, now: Date): Promise<boolean> {
  const { rows } = await q.query(
    `update refresh_tokens set used_at = $2 where token_hash = $1 and used_at is null and revoked_at is null
     returning token_hash`,
    [hash, now],
  );
  return rows.length > 0;
}
