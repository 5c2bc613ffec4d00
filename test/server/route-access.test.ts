import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import { ROLES, type Role } from '../../server/auth/roles';
import { ROUTE_ACCESS } from '../../server/auth/route-access';
import { addSignedInUser, type SignedInUser } from './people-fixtures';
import { createTestStore, STORE_KIND, type TestStore } from './test-store';

/**
 * `METHOD /path` of every /api route the app registered, read from Fastify's own route tree
 * (`printRoutes({ commonPrefix: false })`: one line per path segment, indented by depth, methods in brackets),
 * independently of the access hook that reads ROUTE_ACCESS.
 */
function registeredApiRoutes(tree: string): string[] {
  const segments: string[] = [];
  const routes: string[] = [];
  for (const line of tree.split('\n')) {
    const match = /^([│ ]*)[├└]── (\S+)(?: \(([^)]+)\))?$/.exec(line);
    if (!match) continue;
    segments.length = match[1]!.length / 4;
    segments.push(match[2]!);
    const path = segments.join('');
    for (const method of match[3]?.split(', ') ?? []) {
      // HEAD is Fastify's automatic twin of GET.
      if (method !== 'HEAD' && method !== 'OPTIONS' && path.startsWith('/api/'))
        routes.push(`${method} ${path}`);
    }
  }
  return routes.sort();
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** A concrete URL for a route pattern: any id will do, the check happens before the route looks it up. */
const concrete = (path: string) => path.replace(/:\w+/g, '0190a8e0-0000-7000-8000-000000000000');

describe(`every API route declares who may call it (${STORE_KIND})`, () => {
  let testStore: TestStore;
  let app: FastifyInstance;
  const people = new Map<Role, SignedInUser>();

  beforeAll(async () => {
    testStore = await createTestStore();
    app = await buildApp({ store: testStore.store });
    await app.ready();
    for (const role of ROLES) people.set(role, await addSignedInUser(testStore.store, role));
  });
  afterAll(async () => {
    await app.close();
    await testStore.drop();
  });

  function call(route: string, headers: Record<string, string> = {}) {
    const [method, path] = route.split(' ') as [Method, string];
    const hasBody = method !== 'GET' && method !== 'DELETE';
    return app.inject({ method, url: concrete(path), headers, ...(hasBody ? { payload: {} } : {}) });
  }

  it('registers exactly the routes of the access table, no more and no fewer', () => {
    const registered = registeredApiRoutes(app.printRoutes({ commonPrefix: false }));
    expect(registered).toContain('GET /api/health');
    expect(registered).toEqual(Object.keys(ROUTE_ACCESS).sort());
  });

  describe.each(Object.entries(ROUTE_ACCESS))('%s', (route, access) => {
    if (access === 'public') {
      it('answers without a token', async () => {
        const res = await call(route);
        expect([401, 403]).not.toContain(res.statusCode);
      });
      return;
    }

    it('answers 401 without a token, or with a token that is not one', async () => {
      const headers: Record<string, string>[] = [
        {},
        { authorization: 'Bearer not-a-token' },
        { authorization: 'Basic abc' },
      ];
      for (const header of headers) {
        const res = await call(route, header);
        expect(res.statusCode).toBe(401);
        expect(res.json().error.code).toBe('unauthenticated');
      }
      // Fastify adds a HEAD twin to every GET route, running the same handler: it must be guarded alike.
      if (route.startsWith('GET ')) {
        const head = await app.inject({ method: 'HEAD', url: concrete(route.slice(4)) });
        expect(head.statusCode).toBe(401);
      }
    });

    const refused = ROLES.filter((role) => !access.includes(role));
    const allowed = ROLES.filter((role) => access.includes(role));
    it.each(refused)('answers 403 to the role %s', async (role) => {
      const res = await call(route, people.get(role)!.headers);
      expect(res.statusCode).toBe(403);
      expect(res.json()).toEqual({ error: { code: 'forbidden', message: expect.any(String) } });
    });
    it.each(allowed)('lets the role %s through', async (role) => {
      // Signing out ends the caller's session (issue 17): that route gets a person of its own.
      const caller =
        route === 'POST /api/auth/logout' ? await addSignedInUser(testStore.store, role) : people.get(role)!;
      const res = await call(route, caller.headers);
      expect([401, 403]).not.toContain(res.statusCode);
    });
  });
});
