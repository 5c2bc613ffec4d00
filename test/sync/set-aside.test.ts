import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { recordObservation, createRecord } from '@/db/commands';
import type { ChevetDb } from '@/db/database';
import { acknowledgeSetAside, listSetAside, sendSetAsideAgain, STORE_ERROR } from '@/db/set-aside';
import { SyncFailure, type SyncApi } from '@/sync/api';
import { SyncEngine } from '@/sync/engine';
import { pullChanges } from '@/sync/pull';
import { pushOutbox, SET_ASIDE_AFTER } from '@/sync/push';
import { contextFor, freshDb, vitals } from '../db/fixtures';
import { injectApi, SimServer, SimTablet } from './harness';
import {
  BAD_COMMENT,
  hasBadText,
  plantBadText,
  storeFailingOnNul,
  storeRejecting,
} from './set-aside-fixtures';

describe('a mutation the store refuses or fails on never blocks the outbox', () => {
  let db: ChevetDb;
  const ctx = contextFor('nurse');
  const patientId = uuidv7();
  beforeEach(() => {
    db = freshDb();
  });
  afterEach(async () => {
    db.close();
    await db.delete();
  });

  async function recordSets(count: number) {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const saved = await recordObservation(db, ctx, {
        kind: 'vitalSigns',
        patientId,
        data: vitals(`2026-03-02T09:${String(10 + i).padStart(2, '0')}:00+01:00`),
      });
      if (!saved.ok) throw new Error('not saved');
      ids.push(saved.mutationId);
    }
    return ids;
  }

  it('splits a batch the store fails on until the failing mutation is alone: the others are stored, that one is set aside', async () => {
    const ids = await recordSets(7);
    await plantBadText(db, ids[4]!);
    const { api, calls } = storeFailingOnNul();

    const report = await pushOutbox(db, api, ctx.deviceId);

    expect(report).toEqual({ answered: 6, setAside: 1 });
    expect(await db.outbox.count()).toBe(0);
    for (const id of ids.filter((_, i) => i !== 4))
      expect(await db.revisions.get(id)).toMatchObject({ status: 'applied' });
    expect(await db.revisions.get(ids[4]!)).toMatchObject({
      status: 'rejected',
      rejectCode: STORE_ERROR,
      rejectReason: 'internal error',
      data: { comment: BAD_COMMENT },
    });
    // Every good set was sent in a batch the store took; the bad one alone, SET_ASIDE_AFTER times, then set aside.
    const alone = calls.filter((batch) => batch.length === 1 && hasBadText(batch[0]!));
    expect(alone).toHaveLength(SET_ASIDE_AFTER);
    expect(calls[0]).toHaveLength(7);
    // Kept and shown to its author, with its record marked refused; the audit says what happened.
    expect((await listSetAside(db, ctx.userId)).map((r) => r.mutationId)).toEqual([ids[4]]);
    expect(await db.records.get((await db.revisions.get(ids[4]!))!.recordId)).toMatchObject({
      syncState: 'rejected',
    });
    expect(
      await db.audit
        .where('recordId')
        .anyOf([(await db.revisions.get(ids[4]!))!.recordId])
        .toArray(),
    ).toEqual(
      expect.arrayContaining([expect.objectContaining({ action: 'sync-rejected', reason: STORE_ERROR })]),
    );
  });

  it('sets nothing aside when the store fails on everything (an outage): the round fails and all stays queued', async () => {
    await recordSets(4);
    const down: SyncApi = {
      push: () => Promise.reject(new SyncFailure('server', 'database down', undefined, 500)),
      pull: () => Promise.reject(new SyncFailure('server', 'database down', undefined, 500)),
    };
    const report = await pushOutbox(db, down, ctx.deviceId);
    expect(report.answered).toBe(0);
    expect(report.setAside).toBe(0);
    expect(report.failure?.message).toBe('database down');
    expect(await db.outbox.count()).toBe(4);
    expect(await db.revisions.where('status').equals('rejected').count()).toBe(0);
  });

  it('sets nothing aside when the failing mutation is all there is to send: the store gave no sign it works', async () => {
    const [only] = await recordSets(1);
    await plantBadText(db, only!);
    const { api } = storeFailingOnNul();
    const report = await pushOutbox(db, api, ctx.deviceId);
    expect(report).toMatchObject({ answered: 0, setAside: 0, failure: expect.any(SyncFailure) });
    expect(await db.outbox.count()).toBe(1);
    // A good set written later drains, and then the store has shown it works: the bad one is set aside.
    await recordSets(1);
    expect(await pushOutbox(db, api, ctx.deviceId)).toEqual({ answered: 1, setAside: 1 });
    expect(await db.outbox.count()).toBe(0);
  });

  it('does not take a batch apart when the store is busy or unreachable: the round stops, to be retried whole', async () => {
    const ids = await recordSets(3);
    await plantBadText(db, ids[1]!);
    for (const failure of [
      () => new SyncFailure('server', 'busy', 'rate-limited', 429),
      () => new SyncFailure('server', 'starting', undefined, 503),
      () => new SyncFailure('offline', 'unreachable'),
      () => new SyncFailure('unauthorized', 'expired', 'unauthenticated', 401),
    ]) {
      const { api, calls } = storeFailingOnNul(failure);
      await expect(pushOutbox(db, api, ctx.deviceId)).rejects.toBeInstanceOf(SyncFailure);
      expect(calls).toHaveLength(1);
      expect(await db.outbox.count()).toBe(3);
    }
  });

  it('sets a `rejected` answer aside with its reason code, and the rest of the batch drains', async () => {
    const ids = await recordSets(3);
    const api = storeRejecting({
      [ids[1]!]: { code: 'invalid-text', reason: 'data.comment holds a NUL character or a lone surrogate' },
    });
    expect(await pushOutbox(db, api, ctx.deviceId)).toEqual({ answered: 3, setAside: 0 });
    expect(await db.outbox.count()).toBe(0);
    expect(await db.revisions.get(ids[1]!)).toMatchObject({
      status: 'rejected',
      rejectCode: 'invalid-text',
      rejectReason: 'data.comment holds a NUL character or a lone surrogate',
    });
    expect(await db.revisions.get(ids[0]!)).toMatchObject({ status: 'applied' });
    // A store that sends the code alone as the reason is understood too.
    const [more] = await recordSets(1);
    await pushOutbox(db, storeRejecting({ [more!]: { reason: 'clock-ahead' } }), ctx.deviceId);
    expect(await db.revisions.get(more!)).toMatchObject({
      rejectCode: 'clock-ahead',
      rejectReason: 'clock-ahead',
    });
  });

  it('the engine pulls even while an entry waits, and reports the round as failed so that it retries', async () => {
    const [only] = await recordSets(1);
    await plantBadText(db, only!);
    const { api } = storeFailingOnNul();
    let pulls = 0;
    const engine = new SyncEngine({
      db,
      api: { ...api, pull: async (after, limit) => (pulls++, api.pull(after, limit)) },
      deviceId: ctx.deviceId,
      random: () => 0,
    });
    const outcome = await engine.syncNow();
    engine.stop();
    expect(outcome.ok).toBe(false);
    expect(pulls).toBe(1);
  });

  it('its author acknowledges it (it stays stored) or, when the store failed on it, sends it again', async () => {
    const ids = await recordSets(3);
    await plantBadText(db, ids[0]!);
    const { api } = storeFailingOnNul();
    await pushOutbox(db, api, ctx.deviceId);
    expect(await db.revisions.get(ids[0]!)).toMatchObject({ status: 'rejected', rejectCode: STORE_ERROR });

    // Someone else on this tablet may not dismiss it.
    const colleague = { ...contextFor('nurse'), deviceId: ctx.deviceId };
    expect(await acknowledgeSetAside(db, colleague, ids[0]!)).toEqual({ ok: false, problem: 'not-author' });

    // Sent again: queued with the same mutation id; the store, repaired, stores it.
    expect(await sendSetAsideAgain(db, ctx, ids[0]!)).toEqual({ ok: true });
    expect(await db.revisions.get(ids[0]!)).toMatchObject({ status: 'pending' });
    expect(await db.outbox.where('mutationId').equals(ids[0]!).count()).toBe(1);
    expect(await listSetAside(db, ctx.userId)).toEqual([]);
    const repaired = storeRejecting({});
    expect(await pushOutbox(db, repaired, ctx.deviceId)).toEqual({ answered: 1, setAside: 0 });
    expect(await db.revisions.get(ids[0]!)).toMatchObject({ status: 'applied' });

    // A refusal is acknowledged, never resent: the revision keeps the value, marked acknowledged.
    const [refused] = await recordSets(1);
    await pushOutbox(db, storeRejecting({ [refused!]: { code: 'clock-ahead' } }), ctx.deviceId);
    expect(await sendSetAsideAgain(db, ctx, refused!)).toEqual({ ok: false, problem: 'not-allowed' });
    expect(await acknowledgeSetAside(db, ctx, refused!)).toEqual({ ok: true });
    expect(await listSetAside(db, ctx.userId)).toEqual([]);
    expect(await db.revisions.get(refused!)).toMatchObject({
      status: 'rejected',
      acknowledgedBy: ctx.userId,
      acknowledgedAt: ctx.now().toISOString(),
      data: expect.objectContaining({ sbp: 120 }),
    });
    const actions = (await db.audit.toArray()).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['sync-resent', 'sync-rejected-acknowledged']));
  });
});

