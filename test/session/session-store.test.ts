// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadDraft, saveDraft } from '@/db/drafts';
import { MAX_PIN_FAILURES } from '@/db/people';
import { accessTokenProvider } from '@/session/access-token';
import {
  CLOCK_SKEW_WARNING_MS,
  configureSession,
  currentWriteContext,
  getAccessToken,
  reauthenticateWithPassword,
  useSession,
} from '@/session/session-store';
import { SyncFailure } from '@/sync/api';
import { fakeAuthServer, setUpSession, type FakeServer } from './fake-auth-server';

const PIN = '482913';
const PASSWORD = 'correct horse battery';

let server: FakeServer;
let env: ReturnType<typeof setUpSession>;
const session = () => useSession.getState();

async function signInWithPin(username: string, pin = PIN) {
  const outcome = await session().signIn({ username, password: PASSWORD, deviceName: 'Tablette HDJ 2' });
  expect(outcome).toEqual({ ok: true });
  expect(await session().choosePin(pin, pin)).toEqual({ ok: true });
}

beforeEach(() => {
  server = fakeAuthServer();
  env = setUpSession(server);
  localStorage.clear();
});
afterEach(() => env.restore());

describe('first sign-in (online) and the personal PIN', () => {
  it('signs in, asks for a PIN, then unlocks the app with the person’s WriteContext', async () => {
    const alice = server.addUser('alice', 'nurse', PASSWORD, 'Alice Martin');
    await session().init();
    expect(session().screen).toBe('sign-in');
    await session().signIn({ username: ' Alice ', password: PASSWORD, deviceName: 'Tablette HDJ 2' });
    expect(session().screen).toBe('set-pin');
    expect(session().pending).toMatchObject({ userId: alice.id, displayName: 'Alice Martin', hasPin: false });
    expect(currentWriteContext()).toBeUndefined();

    expect(await session().choosePin('123456', '123456')).toEqual({ ok: false, problem: 'too-simple' });
    expect(await session().choosePin(PIN, '482914')).toEqual({ ok: false, problem: 'mismatch' });
    expect(await session().choosePin(PIN, PIN)).toEqual({ ok: true });
    expect(session().screen).toBe('unlocked');
    const ctx = currentWriteContext()!;
    expect(ctx).toMatchObject({ userId: alice.id, role: 'nurse', deviceId: session().person!.deviceId });
    expect(ctx.now()).toBeInstanceOf(Date);
  });

  it('stores the verifier and the sealed refresh token, never the PIN nor a usable token', async () => {
    const alice = server.addUser('alice', 'nurse');
    await signInWithPin('alice');
    const row = (await env.db.people.get(alice.id))!;
    expect(row).toMatchObject({
      username: 'alice',
      role: 'nurse',
      failedPinCount: 0,
      offlineUnlockDisabled: false,
      pin: { algorithm: 'PBKDF2-SHA256', iterations: 1_000 },
      refreshToken: { algorithm: 'AES-GCM' },
    });
    const stored = JSON.stringify(row);
    expect(stored).not.toContain(PIN);
    expect(stored).not.toMatch(/refresh-[0-9a-f-]{36}/);
    expect(stored).not.toMatch(/access-/);
  });

  it('remembers the tablet name and reuses the person’s device registration at the next sign-in', async () => {
    server.addUser('alice', 'nurse');
    await signInWithPin('alice');
    const deviceId = session().person!.deviceId;
    expect(localStorage.getItem('chevet.deviceName')).toBe('Tablette HDJ 2');
    session().lock();
    session().showSignIn('alice');
    await session().signIn({ username: 'alice', password: PASSWORD, deviceName: 'Tablette HDJ 2' });
    expect(server.state.calls.filter((c) => c.path === '/api/auth/login').at(-1)!.body).toMatchObject({
      deviceId,
    });
    // Already has a PIN here: keeping it needs only the PIN once.
    expect(session().pending?.hasPin).toBe(true);
    expect(await session().confirmExistingPin('000000')).toEqual({ ok: false, problem: 'wrong-pin' });
    expect(await session().confirmExistingPin(PIN)).toEqual({ ok: true });
    expect(session().person?.deviceId).toBe(deviceId);
  });
});

