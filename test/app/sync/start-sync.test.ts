import { afterEach, describe, expect, it, vi } from 'vitest';

// Issue 21 (defect): on a shared tablet the engine pushed every author's outbox entries with the token of whoever
// synced, so a physician's waiver and signature, written during a nurse's session, went with the nurse's token
// and the store refused them ("author mismatch"). The engine must push only its person's entries, with that
// person's own token.

const engines: { options: Record<string, unknown>; start: () => void; stop: () => void }[] = [];
const order: string[] = [];
const requeue = vi.fn(async () => {
  order.push('requeue');
  return 0;
});
const tokenFor = vi.fn((userId: string) => async () => `token-of-${userId}`);

vi.mock('@/db/database', () => ({ getDb: () => ({ name: 'db' }) }));
vi.mock('@/sync/api', () => ({ httpSyncApi: (options: unknown) => options }));
vi.mock('@/session/access-token', () => ({ accessTokenProvider: (userId: string) => tokenFor(userId) }));
vi.mock('@/sync/requeue', () => ({ requeueMisattributed: requeue }));
vi.mock('@/sync/engine', () => ({
  SyncEngine: class {
    constructor(public options: Record<string, unknown>) {
      engines.push(this as never);
    }
    start() {
      order.push('start');
    }
    stop() {}
  },
}));

const { startSync, stopSync } = await import('@/app/sync/start-sync');

describe('the sync engine started for a person on a shared tablet', () => {
  afterEach(() => {
    stopSync();
    engines.length = 0;
    order.length = 0;
  });

  it("pushes only that person's outbox entries, with that person's own token", async () => {
    await startSync('nurse-1', 'device-1');
    expect(engines).toHaveLength(1);
    const { options } = engines[0]!;
    expect(options.userId).toBe('nurse-1');
    expect(options.deviceId).toBe('device-1');
    const api = options.api as { accessToken: () => Promise<string> };
    expect(await api.accessToken()).toBe('token-of-nurse-1');

    // The physician unlocks: a new engine, for the physician's entries and token only.
    await startSync('physician-1', 'device-1');
    expect(engines).toHaveLength(2);
    expect(engines[1]!.options.userId).toBe('physician-1');
    expect(await (engines[1]!.options.api as { accessToken: () => Promise<string> }).accessToken()).toBe(
      'token-of-physician-1',
    );
  });

  it('repairs the outbox first: entries set aside as author-mismatch before the per-author push are re-queued', async () => {
    await startSync('physician-1', 'device-1');
    expect(requeue).toHaveBeenCalledWith({ name: 'db' }, expect.any(Date));
    expect(order).toEqual(['requeue', 'start']);
  });
});
