import type { ChevetDb } from '@/db/database';
import { mutationOf } from '@/db/set-aside';
import type { StoredRevision } from '@/db/types';
import { rederiveRecords } from './rederive';

// A participant whose creation the store refused (e.g. trial-number-taken) takes everything written about it
// with it: the store refuses those records too ("unknown participant"). Once the participant is created again
// (under another number), those refused revisions are sent again as they are, same mutation ids (the store never
// stored them), oldest first: nothing entered is lost, nothing is retyped.

/** Why the store refused a record only because its participant or record had not reached it. */
const WAITING_FOR_PARTICIPANT = /^unknown (participant|record)/;

/** Puts the refused revisions of this participant's other records back in the outbox; returns how many. */
export async function resendRefusedDependents(db: ChevetDb, patientId: string, now: Date): Promise<number> {
  return db.transaction('rw', [db.records, db.revisions, db.outbox], async () => {
    const records = await db.records.where('patientId').equals(patientId).toArray();
    const ids = records.filter((r) => r.kind !== 'participant').map((r) => r.id);
    const refused = (await db.revisions.where('recordId').anyOf(ids).toArray())
      .filter((r) => r.status === 'rejected' && WAITING_FOR_PARTICIPANT.test(r.rejectReason ?? ''))
      .sort((a, b) => a.at.localeCompare(b.at) || a.mutationId.localeCompare(b.mutationId));
    for (const revision of refused) {
      const { rejectReason: _reason, ...rest } = revision;
      await db.revisions.put({ ...rest, status: 'pending' });
      await db.outbox.add({
        mutationId: revision.mutationId,
        recordId: revision.recordId,
        userId: revision.userId,
        mutation: mutationOf(revision),
        queuedAt: now.toISOString(),
        attempts: 0,
      });
    }
    await rederiveRecords(db, new Set(refused.map((r) => r.recordId)));
    return refused.length;
  });
}

// Before the per-author push (issue 21), a shared tablet pushed every person's entries with the last unlocked
// person's token, and the store refused the others' as `author-mismatch` (e.g. a physician's waiver and its
// signature written after a switch of user). Those entries are the right person's, never reached the store, and
// were set aside for good. Now that each person's entries go only with their own token, they are put back in the
// outbox once, unchanged (same mutation ids), to go with their author's next sync. One time per entry: the audit
// says it was re-queued, so an entry refused again stays set aside (shown to its author) instead of looping.

export const AUTHOR_MISMATCH = 'author-mismatch';
const REQUEUED_REASON = 'requeued: set aside as author-mismatch before the per-author push';

const misattributed = (r: StoredRevision) =>
  r.status === 'rejected' &&
  (r.rejectCode === AUTHOR_MISMATCH || (!r.rejectCode && /^author mismatch/.test(r.rejectReason ?? '')));

/** The one-time outbox repair, run at sync start: re-queues entries set aside as author-mismatch; how many. */
export async function requeueMisattributed(db: ChevetDb, now: Date): Promise<number> {
  return db.transaction('rw', [db.records, db.revisions, db.outbox, db.audit], async () => {
    // Oldest first, as they were written (a signature after the record it signs).
    const candidates = (await db.revisions.where('status').equals('rejected').toArray())
      .filter(misattributed)
      .sort((a, b) => a.at.localeCompare(b.at) || a.mutationId.localeCompare(b.mutationId));
    const requeued: StoredRevision[] = [];
    for (const revision of candidates) {
      const history = await db.audit.where('recordId').equals(revision.recordId).toArray();
      if (history.some((a) => a.mutationId === revision.mutationId && a.reason === REQUEUED_REASON)) continue;
      if (await db.outbox.where('mutationId').equals(revision.mutationId).count()) continue;
      const {
        rejectCode: _code,
        rejectReason: _reason,
        rejectedAt: _at,
        acknowledgedAt: _ack,
        acknowledgedBy: _by,
        ...rest
      } = revision;
      const pending: StoredRevision = { ...rest, status: 'pending' };
      await db.revisions.put(pending);
      await db.outbox.add({
        mutationId: revision.mutationId,
        recordId: revision.recordId,
        userId: revision.userId,
        mutation: mutationOf(pending),
        queuedAt: now.toISOString(),
        attempts: 0,
      });
      await db.audit.add({
        at: now.toISOString(),
        userId: revision.userId,
        deviceId: revision.deviceId,
        recordId: revision.recordId,
        kind: revision.kind,
        action: 'sync-resent',
        after: revision.data,
        reason: REQUEUED_REASON,
        mutationId: revision.mutationId,
      });
      requeued.push(revision);
    }
    await rederiveRecords(db, new Set(requeued.map((r) => r.recordId)));
    return requeued.length;
  });
}