describe('sign-in failures, each explained', () => {
  it('wrong password, locked account (until when), rate limit', async () => {
    server.addUser('alice', 'nurse');
    const attempt = () => session().signIn({ username: 'alice', password: 'wrong', deviceName: 'T' });
    expect(await attempt()).toEqual({ ok: false, error: { kind: 'invalid-credentials' } });
    server.state.lockedUntil = '2026-03-02T10:15:00.000Z';
    expect(await attempt()).toEqual({
      ok: false,
      error: { kind: 'account-locked', until: '2026-03-02T10:15:00.000Z' },
    });
    server.state.lockedUntil = undefined;
    server.state.rateLimited = true;
    expect(await attempt()).toEqual({ ok: false, error: { kind: 'rate-limited', retryAfterSeconds: 42 } });
    expect(session().screen).not.toBe('unlocked');
  });

  it('server unreachable: says so, and offers offline unlock to a person who has a PIN here', async () => {
    const alice = server.addUser('alice', 'nurse');
    server.state.unreachable = true;
    expect(await session().signIn({ username: 'alice', password: PASSWORD, deviceName: 'T' })).toEqual({
      ok: false,
      error: { kind: 'unreachable' },
    });
    server.state.unreachable = false;
    await signInWithPin('alice');
    session().lock();
    session().showSignIn();
    server.state.unreachable = true;
    expect(await session().signIn({ username: 'ALICE', password: PASSWORD, deviceName: 'T' })).toEqual({
      ok: false,
      error: { kind: 'unreachable' },
      offlineUnlockUserId: alice.id,
    });
  });

  it('the sign-in code itself cannot load (offline, not cached): said as "unreachable"', async () => {
    const restore = configureSession({ loadApi: () => Promise.reject(new Error('chunk')) });
    try {
      expect(await session().signIn({ username: 'alice', password: PASSWORD, deviceName: 'T' })).toEqual({
        ok: false,
        error: { kind: 'unreachable' },
      });
    } finally {
      restore();
    }
  });

  it('warns when the tablet clock differs from the server’s by more than 5 minutes, until a measure finds it right', async () => {
    server.addUser('alice', 'nurse');
    server.state.clockSkewMs = CLOCK_SKEW_WARNING_MS - 30_000;
    await session().signIn({ username: 'alice', password: PASSWORD, deviceName: 'T' });
    expect(session().clockSkewMs).toBeUndefined();
    server.state.clockSkewMs = -7 * 60_000;
    const bob = server.addUser('bob', 'nurse');
    await signInWithPin('bob');
    expect(Math.round(session().clockSkewMs! / 60_000)).toBe(-7);

    // Persistent: a reload comes back through the lock screen, and the unlock brings the warning back.
    session().lock();
    useSession.setState({ clockSkewMs: undefined });
    expect(await session().unlock(bob.id, PIN)).toEqual({ ok: true });
    expect(Math.round(session().clockSkewMs! / 60_000)).toBe(-7);

    // Measured again at each renewal of the session: the clock set right, the warning goes.
    env.tick(901_000);
    server.state.clockSkewMs = 901_000;
    expect(await getAccessToken()).toMatch(/^access-/);
    expect(session().clockSkewMs).toBeUndefined();
    expect((await env.db.people.get(bob.id))!.clockSkewMs).toBeLessThan(CLOCK_SKEW_WARNING_MS);
  });
});

