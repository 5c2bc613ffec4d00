import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import { errorBodySchema } from '../../src/schema/sync';
import { createTestStore, STORE_KIND, type TestStore } from './test-store';
import { addSignedInUser, type SignedInUser } from './people-fixtures';

// Issue 17, the HTTP side of "the store trusts no tablet": bad text and malformed URLs answer 400 with the error
// body on every route (never 500, never Fastify's own body), and no /api answer may be cached.

describe(`HTTP hygiene (${STORE_KIND})`, () => {
  let testStore: TestStore;
  let app: FastifyInstance;
  let admin: SignedInUser;

  beforeAll(async () => {
    testStore = await createTestStore();
    app = await buildApp({ store: testStore.store });
    admin = await addSignedInUser(testStore.store, 'admin');
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
});
