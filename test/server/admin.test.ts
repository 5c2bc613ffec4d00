import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountSchema, sessionResponseSchema, type Account } from '../../src/schema/auth';
import { buildApp } from '../../server/app';
import { setAuthPolicy } from '../../server/auth/auth-policy';
import { addSignedInUser, type SignedInUser } from './people-fixtures';
import { createTestStore, STORE_KIND, type TestStore } from './test-store';

const PASSWORD = 'first password 2026';
const NEW_PASSWORD = 'second password 2026';
const WRONG = 'Wr0ng-guess-771';
const UNKNOWN_ID = '0190a8e0-0000-7000-8000-000000000000';

describe(`account and device administration (${STORE_KIND})`, () => {
  let testStore: TestStore;
  let app: FastifyInstance;
  let admin: SignedInUser;
  let restorePolicy: () => void;
  let accountCount = 0;
  // Every answer this file received, to check that no password or hash ever comes back.
  const answers: string[] = [];

  beforeAll(async () => {
    // Low hashing cost for speed (production cost: passwords.test.ts).
    restorePolicy = setAuthPolicy({ scrypt: { ln: 10, r: 8, p: 1 }, loginsPerAddress: 10_000 });
    testStore = await createTestStore();
    app = await buildApp({ store: testStore.store });
    admin = await addSignedInUser(testStore.store, 'admin');
  });
  afterAll(async () => {
    await app.close();
    await testStore.drop();
    restorePolicy();
  });

  async function call(method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object, as = admin) {
    const res = await app.inject({ method, url, headers: as.headers, ...(payload ? { payload } : {}) });
    answers.push(res.body);
    return res;
  }
  async function createUser(fields: Partial<{ role: string; displayName: string; password: string }> = {}) {
    accountCount += 1;
    const res = await call('POST', '/api/admin/users', {
      username: `Agent.${accountCount}`,
      displayName: `Agent ${accountCount}`,
      role: 'nurse',
      password: PASSWORD,
      ...fields,
    });
    expect(res.statusCode).toBe(201);
    return accountSchema.parse(res.json().user);
  }
  async function login(account: Account, password = PASSWORD) {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: account.username, password, deviceName: 'Tablette' },
    });
    answers.push(res.body);
    return res;
  }
  const signIn = async (account: Account) => sessionResponseSchema.parse((await login(account)).json());
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
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

  it('creates an account that can sign in, normalising the username, and audits who created it', async () => {
    const account = await createUser({ role: 'physician', displayName: 'Dr Martin' });
    expect(account).toEqual({
      id: expect.any(String),
      username: `agent.${accountCount}`,
      displayName: 'Dr Martin',
      role: 'physician',
      disabled: false,
      lockedUntil: null,
      createdAt: expect.any(String),
    });
    expect((await login(account)).statusCode).toBe(200);
    expect(await auditOf(`user:${account.id}`)).toContainEqual({
      action: 'user-created',
      actor_user_id: admin.userId,
      actor_device_id: admin.deviceId,
      address: '127.0.0.1',
      detail: { username: account.username, role: 'physician', displayName: 'Dr Martin' },
    });
  });

  it('lists accounts without any password or hash', async () => {
    await createUser();
    const res = await call('GET', '/api/admin/users');
    expect(res.statusCode).toBe(200);
    const { users } = res.json() as { users: Record<string, unknown>[] };
    expect(users.length).toBeGreaterThanOrEqual(2);
    for (const user of users) {
      expect(Object.keys(user).sort()).toEqual(
        ['createdAt', 'disabled', 'displayName', 'id', 'lockedUntil', 'role', 'username'].sort(),
      );
    }
    expect(res.body).not.toMatch(/scrypt|fixture|password/i);
  });

  it('refuses a password shorter than 10 characters with a clear 400, creating nothing', async () => {
    const res = await call('POST', '/api/admin/users', {
      username: 'short-pw',
      displayName: '',
      role: 'nurse',
      password: 'too-short',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toEqual({
      code: 'invalid-request',
      message: expect.stringContaining('A password has at least 10 characters'),
    });
    const { rows } = await testStore.store.query(`select 1 from users where username = 'short-pw'`);
    expect(rows).toHaveLength(0);
  });

  it('refuses an unknown role, an ill-formed username and a taken one', async () => {
    const taken = await createUser();
    const base = { displayName: '', password: PASSWORD };
    const badRole = await call('POST', '/api/admin/users', { ...base, username: 'new-one', role: 'surgeon' });
    expect(badRole.statusCode).toBe(400);
    const badName = await call('POST', '/api/admin/users', { ...base, username: 'a b', role: 'nurse' });
    expect(badName.statusCode).toBe(400);
    const duplicate = await call('POST', '/api/admin/users', {
      ...base,
      username: taken.username.toUpperCase(),
      role: 'nurse',
    });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.code).toBe('username-taken');
  });

  it('changes role and display name, and audits the before and after', async () => {
    const account = await createUser();
    const res = await call('PATCH', `/api/admin/users/${account.id}`, {
      role: 'data-manager',
      displayName: 'Claire',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ role: 'data-manager', displayName: 'Claire', disabled: false });
    expect(await auditOf(`user:${account.id}`)).toContainEqual(
      expect.objectContaining({
        action: 'user-updated',
        actor_user_id: admin.userId,
        detail: {
          before: { role: 'nurse', displayName: account.displayName, disabled: false },
          after: { role: 'data-manager', displayName: 'Claire', disabled: false },
        },
      }),
    );
  });

  it('disables an account without deleting it: its token and refresh stop at once, sign-in is refused', async () => {
    const account = await createUser();
    const session = await signIn(account);
    const res = await call('PATCH', `/api/admin/users/${account.id}`, { disabled: true });
    expect(res.json().user.disabled).toBe(true);

    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(session.accessToken) });
    expect(me.statusCode).toBe(401);
    expect(me.json().error.code).toBe('account-disabled');
    const refreshed = await app.inject({
      method: 'POST',
      url: '/api/auth/refresh',
      payload: { refreshToken: session.refreshToken },
    });
    expect(refreshed.statusCode).toBe(401);
    expect(refreshed.json().error.code).toBe('account-disabled');
    expect((await login(account)).json().error.code).toBe('account-disabled');
    const { rows } = await testStore.store.query('select 1 from users where id = $1', [account.id]);
    expect(rows).toHaveLength(1);

    await call('PATCH', `/api/admin/users/${account.id}`, { disabled: false });
    expect((await login(account)).statusCode).toBe(200);
  });

  it('answers 404 for an unknown account, 400 for an ill-formed id or an empty change', async () => {
    expect((await call('PATCH', `/api/admin/users/${UNKNOWN_ID}`, { role: 'nurse' })).statusCode).toBe(404);
    expect((await call('PATCH', '/api/admin/users/42', { role: 'nurse' })).statusCode).toBe(400);
    const account = await createUser();
    const empty = await call('PATCH', `/api/admin/users/${account.id}`, {});
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.message).toContain('Send at least one of role, displayName, disabled');
    const reset = await call('POST', `/api/admin/users/${UNKNOWN_ID}/password`, { password: NEW_PASSWORD });
    expect(reset.statusCode).toBe(404);
  });

  it('never leaves the store without an active administrator', async () => {
    const { users } = (await call('GET', '/api/admin/users')).json() as { users: Account[] };
    for (const other of users.filter((user) => user.role === 'admin' && user.id !== admin.userId)) {
      await call('PATCH', `/api/admin/users/${other.id}`, { disabled: true });
    }
    for (const change of [{ disabled: true }, { role: 'physician' }]) {
      const res = await call('PATCH', `/api/admin/users/${admin.userId}`, change);
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('last-admin');
    }
    const second = await createUser({ role: 'admin' });
    expect((await call('PATCH', `/api/admin/users/${second.id}`, { role: 'nurse' })).statusCode).toBe(200);
  });

  it('resets a password: the old one stops, the new one works, the lock and sessions end, audited', async () => {
    const account = await createUser();
    const session = await signIn(account);
    for (let attempt = 1; attempt <= 5; attempt++) await login(account, WRONG);
    expect((await login(account)).statusCode).toBe(429);

    const res = await call('POST', `/api/admin/users/${account.id}/password`, { password: NEW_PASSWORD });
    expect(res.statusCode).toBe(204);
    expect((await login(account)).statusCode).toBe(401);
    expect((await login(account, NEW_PASSWORD)).statusCode).toBe(200);
    const refreshed = await app.inject({
      method: 'POST',
      url: '/api/auth/refresh',
      payload: { refreshToken: session.refreshToken },
    });
    expect(refreshed.statusCode).toBe(401);
    expect(await auditOf(`user:${account.id}`)).toContainEqual(
      expect.objectContaining({ action: 'password-reset', actor_user_id: admin.userId, detail: {} }),
    );
    const short = await call('POST', `/api/admin/users/${account.id}/password`, { password: 'short' });
    expect(short.statusCode).toBe(400);
  });

  it('lists devices with their owner', async () => {
    const account = await createUser();
    const session = await signIn(account);
    const res = await call('GET', '/api/admin/devices');
    expect(res.statusCode).toBe(200);
    expect(res.json().devices).toContainEqual({
      id: session.deviceId,
      name: 'Tablette',
      userId: account.id,
      username: account.username,
      createdAt: expect.any(String),
      lastSeenAt: expect.any(String),
      revokedAt: null,
    });
  });

  it('revokes a device: its access token and its refresh token are refused at once, audited once', async () => {
    const account = await createUser();
    const session = await signIn(account);
    const res = await call('POST', `/api/admin/devices/${session.deviceId}/revoke`);
    expect(res.statusCode).toBe(200);
    expect(res.json().device.revokedAt).toEqual(expect.any(String));

    const me = await app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(session.accessToken) });
    expect(me.statusCode).toBe(401);
    expect(me.json().error.code).toBe('device-revoked');
    const refreshed = await app.inject({
      method: 'POST',
      url: '/api/auth/refresh',
      payload: { refreshToken: session.refreshToken },
    });
    expect(refreshed.statusCode).toBe(401);
    expect(refreshed.json().error.code).toBe('device-revoked');

    const again = await call('POST', `/api/admin/devices/${session.deviceId}/revoke`);
    expect(again.json().device.revokedAt).toBe(res.json().device.revokedAt);
    const revocations = (await auditOf(`device:${session.deviceId}`)).filter(
      (entry) => entry.action === 'device-revoked',
    );
    expect(revocations).toEqual([
      expect.objectContaining({ actor_user_id: admin.userId, actor_device_id: admin.deviceId }),
    ]);
    expect((await call('POST', `/api/admin/devices/${UNKNOWN_ID}/revoke`)).statusCode).toBe(404);
  });

  it('never returns or audits a password or a hash (this runs last, over everything this file sent)', async () => {
    const { rows } = await testStore.store.query('select * from server_audit');
    const audited = JSON.stringify(rows);
    for (const secret of [PASSWORD, NEW_PASSWORD, WRONG, '$scrypt$']) {
      expect(audited).not.toContain(secret);
      for (const answer of answers) expect(answer).not.toContain(secret);
    }
  });
});
