import type { ChevetDb } from '@/db/database';
import type { AuditEntry, OutboxEntry, StoredRevision } from '@/db/types';
import type { PushResult } from '@/schema/sync';
import { SyncFailure, type SyncApi } from './api';
import { rederiveRecords } from './rederive';
import { STORE_ERROR } from '@/db/set-aside';
import { rejectionCode } from './rejection';

// Small enough that a batch survives a flaky connection between two rooms, large enough for a first sync.
export const PUSH_BATCH_SIZE = 500;
/**
 * A mutation the store fails on alone this many times in one round, while it stores the others, is set aside
 * (kept on the tablet as refused, shown to its author): it must not hold back the rest of the outbox forever.
 */
export const SET_ASIDE_AFTER = 3;

export type PushReport = {
  /** Mutations the store answered (applied, duplicate, conflict or rejected). */
  answered: number;
  /** Mutations set aside by this tablet because the store failed on each of them alone, again and again. */
  setAside: number;
  /** Entries still waiting after this round, and why: the round is a failure, retried with backoff. */
  failure?: SyncFailure;
};

/**
 * Sends the outbox oldest first, one batch at a time, until it is empty. Each answer is stored in one
 * transaction; a batch whose answer is lost is simply sent again (the server answers `duplicate`).
 *
 * A refused mutation never blocks the others: the store answers it `rejected` and it is set aside. A batch the
 * store fails on as a whole (a 500, a body it will not take) is split in halves until the failing mutation is
 * alone, so that the others drain; that one is retried alone, and set aside after SET_ASIDE_AFTER failures in a
 * round where the store stored other mutations (so an outage of the store sets nothing aside: it fails everything).
 * A network failure, an expired sign-in or a busy store stops the round instead, to be retried whole.
 */
export async function pushOutbox(
  db: ChevetDb,
  api: SyncApi,
  deviceId: string,
  batchSize = PUSH_BATCH_SIZE,
  /** On a shared tablet, only this person's entries go with this person's session; the others wait for theirs. */
  userId?: string,
): Promise<PushReport> {
  const report: PushReport = { answered: 0, setAside: 0 };
  /** Entries that failed alone in this round, with their failure: not sent again by the main loop. */
  const failing = new Map<number, { entry: OutboxEntry; error: SyncFailure }>();
  let stalled = false;
  /** The outbox report the store last received from this round (undefined: none sent yet). */
  let reported: string | null | undefined;

  const send = async (batch: OutboxEntry[]): Promise<void> => {
    await db.outbox.bulkUpdate(
      batch.map((entry) => ({ key: entry.order!, changes: { attempts: entry.attempts + 1 } })),
    );
    let results: PushResult[];
    const outboxOldestAt = await oldestQueuedAt(db, new Set(batch.map((entry) => entry.mutationId)));
    try {
      ({ results } = await api.push({
        deviceId,
        mutations: batch.map((entry) => entry.mutation),
        outboxOldestAt,
      }));
      reported = outboxOldestAt;
    } catch (error) {
      if (!failsOnContent(error)) throw error;
      if (batch.length > 1) {
        const half = Math.ceil(batch.length / 2);
        await send(batch.slice(0, half));
        await send(batch.slice(half));
        return;
      }
      const entry = batch[0]!;
      failing.set(entry.order!, { entry, error });
      await db.outbox.update(entry.order!, { lastError: error.message });
      return;
    }
    await storeResults(db, results);
    report.answered += results.length;
    // A server that answered nothing for a non-empty batch would make this loop spin: stop and retry later.
    if (results.length === 0) stalled = true;
  };

  while (!stalled) {
    const ordered = db.outbox.orderBy('order');
    const batch = await ordered
      .filter((entry) => (!userId || entry.userId === userId) && !failing.has(entry.order!))
      .limit(batchSize)
      .toArray();
    if (batch.length === 0) break;
    await send(batch);
  }

  // The store took other mutations this round, so it works: what it keeps failing on alone is that mutation's.
  for (const [order, { entry, error: first }] of [...failing]) {
    if (report.answered === 0) break;
    let error: SyncFailure | undefined = first;
    for (let tries = 1; error && tries < SET_ASIDE_AFTER; tries++) {
      failing.delete(order);
      const current = await db.outbox.get(order);
      if (!current) break;
      await send([current]);
      error = failing.get(order)?.error;
    }
    if (!error || !failing.has(order)) continue;
    failing.delete(order);
    await storeResults(db, [
      { mutationId: entry.mutationId, status: 'rejected', code: STORE_ERROR, reason: error.message },
    ]);
    report.setAside += 1;
  }
  await reportOutbox(db, api, deviceId, reported);
  const left = [...failing.values()][0];
  if (left) report.failure = left.error;
  return report;
}

