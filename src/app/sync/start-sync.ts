import { getDb } from '@/db/database';

type Running = { key: string; stop: () => void };
let running: Running | undefined;

/**
 * Starts the sync engine for the person the sync works for, on this tablet's device registration. Loaded lazily:
 * the engine, its response schemas (zod) and the token provider stay out of the initial bundle. Restarted when
 * that person or device changes (a new sign-in also retries a sync that was waiting for one).
 */
export async function startSync(userId: string, deviceId: string) {
  const key = `${userId}:${deviceId}`;
  if (running?.key === key) return;
  running?.stop();
  running = { key, stop: () => undefined };
  const [{ SyncEngine }, { httpSyncApi }, { accessTokenProvider }, { requeueMisattributed }] =
    await Promise.all([
      import('@/sync/engine'),
      import('@/sync/api'),
      import('@/session/access-token'),
      import('@/sync/requeue'),
    ]);
  if (running?.key !== key) return;
  // One-time repair: entries set aside as author-mismatch before the per-author push go back in the outbox.
  await requeueMisattributed(getDb(), new Date());
  if (running?.key !== key) return;
  // Per-author push (shared tablet): only this person's outbox entries go with this person's token; the entries
  // another person wrote here wait on the tablet for that person's own sync (the store takes a record only from
  // its author's token).
  const engine = new SyncEngine({
    db: getDb(),
    api: httpSyncApi({ accessToken: accessTokenProvider(userId) }),
    deviceId,
    userId,
  });
  engine.start();
  running = { key, stop: () => engine.stop() };
}

export function stopSync() {
  running?.stop();
  running = undefined;
}
