import type { LoginRequest, SessionResponse } from '../../src/schema/auth';
import type { Principal } from './roles';
import { audit } from '../audit';
import { ApiError } from '../errors';
import type { Store } from '../store/store';
import { clearFailedLogins, findCredentials, recordFailedLogin } from './accounts';
import { authPolicy } from './auth-policy';
import { deviceForSignIn, touchDevice } from './devices';
import { spendVerificationTime, verifyPassword } from './passwords';
import {
  findRefreshToken,
  endSessions,
  issueSession,
  markRefreshTokenUsed,
  startSession,
  type StoredRefreshToken,
} from './sessions';

// Sign-in and token refresh (issue 3). The password is verified outside any transaction: PGlite runs one
// transaction at a time, and the KDF's half-second must not hold the whole store.

// One message whether the user exists or not, so that the answer does not reveal which usernames exist.
const invalidCredentials = () => new ApiError(401, 'invalid-credentials', 'Wrong username or password.');

/** 423 with the end of the lock, which the login route also sends as `Retry-After`. */
export class AccountLockedError extends ApiError {
  constructor(readonly until: string) {
    super(
      423,
      'account-locked',
      `This account is locked after too many wrong passwords, until ${until} (server time). ` +
        'Try again then, or ask an administrator to reset the password.',
    );
  }
}

const accountDisabled = () =>
  new ApiError(401, 'account-disabled', 'This account has been disabled: ask an administrator.');

export async function signIn(
  store: Store,
  secret: Uint8Array,
  request: LoginRequest,
  address: string,
): Promise<SessionResponse> {
  const policy = authPolicy();
  const now = policy.now();
  const found = await findCredentials(store, request.username);
  if (!found) {
    await spendVerificationTime(request.password);
    // The typed name is not kept: people type their password in the username field, and this trail is
    // append-only, so a password written here could never be removed.
    await audit(store, { action: 'login-failed', detail: { reason: 'unknown-user' }, address });
    throw invalidCredentials();
  }
  const { account, passwordHash } = found;
  const actor = { actorUserId: account.id, subject: `user:${account.id}`, address };

  // While locked, the password is not even checked: the lock must stop guessing, not only slow it.
  if (account.lockedUntil && new Date(account.lockedUntil) > now) {
    await audit(store, {
      ...actor,
      action: 'login-refused',
      detail: { reason: 'locked', until: account.lockedUntil },
    });
    throw new AccountLockedError(account.lockedUntil);
  }

  if (!(await verifyPassword(request.password, passwordHash))) {
    const until = new Date(now.getTime() + policy.lockMs);
    const { locked } = await store.transaction(async (tx) => {
      const result = await recordFailedLogin(tx, account.id, policy.maxFailedLogins, until);
      await audit(tx, { ...actor, action: 'login-failed', detail: { reason: 'wrong-password' } });
      if (result.locked) {
        await audit(tx, { ...actor, action: 'account-locked', detail: { until: until.toISOString() } });
      }
      return result;
    });
    throw locked ? new AccountLockedError(until.toISOString()) : invalidCredentials();
  }

  if (account.disabled) {
    await audit(store, { ...actor, action: 'login-refused', detail: { reason: 'disabled' } });
    throw accountDisabled();
  }

  return store.transaction(async (tx) => {
    await clearFailedLogins(tx, account.id);
    const device = await deviceForSignIn(tx, account.id, request.deviceName, request.deviceId, now);
    // A new sign-in on a device supersedes that device's earlier session.
    const session = await issueSession(
      tx,
      { userId: account.id, username: account.username, role: account.role, deviceId: device.id },
      secret,
      now,
      await startSession(tx, device.id, now),
    );
    await audit(tx, {
      ...actor,
      actorDeviceId: device.id,
      action: 'login',
      detail: { deviceName: request.deviceName, newDevice: device.registered },
    });
    return session;
  });
}

const sessionEnded = () =>
  new ApiError(401, 'invalid-refresh-token', 'This session has ended: sign in again.');

// The device and account come first: the tablet tells "revoked" and "disabled" apart from an ended session.
function refusal(stored: StoredRefreshToken, now: Date): ApiError | null {
  if (stored.deviceRevoked) {
    return new ApiError(401, 'device-revoked', 'This tablet has been revoked by an administrator.');
  }
  if (stored.accountDisabled) return accountDisabled();
  if (stored.revoked) return sessionEnded();
  if (stored.expiresAt <= now) {
    return new ApiError(401, 'refresh-token-expired', 'This session has expired: sign in again.');
  }
  return null;
}

const reused = () =>
  new ApiError(
    401,
    'refresh-token-reused',
    'This session was used twice, which may mean it was copied: every session of this tablet has been ended. ' +
      'Sign in again.',
  );

/**
 * Exchanges a refresh token for a new pair (rotation). A token presented a second time was copied, by a thief
 * or a replayed request: every token of its device is ended (theft detection) and the event audited.
 */
export async function refreshSession(
  store: Store,
  secret: Uint8Array,
  refreshToken: string,
  address: string,
): Promise<SessionResponse> {
  const now = authPolicy().now();
  const stored = await findRefreshToken(store, refreshToken);
  if (!stored) throw sessionEnded();
  const refused = refusal(stored, now);
  if (refused) throw refused;

  const { principal } = stored;
  const outcome = await store.transaction(async (tx) => {
    if (!stored.used && (await markRefreshTokenUsed(tx, stored.hash, now))) {
      await touchDevice(tx, principal.deviceId, now);
      return { session: await issueSession(tx, principal, secret, now, stored.session) };
    }
    await endSessions(tx, { deviceId: principal.deviceId }, now);
    await audit(tx, {
      actorUserId: principal.userId,
      actorDeviceId: principal.deviceId,
      subject: `device:${principal.deviceId}`,
      action: 'refresh-token-reused',
      address,
    });
    return { session: null };
  });
  if (!outcome.session) throw reused();
  return outcome.session;
}

/**
 * Checks the signed-in person's password again, for an online signature (21 CFR 11.200: both components at
 * the first signing of a session). No token is issued or rotated; audited as a re-authentication, not a
 * sign-in; a wrong password counts like a wrong sign-in.
 */
export async function reauthenticate(
  store: Store,
  principal: Principal,
  password: string,
  address: string,
): Promise<{ reauthenticatedAt: string }> {
  const now = authPolicy().now();
  const found = await findCredentials(store, principal.username);
  const actor = {
    actorUserId: principal.userId,
    actorDeviceId: principal.deviceId,
    subject: `user:${principal.userId}`,
    address,
  };
  if (
    !found ||
    found.account.id !== principal.userId ||
    !(await verifyPassword(password, found.passwordHash))
  ) {
    await audit(store, { ...actor, action: 'reauthentication-failed' });
    throw invalidCredentials();
  }
  await audit(store, { ...actor, action: 'reauthentication' });
  return { reauthenticatedAt: now.toISOString() };
}