describe('offline unlock with the PIN', () => {
  it('locks and unlocks; locked means no WriteContext', async () => {
    const alice = server.addUser('alice', 'nurse');
    await signInWithPin('alice');
    session().lock();
    expect(session().screen).toBe('locked');
    expect(session().lockedUserId).toBe(alice.id);
    expect(currentWriteContext()).toBeUndefined();
    env.setOnline(false);
    server.state.unreachable = true;
    expect(await session().unlock(alice.id, PIN)).toEqual({ ok: true });
    expect(currentWriteContext()?.userId).toBe(alice.id);
  });

  it('after a reload (nothing in memory), the PIN opens the sealed refresh token again', async () => {
    const alice = server.addUser('alice', 'nurse');
    await signInWithPin('alice');
    // Reload: the store starts over from IndexedDB.
    const db = env.db;
    env.restore();
    env = setUpSession(server, db);
    await session().init();
    expect(session()).toMatchObject({ screen: 'locked', lockedUserId: alice.id });
    expect(await getAccessToken()).toBeNull();
    expect(await session().unlock(alice.id, PIN)).toEqual({ ok: true });
    // Online: the refresh token (opened with the PIN key) gets a new access token.
    expect(await getAccessToken()).toMatch(/^access-/);
  });

  it('five wrong PINs disable offline unlock until an online sign-in, even across a reload', async () => {
    const alice = server.addUser('alice', 'nurse');
    await signInWithPin('alice');
    session().lock();
    for (let left = MAX_PIN_FAILURES - 1; left >= 1; left--)
      expect(await session().unlock(alice.id, '000001')).toEqual({
        ok: false,
        problem: 'wrong-pin',
        attemptsLeft: left,
      });
    const db = env.db;
    env.restore();
    env = setUpSession(server, db);
    await session().init();
    expect(await session().unlock(alice.id, '000001')).toEqual({ ok: false, problem: 'disabled-now' });
    expect(await session().unlock(alice.id, PIN)).toEqual({ ok: false, problem: 'disabled' });
    expect(await db.people.get(alice.id)).toMatchObject({ failedPinCount: 5, offlineUnlockDisabled: true });

    // Online sign-in with the password restores it.
    session().showSignIn('alice');
    await session().signIn({ username: 'alice', password: PASSWORD, deviceName: 'T' });
    expect(await session().confirmExistingPin(PIN)).toEqual({ ok: true });
    expect(await db.people.get(alice.id)).toMatchObject({ failedPinCount: 0, offlineUnlockDisabled: false });
    session().lock();
    expect(await session().unlock(alice.id, PIN)).toEqual({ ok: true });
  });

  it('a right PIN resets the count of wrong ones', async () => {
    const alice = server.addUser('alice', 'nurse');
    await signInWithPin('alice');
    session().lock();
    await session().unlock(alice.id, '000001');
    await session().unlock(alice.id, '000001');
    await session().unlock(alice.id, PIN);
    expect((await env.db.people.get(alice.id))!.failedPinCount).toBe(0);
  });
});

describe('several people on one tablet', () => {
  it('switches user without losing the other person’s drafts; each writes as themselves', async () => {
    const alice = server.addUser('alice', 'nurse');
    const bob = server.addUser('bob', 'physician');
    await signInWithPin('alice');
    await saveDraft(env.db, alice.id, 'vitals:p1', { sbp: '120' }, new Date());
    session().switchUser();
    expect(session()).toMatchObject({ screen: 'locked', lockedUserId: undefined });
    session().showSignIn();
    await signInWithPin('bob', '735190');
    expect(currentWriteContext()).toMatchObject({ userId: bob.id, role: 'physician' });
    expect(session().syncUser?.userId).toBe(bob.id);
    session().switchUser();
    expect(await session().unlock(alice.id, '735190')).toMatchObject({ ok: false, problem: 'wrong-pin' });
    expect(await session().unlock(alice.id, PIN)).toEqual({ ok: true });
    expect(currentWriteContext()).toMatchObject({ userId: alice.id, role: 'nurse' });
    expect((await loadDraft(env.db, alice.id, 'vitals:p1'))?.data).toEqual({ sbp: '120' });
  });

  it('signing out forgets the PIN and token here, keeps the person’s drafts', async () => {
    const alice = server.addUser('alice', 'nurse');
    await signInWithPin('alice');
    await saveDraft(env.db, alice.id, 'form', { a: 1 }, new Date());
    await session().signOut();
    expect(session().screen).toBe('sign-in');
    const row = (await env.db.people.get(alice.id))!;
    expect(row.pin).toBeUndefined();
    expect(row.refreshToken).toBeUndefined();
    expect(await loadDraft(env.db, alice.id, 'form')).toBeDefined();
    expect(await session().unlock(alice.id, PIN)).toEqual({ ok: false, problem: 'no-pin' });
  });
});