describe('against the real central store', () => {
  let server: SimServer;
  let physician: SimTablet;
  let nurse: SimTablet;
  beforeAll(async () => {
    server = await SimServer.start();
    physician = await SimTablet.signIn(server, 'physician');
    nurse = await SimTablet.signIn(server, 'nurse');
  });
  afterAll(async () => {
    await Promise.all([physician, nurse].map((t) => t.close()));
    await server.stop();
  });

  it('a NUL-bearing comment beside good sets: the good sets are stored, the bad one is set aside on the tablet', async () => {
    const patientId = uuidv7();
    await createRecord(physician.db, physician.ctx, {
      kind: 'participant',
      recordId: patientId,
      patientId,
      data: { trialNumber: 'MSC-LES-01', initials: 'AB' },
    });
    await pushOutbox(physician.db, injectApi(server, physician.user), physician.user.deviceId);
    const api = injectApi(server, nurse.user);
    await pullChanges(nurse.db, api);
    const ids: string[] = [];
    for (const minute of [10, 20, 30]) {
      const saved = await recordObservation(nurse.db, nurse.ctx, {
        kind: 'vitalSigns',
        patientId,
        data: vitals(`2026-03-02T09:${minute}:00+01:00`),
      });
      if (saved.ok) ids.push(saved.mutationId);
    }
    await plantBadText(nurse.db, ids[1]!);

    // Before issue 17 this answered 500 for the whole batch, every time: the outbox never drained.
    const report = await pushOutbox(nurse.db, api, nurse.user.deviceId);
    expect(report.failure).toBeUndefined();
    expect(await nurse.db.outbox.count()).toBe(0);
    const { changes } = await api.pull(0, 5000);
    const stored = changes.filter((c) => c.kind === 'vitalSigns' && c.patientId === patientId);
    expect(stored.map((c) => c.mutationId).sort()).toEqual([ids[0], ids[2]].sort());
    expect(await nurse.db.revisions.get(ids[1]!)).toMatchObject({
      status: 'rejected',
      data: expect.objectContaining({ comment: BAD_COMMENT }),
    });
    expect((await listSetAside(nurse.db, nurse.user.userId)).map((r) => r.mutationId)).toEqual([ids[1]]);
  });
});
