import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app';
import { ChevetDb } from '@/db/database';
import type { WriteContext } from '@/db/write-context';
import { SyncFailure, type SyncApi } from '@/sync/api';
import { pullResponseSchema, pushResponseSchema } from '@/schema/sync';
import { createTestStore, type TestStore } from '../server/test-store';
import { addSignedInUser, type SignedInUser } from '../server/people-fixtures';
import type { Role } from '@/schema/common';

/** The central store in-process, reachable through `inject` (no sockets), restartable on the same data. */
export class SimServer {
  app!: FastifyInstance;
  private constructor(readonly testStore: TestStore) {}

  static async start() {
    const server = new SimServer(await createTestStore());
    server.app = await buildApp({ store: server.testStore.store });
    return server;
  }

  /** A restart: a new app on the same store, as after a crash or a deploy. */
  async restart() {
    await this.app.close();
    this.app = await buildApp({ store: this.testStore.store });
  }

  async stop() {
    await this.app.close();
    await this.testStore.drop();
  }
}

/** An error answer as the HTTP client reports it (src/sync/api.ts): kind by status, the status kept. */
function failureOf(status: number, body: string) {
  const kind = status === 401 ? 'unauthorized' : status >= 500 || status === 429 ? 'server' : 'refused';
  return new SyncFailure(kind, body, undefined, status);
}

/** A SyncApi over `inject`, for one signed-in user on one device. */
export function injectApi(server: SimServer, user: SignedInUser): SyncApi {
  return {
    async push(body) {
      const res = await server.app.inject({
        method: 'POST',
        url: '/api/sync/push',
        headers: user.headers,
        payload: body,
      });
      if (res.statusCode !== 200) throw failureOf(res.statusCode, res.body);
      return pushResponseSchema.parse(res.json());
    },
    async pull(after, limit) {
      const res = await server.app.inject({
        method: 'GET',
        url: `/api/sync/pull?after=${after}&limit=${limit}`,
        headers: user.headers,
      });
      if (res.statusCode !== 200) throw failureOf(res.statusCode, res.body);
      return pullResponseSchema.parse(res.json());
    },
  };
}

/** One simulated tablet: its own IndexedDB, its user and device, a controllable clock. */
export class SimTablet {
  readonly db: ChevetDb;
  readonly ctx: WriteContext;
  private clock = Date.parse('2026-03-02T08:00:00Z');

  constructor(readonly user: SignedInUser & { role: Role }) {
    this.db = new ChevetDb(`tablet-${randomUUID()}`);
    this.ctx = {
      userId: user.userId,
      role: user.role,
      deviceId: user.deviceId,
      now: () => new Date((this.clock += 1000)),
    };
  }

  static async signIn(server: SimServer, role: Role) {
    return new SimTablet(await addSignedInUser(server.testStore.store, role));
  }

  async close() {
    this.db.close();
    await this.db.delete();
  }
}
