import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { allVisitRecords, assessmentRecordId, visitRecordsOf } from '@/db/assessments';
import { createRecord, recordObservation, voidRecord } from '@/db/commands';
import type { ChevetDb } from '@/db/database';
import { checkRecords } from '@/db/tolerance';
import { contextFor, freshDb, vitals } from './fixtures';

// The visit screens' and the 10-day strip's reads (one index range per kind): what each returns at its edges.

describe("a participant's visit records and check records", () => {
  let db: ChevetDb;
  const physician = contextFor('physician');
  const nurse = contextFor('nurse');
  let patientId: string;
  let otherId: string;

  const participant = (id: string, trialNumber: string) =>
    createRecord(db, physician, {
      kind: 'participant',
      recordId: id,
      patientId: id,
      data: { trialNumber, initials: 'AB' },
    });
  const form = (id: string, visit: 'M0' | 'M3', mgPerDay: number) =>
    createRecord(db, physician, {
      kind: 'assessment',
      recordId: assessmentRecordId(id, visit, 'prednisone'),
      patientId: id,
      data: { visit, form: 'prednisone', assessedOn: '2026-03-02', mgPerDay },
    });
  const signature = (id: string, recordId: string) =>
    recordObservation(db, physician, {
      kind: 'signature',
      patientId: id,
      data: {
        signer: physician.userId,
        signerName: 'Dr Léa Martin',
        role: 'physician',
        meaning: 'visit-forms',
        signedAt: '2026-03-02T11:00:00+01:00',
        recordId,
        recordRev: 1,
        contentHash: 'a'.repeat(64),
        method: 'pin',
      },
    });

  beforeEach(async () => {
    db = freshDb();
    patientId = uuidv7();
    otherId = uuidv7();
    await participant(patientId, 'MSC-LES-01');
    await participant(otherId, 'MSC-LES-02');
  });
  afterEach(async () => {
    db.close();
    await db.delete();
  });

  it("gives the participant's forms, missed visits and signatures, without voided ones or another participant's", async () => {
    await form(patientId, 'M0', 20);
    const m3 = await form(patientId, 'M3', 10);
    await form(otherId, 'M0', 5);
    await signature(patientId, assessmentRecordId(patientId, 'M0', 'prednisone'));
    await signature(otherId, assessmentRecordId(otherId, 'M0', 'prednisone'));
    await recordObservation(db, physician, {
      kind: 'visitMissed',
      patientId,
      data: { visit: 'M1', reason: 'Hospitalisée ailleurs', declaredAt: '2026-04-02T10:00:00+02:00' },
    });
    expect(m3.ok).toBe(true);
    await voidRecord(db, physician, {
      recordId: assessmentRecordId(patientId, 'M3', 'prednisone'),
      reason: 'Saisi sur le mauvais dossier',
    });

    const mine = await visitRecordsOf(db, patientId);
    expect(mine.assessments.map((r) => r.data.visit)).toEqual(['M0']);
    expect(mine.missed.map((r) => r.data.visit)).toEqual(['M1']);
    expect(mine.signatures.map((r) => r.data.recordId)).toEqual([
      assessmentRecordId(patientId, 'M0', 'prednisone'),
    ]);

    const all = await allVisitRecords(db);
    expect([...all.keys()].sort()).toEqual([patientId, otherId].sort());
    expect(all.get(patientId)).toEqual(mine);
    expect(all.get(otherId)!.assessments.map((r) => r.data.mgPerDay)).toEqual([5]);
    expect(all.get(otherId)!.missed).toEqual([]);
  });

  it('nothing for a participant without any', async () => {
    expect(await visitRecordsOf(db, uuidv7())).toEqual({ assessments: [], missed: [], signatures: [] });
    expect(await checkRecords(db, uuidv7())).toEqual([]);
  });

  it("the strip's records: the participant's check answers and vital-sign sets, of no other kind or participant", async () => {
    await recordObservation(db, nurse, {
      kind: 'vitalSigns',
      patientId,
      data: vitals('2026-03-03T09:05:00+01:00', { checkId: 'day-1' }),
    });
    await recordObservation(db, nurse, {
      kind: 'vitalSigns',
      patientId: otherId,
      data: vitals('2026-03-03T09:06:00+01:00', { checkId: 'day-1' }),
    });
    await recordObservation(db, nurse, {
      kind: 'monitoringCheck',
      patientId,
      data: { checkId: 'day-1', doneAt: '2026-03-03T09:10:00+01:00', answers: [] },
    });
    await form(patientId, 'M0', 20);
    const records = await checkRecords(db, patientId);
    expect(records.map((r) => [r.kind, r.patientId])).toEqual([
      ['monitoringCheck', patientId],
      ['vitalSigns', patientId],
    ]);
  });
});
