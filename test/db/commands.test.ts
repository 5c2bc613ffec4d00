import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { createRecord, recordObservation, resolveConflict, saveRevision, voidRecord } from '@/db/commands';
import type { ChevetDb } from '@/db/database';
import { contextFor, freshDb, vitals } from './fixtures';

describe('the write commands', () => {
  let db: ChevetDb;
  const physician = contextFor('physician');
  const nurse = contextFor('nurse');
  let patientId: string;

  beforeEach(async () => {
    db = freshDb();
    patientId = uuidv7();
    const created = await createRecord(db, physician, {
      kind: 'participant',
      recordId: patientId,
      patientId,
      data: { trialNumber: 'MSC-LES-01', initials: 'AB' },
    });
    expect(created.ok).toBe(true);
  });
  afterEach(async () => {
    db.close();
    await db.delete();
  });

  async function counts() {
    return {
      records: await db.records.count(),
      revisions: await db.revisions.count(),
      audit: await db.audit.count(),
      outbox: await db.outbox.count(),
    };
  }

  it('writes the record, its revision, its audit entry and its outbox mutation together', async () => {
    const result = await recordObservation(db, nurse, {
      kind: 'vitalSigns',
      patientId,
      data: vitals('2026-03-02T09:15:00+01:00'),
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(await counts()).toEqual({ records: 2, revisions: 2, audit: 2, outbox: 2 });
    const record = await db.records.get(result.recordId);
    expect(record).toMatchObject({
      kind: 'vitalSigns',
      patientId,
      rev: 1,
      createdBy: nurse.userId,
      deviceId: nurse.deviceId,
      syncState: 'pending',
      sortAt: '2026-03-02T09:15:00+01:00',
    });
    const audit = await db.audit.where('recordId').equals(result.recordId).first();
    expect(audit).toMatchObject({
      action: 'create',
      userId: nurse.userId,
      deviceId: nurse.deviceId,
      after: { sbp: 120 },
    });
    const outbox = await db.outbox.where('mutationId').equals(result.mutationId).first();
    expect(outbox?.mutation).toMatchObject({
      op: 'create',
      kind: 'vitalSigns',
      patientId,
      baseRev: null,
      data: { hr: 72 },
    });
  });

  it('writes nothing when the data is invalid, and says which field', async () => {
    const before = await counts();
    const result = await recordObservation(db, nurse, {
      kind: 'vitalSigns',
      patientId,
      data: vitals('2026-03-02T09:15:00+01:00', { sbp: 400 }),
    });
    expect(result).toMatchObject({ ok: false, code: 'invalid', issues: [{ path: 'sbp' }] });
    expect(await counts()).toEqual(before);
  });

  it('writes nothing at all when any part of the transaction fails', async () => {
    const before = await counts();
    // The outbox refuses a second entry with the same mutationId: simulate a failure in the last write.
    db.outbox.hook('creating', () => {
      throw new Error('disk failure');
    });
    await expect(
      recordObservation(db, nurse, {
        kind: 'vitalSigns',
        patientId,
        data: vitals('2026-03-02T09:30:00+01:00'),
      }),
    ).rejects.toThrow();
    expect(await counts()).toEqual(before);
  });

  it('refuses a write by a role that may not write that kind', async () => {
    const result = await createRecord(db, nurse, {
      kind: 'participant',
      recordId: uuidv7(),
      patientId: null,
      data: { trialNumber: 'MSC-LES-02', initials: 'CD' },
    });
    expect(result).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('asks for a reason to change saved data, and keeps every revision', async () => {
    const noReason = await saveRevision(db, physician, {
      recordId: patientId,
      data: { trialNumber: 'MSC-LES-01', initials: 'AB', sex: 'F' },
      reason: '',
    });
    expect(noReason).toMatchObject({ ok: false, code: 'reason-required' });
    physician.tick(60_000);
    const revised = await saveRevision(db, physician, {
      recordId: patientId,
      data: { trialNumber: 'MSC-LES-01', initials: 'AB', sex: 'F' },
      reason: 'sex was missing',
    });
    expect(revised.ok).toBe(true);
    const record = await db.records.get(patientId);
    expect(record).toMatchObject({ rev: 2, data: { sex: 'F' } });
    const revisions = await db.revisions.where('recordId').equals(patientId).toArray();
    expect(revisions.map((r) => [r.rev, r.baseRev])).toEqual([
      [1, null],
      [2, 1],
    ]);
    const audit = await db.audit.where('recordId').equals(patientId).toArray();
    expect(audit.at(-1)).toMatchObject({
      action: 'revise',
      before: { initials: 'AB' },
      after: { sex: 'F' },
      reason: 'sex was missing',
    });
  });

  it('voids with a reason and keeps the voided value', async () => {
    const obs = await recordObservation(db, nurse, {
      kind: 'vitalSigns',
      patientId,
      data: vitals('2026-03-02T09:45:00+01:00'),
    });
    if (!obs.ok) throw new Error('setup');
    expect(await voidRecord(db, nurse, { recordId: obs.recordId, reason: '' })).toMatchObject({
      ok: false,
      code: 'reason-required',
    });
    const voided = await voidRecord(db, nurse, { recordId: obs.recordId, reason: 'wrong patient' });
    expect(voided.ok).toBe(true);
    const record = await db.records.get(obs.recordId);
    expect(record).toMatchObject({ voided: 1, voidReason: 'wrong patient', data: { sbp: 120 } });
    expect(await db.revisions.where('recordId').equals(obs.recordId).count()).toBe(2);
  });

  it('corrects an observation with a new record that supersedes it, never in place', async () => {
    const first = await recordObservation(db, nurse, {
      kind: 'vitalSigns',
      patientId,
      data: vitals('2026-03-02T10:00:00+01:00', { hr: 180 }),
    });
    if (!first.ok) throw new Error('setup');
    expect(
      await saveRevision(db, nurse, {
        recordId: first.recordId,
        data: vitals('2026-03-02T10:00:00+01:00'),
        reason: 'typo',
      }),
    ).toMatchObject({ ok: false, code: 'wrong-mode' });
    const correction = await recordObservation(db, nurse, {
      kind: 'vitalSigns',
      patientId,
      data: vitals('2026-03-02T10:00:00+01:00', { hr: 80 }),
      supersedes: first.recordId,
      reason: 'typed 180 for 80',
    });
    expect(correction.ok).toBe(true);
    expect((await db.records.get(first.recordId))?.data.hr).toBe(180);
  });

  it('removes the draft the save completes, in the same transaction', async () => {
    await db.drafts.put({
      key: 'k1',
      userId: nurse.userId,
      data: { sbp: 12 },
      savedAt: '2026-03-02T10:00:00Z',
    });
    await recordObservation(db, nurse, {
      kind: 'vitalSigns',
      patientId,
      data: vitals('2026-03-02T10:05:00+01:00'),
      draftKey: 'k1',
    });
    expect(await db.drafts.get('k1')).toBeUndefined();
  });

  it('lets only a physician resolve a conflict, and only on a record in conflict', async () => {
    expect(
      await resolveConflict(db, physician, {
        recordId: patientId,
        data: { trialNumber: 'MSC-LES-01', initials: 'AB' },
        reason: 'checked',
      }),
    ).toMatchObject({ ok: false, code: 'not-in-conflict' });
    expect(
      await resolveConflict(db, nurse, {
        recordId: patientId,
        data: { trialNumber: 'MSC-LES-01', initials: 'AB' },
        reason: 'checked',
      }),
    ).toMatchObject({ ok: false, code: 'forbidden' });
  });
});
