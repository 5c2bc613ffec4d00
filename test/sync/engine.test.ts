import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { createRecord, recordObservation, resolveConflict, saveRevision } from '@/db/commands';
import { backoffDelay, BACKOFF_MAX_MS } from '@/sync/backoff';
import { SyncEngine } from '@/sync/engine';
import { SyncFailure, type SyncApi } from '@/sync/api';
import { pushOutbox } from '@/sync/push';
import { pullChanges } from '@/sync/pull';
import { injectApi, SimServer, SimTablet } from './harness';
import { vitals } from '../db/fixtures';

describe('the sync engine against the real central store', () => {
  let server: SimServer;
  let first: SimTablet;
  let second: SimTablet;
  let nurse: SimTablet;

  beforeAll(async () => {
    server = await SimServer.start();
    first = await SimTablet.signIn(server, 'physician');
    second = await SimTablet.signIn(server, 'physician');
    nurse = await SimTablet.signIn(server, 'nurse');
  });
  afterAll(async () => {
    await Promise.all([first, second, nurse].map((t) => t.close()));
    await server.stop();
  });

  const sync = async (tablet: SimTablet, api: SyncApi = injectApi(server, tablet.user)) => {
    await pushOutbox(tablet.db, api, tablet.user.deviceId);
    await pullChanges(tablet.db, api);
  };

  async function newParticipant(trialNumber: string) {
    const id = uuidv7();
    const created = await createRecord(first.db, first.ctx, {
      kind: 'participant',
      recordId: id,
      patientId: id,
      data: { trialNumber, initials: 'AB' },
    });
    expect(created.ok).toBe(true);
    await sync(first);
    return id;
  }

  it('sends the outbox and brings other tablets the same records', async () => {
    const patientId = await newParticipant('MSC-LES-01');
    await sync(nurse);
    const saved = await recordObservation(nurse.db, nurse.ctx, {
      kind: 'vitalSigns',
      patientId,
      data: vitals('2026-03-02T09:00:00+01:00'),
    });
    expect(saved.ok).toBe(true);
    await sync(nurse);
    expect(await nurse.db.outbox.count()).toBe(0);
    await sync(first);
    const onFirst = await first.db.records.where({ patientId, kind: 'vitalSigns' }).toArray();
    expect(onFirst).toHaveLength(1);
    expect(onFirst[0]).toMatchObject({ syncState: 'synced', createdBy: nurse.user.userId, data: { hr: 72 } });
  });

  it('keeps both revisions of a form edited on two tablets from the same base, marks the conflict on both, and resolves it everywhere', async () => {
    const patientId = await newParticipant('MSC-LES-02');
    await sync(second);
    const base = { trialNumber: 'MSC-LES-02', initials: 'AB' };
    expect(
      (
        await saveRevision(first.db, first.ctx, {
          recordId: patientId,
          data: { ...base, comment: 'from first' },
          reason: 'note',
        })
      ).ok,
    ).toBe(true);
    expect(
      (
        await saveRevision(second.db, second.ctx, {
          recordId: patientId,
          data: { ...base, comment: 'from second' },
          reason: 'note',
        })
      ).ok,
    ).toBe(true);
    await sync(first);
    await sync(second);
    await sync(first);
    for (const tablet of [first, second]) {
      const record = await tablet.db.records.get(patientId);
      expect(record).toMatchObject({ inConflict: 1, syncState: 'conflict' });
      const comments = (await tablet.db.revisions.where('recordId').equals(patientId).toArray()).map(
        (r) => r.data.comment,
      );
      expect(comments).toEqual(expect.arrayContaining(['from first', 'from second']));
    }
    const resolved = await resolveConflict(second.db, second.ctx, {
      recordId: patientId,
      data: { ...base, comment: 'from both' },
      reason: 'merged after phone call',
    });
    expect(resolved.ok).toBe(true);
    await sync(second);
    await sync(first);
    for (const tablet of [first, second]) {
      expect(await tablet.db.records.get(patientId)).toMatchObject({
        inConflict: 0,
        syncState: 'synced',
        data: { comment: 'from both' },
      });
    }
  });

  it('resends a batch whose answer was lost, and the store keeps one copy', async () => {
    const patientId = await newParticipant('MSC-LES-03');
    await sync(nurse);
    await recordObservation(nurse.db, nurse.ctx, {
      kind: 'vitalSigns',
      patientId,
      data: vitals('2026-03-02T10:00:00+01:00'),
    });
    const real = injectApi(server, nurse.user);
    const losesAnswer: SyncApi = {
      ...real,
      async push(body) {
        await real.push(body);
        throw new SyncFailure('offline', 'answer lost');
      },
    };
    await expect(pushOutbox(nurse.db, losesAnswer, nurse.user.deviceId)).rejects.toThrow('answer lost');
    expect(await nurse.db.outbox.count()).toBe(1);
    await sync(nurse);
    expect(await nurse.db.outbox.count()).toBe(0);
    const { changes } = await real.pull(0, 5000);
    expect(changes.filter((c) => c.patientId === patientId && c.kind === 'vitalSigns')).toHaveLength(1);
  });

  it('keeps a refused mutation on the tablet, visible, instead of dropping it', async () => {
    const patientId = await newParticipant('MSC-LES-04');
    await sync(nurse);
    await recordObservation(nurse.db, nurse.ctx, {
      kind: 'vitalSigns',
      patientId,
      data: vitals('2026-03-02T11:00:00+01:00'),
    });
    // Tamper with the queued mutation so that the server refuses it (as a newer server rule might).
    const entry = (await nurse.db.outbox.toArray()).at(-1)!;
    await nurse.db.outbox.update(entry.order!, {
      mutation: { ...entry.mutation, data: { ...entry.mutation.data, sbp: 999 } },
    });
    await sync(nurse);
    const revision = await nurse.db.revisions.get(entry.mutationId);
    expect(revision).toMatchObject({ status: 'rejected', rejectReason: expect.any(String) });
    expect(await nurse.db.records.get(entry.recordId)).toMatchObject({ syncState: 'rejected' });
    expect(await nurse.db.outbox.count()).toBe(0);
  });

  it("on a shared tablet, sends each person's entries only with that person's session", async () => {
    const patientId = await newParticipant('MSC-LES-06');
    await sync(nurse);
    const colleague = { ...first.ctx, db: nurse.db };
    // A physician writes on the nurse's tablet (switch user), then the nurse's session syncs.
    await recordObservation(nurse.db, colleague, {
      kind: 'vitalSigns',
      patientId,
      data: vitals('2026-03-02T12:00:00+01:00'),
    });
    await recordObservation(nurse.db, nurse.ctx, {
      kind: 'vitalSigns',
      patientId,
      data: vitals('2026-03-02T12:05:00+01:00'),
    });
    await pushOutbox(nurse.db, injectApi(server, nurse.user), nurse.user.deviceId, 100, nurse.user.userId);
    const waiting = await nurse.db.outbox.toArray();
    expect(waiting.map((e) => e.userId)).toEqual([first.user.userId]);
    await pushOutbox(nurse.db, injectApi(server, first.user), first.user.deviceId, 100, first.user.userId);
    expect(await nurse.db.outbox.count()).toBe(0);
    const { changes } = await injectApi(server, first.user).pull(0, 5000);
    const authors = changes
      .filter((c) => c.patientId === patientId && c.kind === 'vitalSigns')
      .map((c) => c.userId);
    expect(authors.sort()).toEqual([first.user.userId, nurse.user.userId].sort());
  });

  it('retries a failed round with growing delays and reports the error in plain words', async () => {
    const offline: SyncApi = {
      push: () => Promise.reject(new SyncFailure('offline', 'unreachable')),
      pull: () => Promise.reject(new SyncFailure('offline', 'unreachable')),
    };
    const engine = new SyncEngine({
      db: nurse.db,
      api: offline,
      deviceId: nurse.user.deviceId,
      random: () => 0.5,
    });
    const outcome = await engine.syncNow();
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.error.kind).toBe('offline');
    expect((await nurse.db.meta.get('sync'))?.lastError).toBe('unreachable');
    engine.stop();
  });
});

describe('retry delays', () => {
  it('grow exponentially, stay jittered within their bounds, and never exceed the cap', () => {
    expect(backoffDelay(0, 0)).toBe(1000);
    expect(backoffDelay(0, 0.999)).toBeLessThanOrEqual(2000);
    expect(backoffDelay(3, 0.999)).toBeGreaterThan(backoffDelay(1, 0.999));
    expect(backoffDelay(50, 0.999)).toBeLessThanOrEqual(BACKOFF_MAX_MS);
  });
});
