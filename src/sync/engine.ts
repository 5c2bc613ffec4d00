import { liveQuery, type Subscription } from 'dexie';
import type { ChevetDb } from '@/db/database';
import { SyncFailure, type SyncApi } from './api';
import { backoffDelay } from './backoff';
import { refreshDirectory } from './directory';
import { pullChanges } from './pull';
import { pushOutbox } from './push';
import { useSyncStatus } from './status-store';
import { registerSyncTrigger } from './trigger';

export type SyncEngineOptions = {
  db: ChevetDb;
  api: SyncApi;
  deviceId: string;
  /** The person whose session syncs: only their outbox entries are pushed with it. */
  userId?: string;
  now?: () => Date;
  random?: () => number;
  /** Regular sync while all is well (a second tablet's data arrives even when nobody writes here). */
  periodMs?: number;
};

export type SyncOutcome =
  { ok: true; pushed: number; setAside: number; pulled: number } | { ok: false; error: SyncFailure };

/**
 * Runs sync rounds (push the outbox, then pull until caught up) on every trigger: start, the `online` event,
 * after a write, a periodic timer, and the "Sync now" button. A failed round is retried with backoff and jitter.
 * One round at a time: a trigger during a round asks for one more round after it.
 */
export class SyncEngine {
  private running: Promise<SyncOutcome> | null = null;
  private again = false;
  private failures = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopped = true;
  private readonly now: () => Date;
  private readonly random: () => number;
  private readonly periodMs: number;
  private outboxWatch: Subscription | undefined;
  private afterWriteTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly options: SyncEngineOptions) {
    this.now = options.now ?? (() => new Date());
    this.random = options.random ?? Math.random;
    this.periodMs = options.periodMs ?? 60_000;
  }

  /** Starts listening to triggers and runs a first round. */
  start() {
    if (!this.stopped) return;
    this.stopped = false;
    if (typeof window !== 'undefined') window.addEventListener('online', this.onOnline);
    registerSyncTrigger(() => void this.syncNow());
    // After a write (here or in another tab), push soon: the outbox grew. Debounced so a burst is one round.
    let previous = Infinity;
    this.outboxWatch = liveQuery(() => this.options.db.outbox.count()).subscribe((count) => {
      if (count > previous && (typeof navigator === 'undefined' || navigator.onLine)) {
        clearTimeout(this.afterWriteTimer);
        this.afterWriteTimer = setTimeout(() => void this.syncNow(), 300);
      }
      previous = count;
    });
    void this.syncNow();
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    clearTimeout(this.afterWriteTimer);
    this.outboxWatch?.unsubscribe();
    registerSyncTrigger(undefined);
    if (typeof window !== 'undefined') window.removeEventListener('online', this.onOnline);
  }

  private readonly onOnline = () => {
    this.failures = 0;
    void this.syncNow();
  };

  /** A trigger: runs a round now, or one more right after the running one. */
  syncNow(): Promise<SyncOutcome> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.round().finally(() => {
      this.running = null;
      if (this.again && !this.stopped) {
        this.again = false;
        void this.syncNow();
      }
    });
    return this.running;
  }

  private async round(): Promise<SyncOutcome> {
    const { db, api, deviceId } = this.options;
    clearTimeout(this.timer);
    useSyncStatus.setState({
      syncing: true,
      lastAttemptAt: this.now().toISOString(),
      nextRetryAt: undefined,
    });
    try {
      const push = await pushOutbox(db, api, deviceId, undefined, this.options.userId);
      const pulled = await pullChanges(db, api);
      await refreshDirectory(db, api, this.now(), pulled > 0);
      // A mutation the store failed on alone waits for the next round; the rest was sent and pulled anyway.
      if (push.failure) throw push.failure;
      const at = this.now().toISOString();
      await updateSyncMeta(db, { lastSuccessAt: at, lastError: undefined });
      this.failures = 0;
      useSyncStatus.setState({ syncing: false, lastSuccessAt: at, lastError: undefined });
      this.schedule(this.periodMs);
      return { ok: true, pushed: push.answered, setAside: push.setAside, pulled };
    } catch (caught) {
      const error =
        caught instanceof SyncFailure
          ? caught
          : new SyncFailure('server', String((caught as Error)?.message ?? caught));
      const at = this.now().toISOString();
      await updateSyncMeta(db, { lastError: error.message }).catch(() => undefined);
      const delay = backoffDelay(this.failures++, this.random());
      useSyncStatus.setState({
        syncing: false,
        lastError: { kind: error.kind, message: error.message, at },
        nextRetryAt: new Date(this.now().getTime() + delay).toISOString(),
      });
      // A revoked tablet or an expired sign-in will not heal by retrying: wait for the person.
      if (error.kind !== 'device-revoked' && error.kind !== 'unauthorized') this.schedule(delay);
      return { ok: false, error };
    }
  }

  private schedule(delay: number) {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.syncNow(), delay);
  }
}

async function updateSyncMeta(
  db: ChevetDb,
  changes: { lastSuccessAt?: string; lastError?: string | undefined },
) {
  await db.transaction('rw', db.meta, async () => {
    const meta = (await db.meta.get('sync')) ?? { key: 'sync' as const, cursor: 0 };
    await db.meta.put({ ...meta, ...changes });
  });
}
