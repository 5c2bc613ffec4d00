import {
  errorBodySchema,
  pullResponseSchema,
  pushResponseSchema,
  type Mutation,
  type PullResponse,
  type PushResponse,
} from '@/schema/sync';
import { peopleDirectorySchema, type PeopleDirectory } from '@/schema/review';

/** The calls the sync engine makes; the HTTP one below, or a simulated network in tests. */
export interface SyncApi {
  /** `outboxOldestAt`: the tablet's outbox report (issue 24), optional on the wire. */
  push(body: {
    deviceId: string;
    mutations: Mutation[];
    outboxOldestAt?: string | null;
  }): Promise<PushResponse>;
  pull(after: number, limit: number): Promise<PullResponse>;
  /** The store's people directory (issue 24); a simulated network may have none. */
  people?(): Promise<PeopleDirectory>;
}

/** Why a sync call failed, in terms the indicator can explain to a person. */
export type SyncFailureKind = 'offline' | 'unauthorized' | 'device-revoked' | 'server' | 'refused';

export class SyncFailure extends Error {
  constructor(
    readonly kind: SyncFailureKind,
    message: string,
    readonly code?: string,
    /** The HTTP status of the answer, when the store answered: tells a batch the store could not take apart. */
    readonly status?: number,
  ) {
    super(message);
  }
}

export type HttpSyncApiOptions = {
  baseUrl?: string;
  /** The current access token; the session refreshes it when it expires. */
  accessToken: () => Promise<string | null>;
  fetch?: typeof fetch;
};

export function httpSyncApi(options: HttpSyncApiOptions): SyncApi {
  const base = options.baseUrl ?? '';
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  async function call<T>(path: string, init: RequestInit, parse: (body: unknown) => T): Promise<T> {
    const token = await options.accessToken();
    if (!token) throw new SyncFailure('unauthorized', 'Not signed in online.');
    let response: Response;
    try {
      response = await doFetch(base + path, {
        ...init,
        headers: {
          ...(init.body ? { 'content-type': 'application/json' } : {}),
          authorization: `Bearer ${token}`,
        },
      });
    } catch {
      throw new SyncFailure('offline', 'The central store cannot be reached.');
    }
    const body: unknown = await response.json().catch(() => null);
    if (response.ok) return parse(body);
    const error = errorBodySchema.safeParse(body);
    const code = error.success ? error.data.error.code : undefined;
    const message = error.success ? error.data.error.message : `HTTP ${response.status}`;
    const { status } = response;
    if (status === 401)
      throw new SyncFailure(
        code === 'device-revoked' ? 'device-revoked' : 'unauthorized',
        message,
        code,
        status,
      );
    if (status >= 500 || status === 429) throw new SyncFailure('server', message, code, status);
    throw new SyncFailure('refused', message, code, status);
  }
  return {
    push: (body) =>
      call('/api/sync/push', { method: 'POST', body: JSON.stringify(body) }, (b) =>
        pushResponseSchema.parse(b),
      ),
    pull: (after, limit) =>
      call(`/api/sync/pull?after=${after}&limit=${limit}`, { method: 'GET' }, (b) =>
        pullResponseSchema.parse(b),
      ),
    people: () => call('/api/people', { method: 'GET' }, (b) => peopleDirectorySchema.parse(b)),
  };
}
