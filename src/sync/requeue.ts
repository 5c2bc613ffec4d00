import type { ChevetDb } from '@/db/database';
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
        mutation: {
          mutationId: revision.mutationId,
          recordId: revision.recordId,
          kind: revision.kind,
          patientId: revision.patientId,
          op: revision.op,
          baseRev: revision.baseRev,
          data: revision.data,
          ...(revision.reason ? { reason: revision.reason } : {}),
          ...(revision.supersedes ? { supersedes: revision.supersedes } : {}),
          at: revision.at,
          userId: revision.userId,
          deviceId: revision.deviceId,
        },
        queuedAt: now.toISOString(),
        attempts: 0,
      });
    }
    await rederiveRecords(db, new Set(refused.map((r) => r.recordId)));
    return refused.length;
  });
}
