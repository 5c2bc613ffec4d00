import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { createRecord, recordObservation } from '@/db/commands';
import type { ChevetDb } from '@/db/database';
import { listSetAside } from '@/db/set-aside';
import type { Mutation } from '@/schema/sync';
import type { SyncApi } from '@/sync/api';
import { pushOutbox } from '@/sync/push';
import { requeueMisattributed } from '@/sync/requeue';
import { contextFor, freshDb, vitals } from '../db/fixtures';

// Issue 21: before the per-author push, a shared tablet sent the physician's entries with the nurse's token and the
// store set them aside as `author-mismatch`. The one-time repair at sync start puts them back in the outbox.

/** The store as it answered the old push: every mutation of another author than the token's refused. */
function storeSignedInAs(userId: string, log: Mutation[] = []): SyncApi {
  return {
    push: async ({ mutations }) => ({
      results: mutations.map((m) => {
        log.push(m);
        return m.userId === userId
          ? { mutationId: m.mutationId, status: 'applied' as const, seq: log.length, rev: 1 }
          : {
              mutationId: m.mutationId,
              status: 'rejected' as const,
              code: 'author-mismatch',
              reason: 'author mismatch: the mutation claims another user or device than the signed-in one',
            };
      }),
    }),
    pull: async () => ({ changes: [], cursor: 0, hasMore: false }) as never,
  };
}

describe('the one-time re-queue of entries set aside as author-mismatch', () => {
  let db: ChevetDb;
  const physician = contextFor('physician');
  const nurse = { ...contextFor('nurse'), deviceId: physician.deviceId };
  const patientId = uuidv7();

  beforeEach(async () => {
    db = freshDb();
    await createRecord(db, physician, {
      kind: 'participant',
      recordId: patientId,
      patientId,
      data: { trialNumber: 'MSC-LES-64', initials: 'RQ' },
    });
    await recordObservation(db, nurse, {
      kind: 'vitalSigns',
      patientId,
      data: vitals(nurse.now().toISOString()),
    });
    // The old push: everyone's entries with the nurse's token (no per-author filter).
    await pushOutbox(db, storeSignedInAs(nurse.userId), physician.deviceId);
    expect(await db.outbox.count()).toBe(0);
    expect(await listSetAside(db, physician.userId)).toHaveLength(1);
  });
  afterEach(async () => {
    db.close();
    await db.delete();
  });

  it("puts them back in the outbox unchanged, and they reach the store with their author's own session", async () => {
    const [setAside] = await listSetAside(db, physician.userId);
    expect(await requeueMisattributed(db, new Date())).toBe(1);
    expect(await listSetAside(db, physician.userId)).toEqual([]);
    const queued = await db.outbox.toArray();
    expect(queued.map((e) => [e.mutationId, e.userId])).toEqual([[setAside!.mutationId, physician.userId]]);
    expect((await db.records.get(patientId))?.syncState).toBe('pending');

    const sent: Mutation[] = [];
    await pushOutbox(
      db,
      storeSignedInAs(physician.userId, sent),
      physician.deviceId,
      undefined,
      physician.userId,
    );
    expect(sent.map((m) => m.mutationId)).toEqual([setAside!.mutationId]);
    expect(sent[0]!.data).toEqual(setAside!.data);
    expect((await db.records.get(patientId))?.syncState).toBe('synced');
    const audit = await db.audit.where('recordId').equals(patientId).toArray();
    expect(audit.map((a) => a.action)).toContain('sync-resent');
  });

  it('is idempotent and one-time: run again it does nothing, and an entry refused again stays set aside', async () => {
    expect(await requeueMisattributed(db, new Date())).toBe(1);
    expect(await requeueMisattributed(db, new Date())).toBe(0);
    expect(await db.outbox.count()).toBe(1);
    // Refused again (a genuinely misattributed entry): set aside, shown to its author, not re-queued at every start.
    await pushOutbox(db, storeSignedInAs(nurse.userId), physician.deviceId);
    expect(await listSetAside(db, physician.userId)).toHaveLength(1);
    expect(await requeueMisattributed(db, new Date())).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('leaves every other refusal set aside', async () => {
    const revision = (await listSetAside(db, physician.userId))[0]!;
    await db.revisions.update(revision.mutationId, { rejectCode: 'signature-role', rejectReason: 'no' });
    expect(await requeueMisattributed(db, new Date())).toBe(0);
    expect(await listSetAside(db, physician.userId)).toHaveLength(1);
  });
});