/**
 * When the oldest entry of this tablet's outbox, any author's, but those of `sending`, was queued; null when no
 * other waits. Each push carries it (issue 24): a data manager sees a tablet holding unsent data for long.
 */
async function oldestQueuedAt(db: ChevetDb, sending: ReadonlySet<string>): Promise<string | null> {
  const oldest = await db.outbox
    .orderBy('order')
    .filter((entry) => !sending.has(entry.mutationId))
    .first();
  return oldest?.queuedAt ?? null;
}

/**
 * The outbox report as it stands after the round, sent alone (an empty batch) when it differs from the last one
 * the store received for this device: on a shared tablet, another person's entries may wait while this person
 * has nothing to send, or may have left since. Best effort: a failure waits for the next round.
 */
async function reportOutbox(db: ChevetDb, api: SyncApi, deviceId: string, sent: string | null | undefined) {
  const meta = await db.meta.get('sync');
  const last = sent !== undefined ? sent : meta?.outboxReports?.[deviceId];
  const now = await oldestQueuedAt(db, new Set());
  let stored = sent;
  if (now !== (last ?? null)) {
    try {
      await api.push({ deviceId, mutations: [], outboxOldestAt: now });
      stored = now;
    } catch {
      // Offline or refused: the next round reports again.
    }
  }
  if (stored === undefined || meta?.outboxReports?.[deviceId] === stored) return;
  await db.transaction('rw', db.meta, async () => {
    const current = (await db.meta.get('sync')) ?? { key: 'sync' as const, cursor: 0 };
    await db.meta.put({ ...current, outboxReports: { ...current.outboxReports, [deviceId]: stored } });
  });
}

/** The store answered, and its failure may be this batch's content: splitting the batch can tell. */
function failsOnContent(error: unknown): error is SyncFailure {
  if (!(error instanceof SyncFailure) || error.status === undefined) return false;
  const { status } = error;
  // 401/403: the session or the tablet; 404: no such route; 408/429: the store is busy. Not the content.
  return status === 500 || (status >= 400 && status < 500 && ![401, 403, 404, 408, 429].includes(status));
}

async function storeResults(db: ChevetDb, results: readonly PushResult[]) {
  await db.transaction('rw', [db.outbox, db.revisions, db.records, db.audit], async () => {
    const revisions = await db.revisions.bulkGet(results.map((r) => r.mutationId));
    const updated: StoredRevision[] = [];
    const audit: AuditEntry[] = [];
    const now = new Date().toISOString();
    results.forEach((result, index) => {
      const revision = revisions[index];
      if (!revision) return;
      const next: StoredRevision = { ...revision };
      if (result.seq !== undefined) next.seq = result.seq;
      if (result.rev !== undefined) next.rev = result.rev;
      if (result.status === 'applied' || result.status === 'duplicate') {
        // A duplicate was stored earlier (its answer was lost); the next pull brings its exact server state.
        if (revision.status === 'pending') next.status = 'applied';
      } else if (result.status === 'conflict') {
        next.status = 'conflict';
        audit.push(syncAudit(revision, 'sync-conflict', now));
      } else {
        next.status = 'rejected';
        next.rejectReason = result.reason ?? 'rejected';
        const code = rejectionCode(result);
        if (code) next.rejectCode = code;
        else delete next.rejectCode;
        next.rejectedAt = now;
        delete next.acknowledgedAt;
        delete next.acknowledgedBy;
        audit.push(syncAudit(revision, 'sync-rejected', now, code ?? result.reason));
      }
      updated.push(next);
    });
    await db.revisions.bulkPut(updated);
    if (audit.length) await db.audit.bulkAdd(audit);
    // Answered mutations leave the outbox; a rejected one stays on the tablet as a rejected revision, visible.
    await db.outbox
      .where('mutationId')
      .anyOf(results.map((r) => r.mutationId))
      .delete();
    await rederiveRecords(
      db,
      updated.map((r) => r.recordId),
    );
  });
}

function syncAudit(
  revision: StoredRevision,
  action: 'sync-conflict' | 'sync-rejected',
  at: string,
  reason?: string,
): AuditEntry {
  return {
    at,
    userId: revision.userId,
    deviceId: revision.deviceId,
    recordId: revision.recordId,
    kind: revision.kind,
    action,
    after: revision.data,
    ...(reason ? { reason } : {}),
    mutationId: revision.mutationId,
  };
}
