import { connect } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import { setAuthPolicy } from '../../server/auth/auth-policy';
import { errorBodySchema } from '../../src/schema/sync';
import { createTestStore, STORE_KIND, type TestStore } from './test-store';
import { addSignedInUser, type SignedInUser } from './people-fixtures';

// Issue 17, the HTTP side of "the store trusts no tablet": bad text and malformed URLs answer 400 with the error
// body on every route (never 500, never Fastify's own body), and no /api answer may be cached.

describe(`HTTP hygiene (${STORE_KIND})`, () => {
  let testStore: TestStore;
  let app: FastifyInstance;
  let admin: SignedInUser;
  let nurse: SignedInUser;

  beforeAll(async () => {
    testStore = await createTestStore();
    app = await buildApp({ store: testStore.store });
    admin = await addSignedInUser(testStore.store, 'admin');
    nurse = await addSignedInUser(testStore.store, 'nurse');
  });
  afterAll(async () => {
    await app.close();
    await testStore.drop();
  });

  const expectError = (res: { statusCode: number; json(): unknown }, status: number, code: string) => {
    expect(res.statusCode).toBe(status);
    expect(errorBodySchema.parse(res.json()).error.code).toBe(code);
  };

  it('answers a NUL or a lone surrogate in a sign-in with 400 and the error body', async () => {
    for (const payload of [
      { username: 'nurse\u0000', password: 'whatever-password', deviceName: 'Tablette 3' },
      { username: 'nurse', password: 'whatever\uD800', deviceName: 'Tablette 3' },
      { username: 'nurse', password: 'whatever-password', deviceName: 'Tablette\u0000' },
    ]) {
      const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload });
      expectError(res, 400, 'invalid-text');
    }
  });

  it('answers bad text in an administration body with 400, and stores nothing', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/admin/users',
      headers: admin.headers,
      payload: {
        username: 'newnurse',
        displayName: 'Anne\u0000',
        role: 'nurse',
        password: 'a long password 1',
      },
    });
    expectError(res, 400, 'invalid-text');
    const { rows } = await testStore.store.query("select 1 from users where username = 'newnurse'");
    expect(rows).toHaveLength(0);
  });

  it('answers a malformed URL with 400 and the error body', async () => {
    for (const url of ['/api/%ZZ', '/api/sync/pull%E0%A4%A']) {
      const res = await app.inject({ method: 'GET', url, headers: admin.headers });
      expectError(res, 400, 'bad-url');
      expect(res.headers['cache-control']).toBe('no-store');
    }
  });

  it('marks every /api answer no-store: success, error, unknown route', async () => {
    const answers = await Promise.all([
      app.inject({ method: 'GET', url: '/api/health' }),
      app.inject({ method: 'GET', url: '/api/auth/me', headers: admin.headers }),
      app.inject({ method: 'GET', url: '/api/auth/me' }),
      app.inject({ method: 'GET', url: '/api/nothing-here' }),
      app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: '{nope',
        headers: { 'content-type': 'application/json' },
      }),
    ]);
    expect(answers.map((r) => r.statusCode)).toEqual([200, 200, 401, 404, 400]);
    for (const res of answers) expect(res.headers['cache-control']).toBe('no-store');
  });

  describe('a body dripped slowly, or never sent', () => {
    /** Sends the headers of a push and `bytes` of its announced 1 000-byte body, then waits for the answer. */
    async function dripped(bytes: string) {
      const slow = await buildApp({ store: testStore.store, timeouts: { requestMs: 1000 } });
      await slow.listen({ port: 0, host: '127.0.0.1' });
      const { port } = slow.server.address() as { port: number };
      try {
        return await new Promise<string>((resolve, reject) => {
          const socket = connect(port, '127.0.0.1', () => {
            socket.write(
              'POST /api/sync/push HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n' +
                `Authorization: Bearer ${nurse.token}\r\nContent-Length: 1000\r\n\r\n${bytes}`,
            );
          });
          let answer = '';
          socket.on('data', (chunk) => (answer += chunk.toString()));
          socket.on('close', () => resolve(answer));
          socket.on('error', reject);
        });
      } finally {
        await slow.close();
      }
    }

    it('is cut by the request timeout: 408, the connection closed', async () => {
      expect(await dripped('{"deviceId":')).toMatch(/^HTTP\/1\.1 408/);
      expect(await dripped('')).toMatch(/^HTTP\/1\.1 408/);
    });
  });

  describe('X-Forwarded-For', () => {
    const failedLogin = (target: FastifyInstance, forwardedFor: string) =>
      target.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: '127.0.0.1',
        headers: { 'x-forwarded-for': forwardedFor },
        payload: { username: 'nobody-here', password: 'wrong password', deviceName: 'T' },
      });
    const lastFailureAddress = async () =>
      (
        await testStore.store.query<{ address: string }>(
          "select address from server_audit where action = 'login-failed' order by id desc limit 1",
        )
      ).rows[0]?.address;

    it('is not believed by default: spoofed addresses neither reach the audit nor escape the per-address limit', async () => {
      const restore = setAuthPolicy({ loginsPerAddress: 3, scrypt: { ln: 10, r: 8, p: 1 } });
      const own = await buildApp({ store: testStore.store });
      try {
        const answers = [];
        for (let i = 1; i <= 5; i++) answers.push((await failedLogin(own, `203.0.113.${i}`)).statusCode);
        expect(answers).toEqual([401, 401, 401, 429, 429]);
        expect(await lastFailureAddress()).toBe('127.0.0.1');
      } finally {
        await own.close();
        restore();
      }
    });

    it('is believed from the proxy CHEVET_TRUST_PROXY names', async () => {
      const restore = setAuthPolicy({ scrypt: { ln: 10, r: 8, p: 1 } });
      const proxied = await buildApp({ store: testStore.store, trustProxy: ['127.0.0.1'] });
      try {
        expect((await failedLogin(proxied, '203.0.113.77')).statusCode).toBe(401);
        expect(await lastFailureAddress()).toBe('203.0.113.77');
      } finally {
        await proxied.close();
        restore();
      }
    });
  });
});
