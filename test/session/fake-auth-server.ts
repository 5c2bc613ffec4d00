import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { ChevetDb } from '@/db/database';
import type { Role } from '@/schema/common';
import { configureSession, resetSession } from '@/session/session-store';

/** A fresh, empty tablet database (fake-indexeddb), distinct per call. */
export function freshDb(): ChevetDb {
  return new ChevetDb(`session-test-${randomUUID()}`);
}

type Account = { id: string; username: string; password: string; role: Role; displayName: string };

export type FakeServerOptions = {
  /** Milliseconds to add to the tablet's clock for `serverTime`. */
  clockSkewMs?: number;
  expiresIn?: number;
};

/**
 * The auth routes of the central store, in memory, as a `fetch`: login, refresh (rotating), me, logout. Switches
 * simulate the failures the tablet must explain: unreachable, locked, rate-limited, revoked, refused refresh.
 */
export function fakeAuthServer(options: FakeServerOptions = {}) {
  const accounts = new Map<string, Account>();
  const refreshTokens = new Map<string, { userId: string; deviceId: string }>();
  const accessTokens = new Map<string, { userId: string; deviceId: string }>();
  const devices = new Map<string, { userId: string; name: string; revoked: boolean }>();
  const state = {
    unreachable: false,
    lockedUntil: undefined as string | undefined,
    rateLimited: false,
    refreshRefusal: undefined as undefined | 'unauthenticated' | 'device-revoked',
    clockSkewMs: options.clockSkewMs ?? 0,
    expiresIn: options.expiresIn ?? 900,
    calls: [] as { path: string; body: unknown; authorization: string | null }[],
  };

  const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    new Response(JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json', ...headers },
    });
  const error = (status: number, code: string, extra: Record<string, unknown> = {}, headers = {}) =>
    json(status, { error: { code, message: code, ...extra } }, headers);

  function issue(account: Account, deviceId: string) {
    const refreshToken = `refresh-${randomUUID()}`;
    const accessToken = `access-${randomUUID()}`;
    refreshTokens.set(refreshToken, { userId: account.id, deviceId });
    accessTokens.set(accessToken, { userId: account.id, deviceId });
    return {
      accessToken,
      refreshToken,
      expiresIn: state.expiresIn,
      deviceId,
      user: { id: account.id, username: account.username, role: account.role },
      serverTime: new Date(Date.now() + state.clockSkewMs).toISOString(),
    };
  }

  const fetch: typeof globalThis.fetch = async (input, init) => {
    const path = String(input);
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    const headers = new Headers(init?.headers);
    // The public health answer (not counted in `calls`): a store without any account needs its first admin.
    if (path === '/api/health') {
      if (state.unreachable) throw new TypeError('Failed to fetch');
      return json(200, {
        status: 'ok',
        version: '0.0.0',
        store: 'pglite',
        migrationLevel: 1,
        needsFirstAdmin: accounts.size === 0,
      });
    }
    state.calls.push({ path, body, authorization: headers.get('authorization') });
    if (state.unreachable) throw new TypeError('Failed to fetch');
    if (path === '/api/auth/login') {
      if (state.rateLimited) return error(429, 'rate-limited', {}, { 'retry-after': '42' });
      const account = accounts.get(String(body.username).toLowerCase());
      if (state.lockedUntil) return error(423, 'account-locked', { lockedUntil: state.lockedUntil });
      if (!account || account.password !== body.password) return error(401, 'invalid-credentials');
      let deviceId = body.deviceId as string | undefined;
      if (!deviceId || devices.get(deviceId)?.userId !== account.id || devices.get(deviceId)?.revoked) {
        deviceId = randomUUID();
        devices.set(deviceId, { userId: account.id, name: body.deviceName, revoked: false });
      }
      return json(200, issue(account, deviceId));
    }
    if (path === '/api/auth/refresh') {
      if (state.refreshRefusal) return error(401, state.refreshRefusal);
      const session = refreshTokens.get(body.refreshToken);
      if (!session) return error(401, 'unauthenticated');
      refreshTokens.delete(body.refreshToken);
      const account = [...accounts.values()].find((a) => a.id === session.userId)!;
      return json(200, issue(account, session.deviceId));
    }
    if (path === '/api/auth/me') {
      const session = accessTokens.get(headers.get('authorization')?.replace('Bearer ', '') ?? '');
      const owner = session && [...accounts.values()].find((a) => a.id === session.userId);
      if (!session || !owner) return error(401, 'unauthenticated');
      return json(200, {
        user: { id: owner.id, username: owner.username, role: owner.role, displayName: owner.displayName },
        deviceId: session.deviceId,
      });
    }
    if (path === '/api/auth/reauthenticate') {
      const session = accessTokens.get(headers.get('authorization')?.replace('Bearer ', '') ?? '');
      const owner = session && [...accounts.values()].find((a) => a.id === session.userId);
      if (!session || !owner) return error(401, 'unauthenticated');
      if (owner.password !== body.password) return error(401, 'invalid-credentials');
      return json(200, { reauthenticatedAt: new Date().toISOString() });
    }
    if (path === '/api/auth/logout') return new Response(null, { status: 204 });
    return error(404, 'not-found');
  };

  return {
    fetch,
    state,
    devices,
    addUser(username: string, role: Role, password = 'correct horse battery', displayName = username) {
      const account = { id: randomUUID(), username, password, role, displayName };
      accounts.set(username, account);
      return account;
    },
  };
}

export type FakeServer = ReturnType<typeof fakeAuthServer>;

/** Points the session store at a fresh database and a fake server, with a fast PBKDF2 and a movable clock. */
export function setUpSession(server: FakeServer, db = freshDb()) {
  resetSession();
  let now = Date.now();
  let online = true;
  const restore = configureSession({
    db: () => db,
    api: { fetch: server.fetch, now: () => now },
    pinIterations: 1_000,
    now: () => now,
    online: () => online,
  });
  return {
    db,
    tick(ms: number) {
      now += ms;
    },
    setOnline(value: boolean) {
      online = value;
    },
    restore() {
      restore();
      resetSession();
    },
  };
}
