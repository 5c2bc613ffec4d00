import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sessionResponseSchema, type SessionResponse } from '../../src/schema/auth';
import { buildApp } from '../../server/app';
import { addAccount } from '../../server/auth/account-admin';
import { authPolicy, setAuthPolicy } from '../../server/auth/auth-policy';
import { loadTokenSecret } from '../../server/auth/secret';
import { issueAccessToken } from '../../server/auth/tokens';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, seedDemo } from '../../server/demo/seed';
import { createTestStore, STORE_KIND, type TestStore } from './test-store';
import { addSignedInUser } from './people-fixtures';

const MINUTE = 60_000;
const PASSWORD = 'a long enough password';
const WRONG = 'Wr0ng-guess-771';

describe(`sign-in and sessions (${STORE_KIND})`, () => {
  let testStore: TestStore;
  let app: FastifyInstance;
  let restorePolicy: () => void;
  let accountCount = 0;

  // Every sign-in answer seen by this file, to check that no password ever comes back.
  const answers: string[] = [];
  // A low hashing cost keeps the file fast (the production cost is in passwords.test.ts); a high per-address
  // limit lets this file sign in often from the one inject address (the limit itself is tested below).
  // Every request of this file comes from one address: its own delay is tested with a lower threshold.
  const defaultThrottle = { ...authPolicy().signInThrottle, freeFailuresPerAddress: 10_000 };
  const testPolicy = {
    scrypt: { ln: 10, r: 8, p: 1 },
    loginsPerAddress: 10_000,
    signInThrottle: defaultThrottle,
  };

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
  // Tests that move the clock or shorten the lock put the file's policy back.
  afterEach(
    () => void setAuthPolicy({ ...testPolicy, now: () => new Date(), signInThrottle: defaultThrottle }),
  );

  async function newAccount(role: 'nurse' | 'physician' | 'data-manager' | 'admin' = 'nurse') {
    accountCount += 1;
    return addAccount(
      testStore.store,
      { username: `person-${accountCount}`, displayName: `Person ${accountCount}`, role, password: PASSWORD },
      { address: 'test' },
    );
  }

  async function post(url: string, payload: object, remoteAddress?: string) {
    const res = await app.inject({
      method: 'POST',
      url,
      payload,
      ...(remoteAddress ? { remoteAddress } : {}),
    });
    answers.push(res.body);
    return res;
  }
  const login = (username: string, password = PASSWORD, extra: object = {}, remoteAddress?: string) =>
    post('/api/auth/login', { username, password, deviceName: 'Tablette salle 3', ...extra }, remoteAddress);
  const session = (res: { json(): unknown }): SessionResponse => sessionResponseSchema.parse(res.json());
  const me = (accessToken: string) =>
    app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${accessToken}` } });
  const refresh = (refreshToken: string) => post('/api/auth/refresh', { refreshToken });
  const moveClock = (ms: number) => setAuthPolicy({ now: () => new Date(Date.now() + ms) });

  async function auditOf(subject: string) {
    const { rows } = await testStore.store.query<{
      action: string;
      actor_user_id: string | null;
      actor_device_id: string | null;
      address: string | null;
      detail: Record<string, unknown>;
    }>(
      'select action, actor_user_id, actor_device_id, address, detail from server_audit where subject = $1 order by id',
      [subject],
    );
    return rows;
  }

  it('signs in with the right password: a token pair for a newly registered device, and the server time', async () => {
    const account = await newAccount('physician');
    const before = Date.now();
    const res = await login(account.username);
    expect(res.statusCode).toBe(200);
    const body = session(res);
    expect(body.user).toEqual({ id: account.id, username: account.username, role: 'physician' });
    expect(body.expiresIn).toBe(15 * 60);
    expect(body.refreshToken).not.toBe(body.accessToken);
    expect(new Date(body.serverTime!).getTime()).toBeGreaterThanOrEqual(before - 1000);

    const who = await me(body.accessToken);
    expect(who.statusCode).toBe(200);
    expect(who.json()).toEqual({
      user: {
        id: account.id,
        username: account.username,
        role: 'physician',
        displayName: account.displayName,
      },
      deviceId: body.deviceId,
    });
    const { rows } = await testStore.store.query('select name, user_id from devices where id = $1', [
      body.deviceId,
    ]);
    expect(rows).toEqual([{ name: 'Tablette salle 3', user_id: account.id }]);
  });

  it('audits a sign-in with the person, the device and the address', async () => {
    const account = await newAccount();
    const body = session(await login(account.username, PASSWORD, {}, '192.0.2.10'));
    expect(await auditOf(`user:${account.id}`)).toContainEqual({
      action: 'login',
      actor_user_id: account.id,
      actor_device_id: body.deviceId,
      address: '192.0.2.10',
      detail: { deviceName: 'Tablette salle 3', newDevice: true },
    });
  });

  it('matches the username whatever its case and surrounding spaces', async () => {
    const account = await newAccount();
    expect((await login(`  ${account.username.toUpperCase()} `)).statusCode).toBe(200);
  });

  it('answers a wrong password and an unknown user alike: 401 invalid-credentials with one message', async () => {
    const account = await newAccount();
    const wrong = await login(account.username, WRONG);
    const unknown = await login('nobody-by-this-name', PASSWORD);
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual({
      error: { code: 'invalid-credentials', message: 'Wrong username or password.' },
    });
    expect(unknown.json()).toEqual(wrong.json());
  });

  it('audits failed sign-ins without keeping what was typed as a username', async () => {
    const account = await newAccount();
    await login(account.username, WRONG, {}, '192.0.2.11');
    await login('typed-my-password-here', PASSWORD, {}, '192.0.2.11');
    expect(await auditOf(`user:${account.id}`)).toContainEqual(
      expect.objectContaining({
        action: 'login-failed',
        address: '192.0.2.11',
        detail: { reason: 'wrong-password' },
      }),
    );
    const { rows } = await testStore.store.query(
      `select subject, detail from server_audit where action = 'login-failed' and address = '192.0.2.11'
         and detail->>'reason' = 'unknown-user'`,
    );
    expect(rows).toEqual([{ subject: null, detail: { reason: 'unknown-user' } }]);
  });

  // Issue 17: a progressive delay per name and per address instead of a hard lock (sign-in-throttle.ts).
  const wrongTimes = async (username: string, times: number, extra: object = {}, address?: string) => {
    for (let attempt = 1; attempt <= times; attempt++)
      expect((await login(username, WRONG, extra, address)).statusCode).toBe(401);
  };

  it('delays a name after five wrong passwords in a row, known or unknown alike, without checking the password', async () => {
    const account = await newAccount();
    await wrongTimes(account.username, 5);
    const right = await login(account.username);
    expect(right.statusCode).toBe(429);
    expect(right.json().error.code).toBe('sign-in-delayed');
    expect(Number(right.headers['retry-after'])).toBeGreaterThanOrEqual(1);

    await wrongTimes('nobody-by-that-name', 5);
    const unknown = await login('nobody-by-that-name');
    expect(unknown.statusCode).toBe(429);
    expect(unknown.json()).toEqual(right.json());
    expect(unknown.headers['retry-after']).toBe(right.headers['retry-after']);
    const actions = (await auditOf(`user:${account.id}`)).map((entry) => entry.action);
    expect(actions.filter((action) => action === 'login-failed')).toHaveLength(5);
    expect(actions.at(-1)).toBe('login-refused');
  });

  it('doubles the delay at each further wrong password, and hears the right one once it has run', async () => {
    const account = await newAccount();
    const start = Date.now();
    const at = (ms: number) => setAuthPolicy({ now: () => new Date(start + ms) });
    at(0);
    await wrongTimes(account.username, 5);
    at(1_100);
    await wrongTimes(account.username, 1); // the 6th: 2 s now
    at(2_500);
    expect((await login(account.username)).statusCode).toBe(429);
    at(3_200);
    expect((await login(account.username)).statusCode).toBe(200);
  });

  it('never holds longer than the longest delay, however many wrong passwords', async () => {
    setAuthPolicy({ signInThrottle: { ...authPolicy().signInThrottle, maxDelayMs: 4_000 } });
    const account = await newAccount();
    const start = Date.now();
    for (let i = 0; i < 12; i++) {
      setAuthPolicy({ now: () => new Date(start + i * 5_000) });
      await wrongTimes(account.username, 1);
    }
    setAuthPolicy({ now: () => new Date(start + 11 * 5_000 + 4_100) });
    expect((await login(account.username)).statusCode).toBe(200);
  });

  it('lets the right password from one of the person’s own tablets through the name’s delay', async () => {
    const account = await newAccount();
    const { deviceId } = session(await login(account.username));
    // Someone without that tablet hammers the name.
    await wrongTimes(account.username, 5, {}, '203.0.113.50');
    expect((await login(account.username, PASSWORD, {}, '192.0.2.60')).statusCode).toBe(429);
    expect((await login(account.username, PASSWORD, { deviceId }, '192.0.2.60')).statusCode).toBe(200);
    // A wrong password from that tablet is still a wrong password.
    expect((await login(account.username, WRONG, { deviceId }, '192.0.2.60')).statusCode).toBe(401);
  });

  it('lets an administrator clear a name’s delay, audited, and shows it in the account list meanwhile', async () => {
    const account = await newAccount();
    const admin = await addSignedInUser(testStore.store, 'admin');
    await wrongTimes(account.username, 5);
    const listed = await app.inject({ method: 'GET', url: '/api/admin/users', headers: admin.headers });
    const row = listed.json().users.find((u: { id: string }) => u.id === account.id);
    expect(Date.parse(row.lockedUntil)).toBeGreaterThan(Date.now() - 60_000);
    const cleared = await app.inject({
      method: 'POST',
      url: `/api/admin/users/${account.id}/sign-in-delay/clear`,
      headers: admin.headers,
    });
    expect(cleared.statusCode).toBe(200);
    expect(cleared.json().user.lockedUntil).toBeNull();
    expect((await login(account.username)).statusCode).toBe(200);
    expect((await auditOf(`user:${account.id}`)).map((e) => e.action)).toContain('sign-in-delay-cleared');
  });

  it('delays an address after its wrong passwords, whatever the names tried, leaving other addresses alone', async () => {
    setAuthPolicy({ signInThrottle: { ...authPolicy().signInThrottle, freeFailuresPerAddress: 3 } });
    const account = await newAccount();
    for (let i = 1; i <= 3; i++) await wrongTimes(`someone-else-${i}`, 1, {}, '198.51.100.30');
    expect((await login(account.username, PASSWORD, {}, '198.51.100.30')).statusCode).toBe(429);
    expect((await login(account.username, PASSWORD, {}, '198.51.100.31')).statusCode).toBe(200);
  });

  it('counts only wrong passwords in a row: a successful sign-in starts the count again', async () => {
    const account = await newAccount();
    await wrongTimes(account.username, 4);
    expect((await login(account.username)).statusCode).toBe(200);
    await wrongTimes(account.username, 4);
  });

  it('rate-limits sign-in per address with 429, whatever the accounts tried, leaving other addresses alone', async () => {
    setAuthPolicy({ loginsPerAddress: 3 });
    const account = await newAccount();
    for (let attempt = 1; attempt <= 3; attempt++) {
      expect((await login(`someone-${attempt}`, PASSWORD, {}, '198.51.100.7')).statusCode).toBe(401);
    }
    const limited = await login(account.username, PASSWORD, {}, '198.51.100.7');
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toEqual({
      error: { code: 'rate-limited', message: expect.stringMatching(/try again in/) },
    });
    expect(limited.headers['retry-after']).toBeDefined();
    expect((await login(account.username, PASSWORD, {}, '198.51.100.8')).statusCode).toBe(200);
  });

  it('refuses a disabled account with the right password, and answers a wrong one as usual', async () => {
    const account = await newAccount();
    await testStore.store.query('update users set disabled_at = now() where id = $1', [account.id]);
    const right = await login(account.username);
    expect(right.statusCode).toBe(401);
    expect(right.json().error.code).toBe('account-disabled');
    expect((await login(account.username, WRONG)).json().error.code).toBe('invalid-credentials');
  });

  it('refuses an expired, a forged or a missing access token with 401', async () => {
    const account = await newAccount();
    const { deviceId } = session(await login(account.username));
    const principal = { userId: account.id, username: account.username, role: account.role, deviceId };
    const secret = await loadTokenSecret(testStore.store);
    const expired = await issueAccessToken(principal, secret, Date.now() - 16 * MINUTE);
    const forged = await issueAccessToken(principal, new TextEncoder().encode('not the server secret'));
    for (const token of [expired, forged, 'not-a-token']) {
      const res = await me(token);
      expect(res.statusCode).toBe(401);
      expect(res.json().error.code).toBe('unauthenticated');
    }
    expect((await app.inject({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });

  it('rotates the refresh token: each one gives a new pair once', async () => {
    const account = await newAccount();
    const first = session(await login(account.username));
    const res = await refresh(first.refreshToken);
    expect(res.statusCode).toBe(200);
    const second = session(res);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(second.deviceId).toBe(first.deviceId);
    expect(second.user).toEqual(first.user);
    expect((await me(second.accessToken)).statusCode).toBe(200);
    expect((await refresh(second.refreshToken)).statusCode).toBe(200);
  });

  it('treats a used refresh token presented again as theft: the device loses every session, audited', async () => {
    const account = await newAccount();
    const first = session(await login(account.username, PASSWORD, {}, '192.0.2.20'));
    const second = session(await refresh(first.refreshToken));

    const replay = await refresh(first.refreshToken);
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('refresh-token-reused');
    // The legitimate holder's newer token is ended too: the thief may have it.
    const after = await refresh(second.refreshToken);
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('invalid-refresh-token');
    expect(await auditOf(`device:${first.deviceId}`)).toContainEqual(
      expect.objectContaining({ action: 'refresh-token-reused', actor_user_id: account.id }),
    );
  });

  it('refuses an unknown refresh token and an expired one', async () => {
    const unknown = await refresh('no-such-token');
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().error.code).toBe('invalid-refresh-token');

    const account = await newAccount();
    const { refreshToken } = session(await login(account.username));
    moveClock(31 * 24 * 60 * MINUTE);
    const expired = await refresh(refreshToken);
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.code).toBe('refresh-token-expired');
  });

  it('refuses a refresh once the account is disabled', async () => {
    const account = await newAccount();
    const { refreshToken } = session(await login(account.username));
    await testStore.store.query('update users set disabled_at = now() where id = $1', [account.id]);
    expect((await refresh(refreshToken)).json().error.code).toBe('account-disabled');
  });

  it('signs out: the device refresh tokens stop working, and the sign-out is audited', async () => {
    const account = await newAccount();
    const first = session(await login(account.username));
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { authorization: `Bearer ${first.accessToken}` },
    });
    expect(res.statusCode).toBe(204);
    expect((await refresh(first.refreshToken)).json().error.code).toBe('invalid-refresh-token');
    expect((await auditOf(`device:${first.deviceId}`)).map((entry) => entry.action)).toContain('logout');
  });

  it('keeps the device id when a tablet signs in again, and ends that device earlier session', async () => {
    const account = await newAccount();
    const first = session(await login(account.username));
    const again = session(await login(account.username, PASSWORD, { deviceId: first.deviceId }));
    expect(again.deviceId).toBe(first.deviceId);
    expect((await refresh(first.refreshToken)).statusCode).toBe(401);
    expect((await refresh(again.refreshToken)).statusCode).toBe(200);
  });

  it('registers a new device instead of re-using a revoked one, another person device, or an unknown id', async () => {
    const account = await newAccount();
    const other = await newAccount();
    const revoked = session(await login(account.username));
    await testStore.store.query('update devices set revoked_at = now() where id = $1', [revoked.deviceId]);
    const theirs = session(await login(other.username));
    for (const deviceId of [revoked.deviceId, theirs.deviceId, '0190a8e0-0000-7000-8000-000000000000']) {
      const body = session(await login(account.username, PASSWORD, { deviceId }));
      expect(body.deviceId).not.toBe(deviceId);
    }
  });

  it('answers malformed JSON with 400 malformed-json', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"username": "alice", "password": ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: { code: 'malformed-json', message: expect.any(String) } });
  });

  it('answers missing, mistyped or oversized fields with 400 invalid-request, never 500', async () => {
    for (const payload of [
      {},
      { username: 'alice', password: PASSWORD },
      { username: 42, password: PASSWORD, deviceName: 'x' },
      { username: 'alice', password: 'x'.repeat(10_000), deviceName: 'x' },
      { username: 'alice', password: PASSWORD, deviceName: 'x', deviceId: 'not-a-uuid' },
      [],
    ]) {
      const res = await post('/api/auth/login', payload);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('invalid-request');
    }
    expect((await post('/api/auth/refresh', { refreshToken: 7 })).statusCode).toBe(400);
  });

  it('creates the demo accounts once, one per role, and each signs in with the demo password', async () => {
    const lines = await seedDemo(testStore.store);
    expect(await seedDemo(testStore.store)).toEqual(lines);
    const { rows } = await testStore.store.query<{ n: number }>(
      `select count(*)::int as n from users where username = any($1)`,
      [DEMO_ACCOUNTS.map((demo) => demo.username)],
    );
    expect(rows[0]!.n).toBe(4);
    for (const demo of DEMO_ACCOUNTS) {
      expect(lines.some((line) => line.includes(demo.username) && line.includes(demo.role))).toBe(true);
      expect(session(await login(demo.username, DEMO_PASSWORD)).user.role).toBe(demo.role);
    }
    expect(lines.join('\n')).toContain(DEMO_PASSWORD);
  });

  it('never returns or audits a password (this runs last, over everything this file sent)', async () => {
    const { rows } = await testStore.store.query('select * from server_audit');
    const audited = JSON.stringify(rows);
    for (const secret of [PASSWORD, WRONG, DEMO_PASSWORD]) {
      expect(audited).not.toContain(secret);
      for (const answer of answers) expect(answer).not.toContain(secret);
    }
    expect(answers.length).toBeGreaterThan(50);
  });
});
