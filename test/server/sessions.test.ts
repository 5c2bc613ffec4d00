import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sessionResponseSchema, type SessionResponse } from '../../src/schema/auth';
import { buildApp } from '../../server/app';
import { addAccount, changeAccount, resetPassword } from '../../server/auth/account-admin';
import { setAuthPolicy } from '../../server/auth/auth-policy';
import { createTestStore, STORE_KIND, type TestStore } from './test-store';

// Issue 17, "sessions end when they should": an access token stops working the moment its session ends (sign-out,
// a new sign-in on the device, a password reset, a disabled account, a reused refresh token), not up to 15
// minutes later; a session lasts a fixed time from sign-in however often it is refreshed; the online signature
// re-authenticates without touching the session.

const DAY = 24 * 60 * 60_000;
const PASSWORD = 'a long enough password';

describe(`sessions end when they should (${STORE_KIND})`, () => {
  let testStore: TestStore;
  let app: FastifyInstance;
  let restorePolicy: () => void;
  let count = 0;
  const testPolicy = { scrypt: { ln: 10, r: 8, p: 1 }, loginsPerAddress: 10_000 };

  beforeAll(async () => {
    restorePolicy = setAuthPolicy(testPolicy);
    testStore = await createTestStore();
    app = await buildApp({ store: testStore.store });
  });
  afterAll(async () => {
    await app.close();
    await testStore.drop();
    restorePolicy();
  });
  afterEach(() => void setAuthPolicy({ ...testPolicy, now: () => new Date() }));

  async function signedIn(extra: object = {}) {
    count += 1;
    const account = await addAccount(
      testStore.store,
      { username: `sess-${count}`, displayName: `Person ${count}`, role: 'nurse', password: PASSWORD },
      { address: 'test' },
    );
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: account.username, password: PASSWORD, deviceName: 'Tablette 3', ...extra },
    });
    expect(res.statusCode).toBe(200);
    return { account, session: sessionResponseSchema.parse(res.json()) };
  }
  const me = (s: SessionResponse) =>
    app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${s.accessToken}` } });
  const refresh = async (refreshToken: string) =>
    app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refreshToken } });
  const expectEnded = async (s: SessionResponse, code = 'session-ended') => {
    const res = await me(s);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe(code);
  };
  const admin = { address: 'test' };

  it('ends the access token at sign-out', async () => {
    const { session } = await signedIn();
    expect((await me(session)).statusCode).toBe(200);
    const out = await app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { authorization: `Bearer ${session.accessToken}` },
    });
    expect(out.statusCode).toBe(204);
    await expectEnded(session);
  });

  it('ends the access token of every device at a password reset', async () => {
    const { account, session } = await signedIn();
    await resetPassword(testStore.store, account.id, 'another long password', admin);
    await expectEnded(session);
  });

  it('ends the access token when the account is disabled, and re-enabling does not revive it', async () => {
    const { account, session } = await signedIn();
    await changeAccount(testStore.store, account.id, { disabled: true }, admin);
    await expectEnded(session, 'account-disabled');
    await changeAccount(testStore.store, account.id, { disabled: false }, admin);
    await expectEnded(session);
  });

  it('ends the access tokens of the device when a used refresh token comes back', async () => {
    const { session: first } = await signedIn();
    const second = sessionResponseSchema.parse((await refresh(first.refreshToken)).json());
    expect((await me(second)).statusCode).toBe(200);
    expect((await refresh(first.refreshToken)).json().error.code).toBe('refresh-token-reused');
    await expectEnded(second);
  });

  it('ends the earlier access token when the device signs in again', async () => {
    const { account, session: first } = await signedIn();
    const again = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: account.username, password: PASSWORD, deviceName: 'T', deviceId: first.deviceId },
    });
    const second = sessionResponseSchema.parse(again.json());
    expect(second.deviceId).toBe(first.deviceId);
    await expectEnded(first);
    expect((await me(second)).statusCode).toBe(200);
  });

  it('keeps a session a fixed time from sign-in, however often it is refreshed (30 days by default)', async () => {
    const start = Date.now();
    const { session } = await signedIn();
    let refreshToken = session.refreshToken;
    for (const day of [10, 20, 29]) {
      setAuthPolicy({ now: () => new Date(start + day * DAY) });
      const res = await refresh(refreshToken);
      expect(res.statusCode).toBe(200);
      refreshToken = sessionResponseSchema.parse(res.json()).refreshToken;
    }
    setAuthPolicy({ now: () => new Date(start + 30 * DAY + 60_000) });
    const late = await refresh(refreshToken);
    expect(late.statusCode).toBe(401);
    expect(late.json().error.code).toBe('refresh-token-expired');
  });

  it('takes the session lifetime from the policy (CHEVET_SESSION_DAYS)', async () => {
    setAuthPolicy({ sessionLifetimeMs: 2 * DAY });
    const start = Date.now();
    const { session } = await signedIn();
    setAuthPolicy({ now: () => new Date(start + 3 * DAY) });
    expect((await refresh(session.refreshToken)).json().error.code).toBe('refresh-token-expired');
  });

  describe('re-authentication for an online signature', () => {
    const reauth = (s: SessionResponse | null, password: string) =>
      app.inject({
        method: 'POST',
        url: '/api/auth/reauthenticate',
        headers: s ? { authorization: `Bearer ${s.accessToken}` } : {},
        payload: { password },
      });
    const actions = async (userId: string) =>
      (
        await testStore.store.query<{ action: string }>(
          'select action from server_audit where subject = $1 order by id',
          [`user:${userId}`],
        )
      ).rows.map((r) => r.action);

    it('checks the password of the signed-in person without new tokens, audited as a re-authentication', async () => {
      const { account, session } = await signedIn();
      const res = await reauth(session, PASSWORD);
      expect(res.statusCode).toBe(200);
      expect(Date.parse(res.json().reauthenticatedAt)).not.toBeNaN();
      expect(res.json()).not.toHaveProperty('accessToken');
      // The session is untouched: the same access token works, the same refresh token rotates once.
      expect((await me(session)).statusCode).toBe(200);
      expect((await refresh(session.refreshToken)).statusCode).toBe(200);
      expect(await actions(account.id)).toEqual(['user-created', 'login', 'reauthentication']);
    });

    it('answers a wrong password 401 invalid-credentials with the error body, and audits it', async () => {
      const { account, session } = await signedIn();
      const res = await reauth(session, 'not the password');
      expect(res.statusCode).toBe(401);
      expect(res.json().error).toMatchObject({ code: 'invalid-credentials', message: expect.any(String) });
      expect((await me(session)).statusCode).toBe(200);
      expect(await actions(account.id)).toContain('reauthentication-failed');
    });

    it('needs a live session', async () => {
      expect((await reauth(null, PASSWORD)).statusCode).toBe(401);
    });
  });
});