describe('tokens: renewal, refusal, revocation', () => {
  it('renews an expired access token with the refresh token, and seals the new one', async () => {
    const alice = server.addUser('alice', 'nurse');
    await signInWithPin('alice');
    const first = await getAccessToken();
    expect(first).toMatch(/^access-/);
    const sealedBefore = (await env.db.people.get(alice.id))!.refreshToken;
    env.tick(901_000);
    const second = await getAccessToken();
    expect(second).toMatch(/^access-/);
    expect(second).not.toBe(first);
    expect((await env.db.people.get(alice.id))!.refreshToken).not.toEqual(sealedBefore);
    // Concurrent callers share one renewal.
    env.tick(901_000);
    const [a, b] = await Promise.all([getAccessToken(), getAccessToken()]);
    expect(a).toBe(b);
    expect(server.state.calls.filter((c) => c.path === '/api/auth/refresh')).toHaveLength(2);
  });

  it('a refused renewal keeps the person unlocked offline and asks to sign in again for sync', async () => {
    server.addUser('alice', 'nurse');
    await signInWithPin('alice');
    server.state.refreshRefusal = 'unauthenticated';
    env.tick(901_000);
    expect(await accessTokenProvider()()).toBeNull();
    expect(session()).toMatchObject({ screen: 'unlocked', syncSignInNeeded: true, deviceRevoked: false });
  });

  it('a revoked tablet: sync stops with a clear failure, nothing is discarded', async () => {
    const alice = server.addUser('alice', 'nurse');
    await signInWithPin('alice');
    server.state.refreshRefusal = 'device-revoked';
    env.tick(901_000);
    const failure = await accessTokenProvider()().catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(SyncFailure);
    expect((failure as SyncFailure).kind).toBe('device-revoked');
    expect(session()).toMatchObject({ screen: 'unlocked', deviceRevoked: true });
    expect(await env.db.people.get(alice.id)).toMatchObject({ deviceRevoked: true, needsOnlineSignIn: true });
    // The next sign-in does not reuse the revoked registration.
    session().showSignIn('alice');
    await session().signIn({ username: 'alice', password: PASSWORD, deviceName: 'T' });
    expect(server.state.calls.at(-2)!.body).not.toHaveProperty('deviceId');
  });

  it('server unreachable while renewing: the sync is told "offline" and retries later', async () => {
    server.addUser('alice', 'nurse');
    await signInWithPin('alice');
    server.state.unreachable = true;
    env.tick(901_000);
    const failure = await accessTokenProvider()().catch((e: unknown) => e);
    expect((failure as SyncFailure).kind).toBe('offline');
    expect(session().syncSignInNeeded).toBe(false);
  });
});

describe('re-authentication for an online signature (issue 17)', () => {
  it('checks the password through /api/auth/reauthenticate, keeping the tablet’s tokens and not signing in', async () => {
    const alice = server.addUser('alice', 'physician');
    await signInWithPin('alice');
    const tokenBefore = await getAccessToken();
    const logins = () => server.state.calls.filter((c) => c.path === '/api/auth/login').length;
    const loginsBefore = logins();

    expect(await reauthenticateWithPassword(alice.id, 'wrong password')).toEqual({
      ok: false,
      error: { kind: 'invalid-credentials' },
    });
    expect(await reauthenticateWithPassword(alice.id, PASSWORD)).toEqual({ ok: true });

    const calls = server.state.calls.filter((c) => c.path === '/api/auth/reauthenticate');
    expect(calls).toHaveLength(2);
    expect(calls[1]).toMatchObject({ body: { password: PASSWORD }, authorization: `Bearer ${tokenBefore}` });
    expect(logins()).toBe(loginsBefore);
    expect(await getAccessToken()).toBe(tokenBefore);
  });
});
