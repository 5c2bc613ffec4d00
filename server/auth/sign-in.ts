import type { LoginRequest, SessionResponse } from '../../src/schema/auth';
import type { Principal } from './roles';
import { audit } from '../audit';
import { ApiError } from '../errors';
import type { Store } from '../store/store';
import { findCredentials } from './accounts';
import { authPolicy } from './auth-policy';
import { deviceForSignIn, isDeviceOf, touchDevice } from './devices';
import { checkSignInDelay, clearSignInDelay, recordSignInFailure, throttleKeys } from './sign-in-throttle';
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

const accountDisabled = () =>
  new ApiError(401, 'account-disabled', 'This account has been disabled: ask an administrator.');

export async function signIn(
  store: Store,
  secret: Uint8Array,
  request: LoginRequest,
  address: string,
): Promise<SessionResponse> {
  const now = authPolicy().now();
  const keys = throttleKeys(request.username, address);
  const found = await findCredentials(store, request.username);
  const actor = found
    ? { actorUserId: found.account.id, subject: `user:${found.account.id}`, address }
    : { address };
  // The right password from one of the person's own tablets passes the name's delay (sign-in-throttle.ts).
  const knownDevice =
    !!found && !!request.deviceId && (await isDeviceOf(store, request.deviceId, found.account.id));
  try {
    await checkSignInDelay(store, keys, now, knownDevice);
  } catch (error) {
    await audit(store, { ...actor, action: 'login-refused', detail: { reason: 'delayed' } });
    throw error;
  }
  if (!found) {
    await spendVerificationTime(request.password);
    // The typed name is not kept: people type their password in the username field, and this trail is
    // append-only, so a password written here could never be removed.
    await store.transaction(async (tx) => {
      await recordSignInFailure(tx, keys, now);
      await audit(tx, { action: 'login-failed', detail: { reason: 'unknown-user' }, address });
    });
    throw invalidCredentials();
  }
  const { account, passwordHash } = found;

  if (!(await verifyPassword(request.password, passwordHash))) {
    await store.transaction(async (tx) => {
      await recordSignInFailure(tx, keys, now);
      await audit(tx, { ...actor, action: 'login-failed', detail: { reason: 'wrong-password' } });
    });
    throw invalidCredentials();
  }

  if (account.disabled) {
    await audit(store, { ...actor, action: 'login-refused', detail: { reason: 'disabled' } });
    throw accountDisabled();
  }

  return store.transaction(async (tx) => {
    await clearSignInDelay(tx, keys.account);
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
  const keys = throttleKeys(principal.username, address);
  // A signed-in tablet does not pass the name's delay here: a stolen session must not be a guessing oracle.
  await checkSignInDelay(store, keys, now, false);
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
    await store.transaction(async (tx) => {
      await recordSignInFailure(tx, keys, now);
      await audit(tx, { ...actor, action: 'reauthentication-failed' });
    });
    throw invalidCredentials();
  }
  await store.transaction(async (tx) => {
    await clearSignInDelay(tx, keys.account);
    await audit(tx, { ...actor, action: 'reauthentication' });
  });
  return { reauthenticatedAt: now.toISOString() };
}
