import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { participantAdverseEvents } from '@/db/adverse-events';
import { createRecord } from '@/db/commands';
import type { ChevetDb } from '@/db/database';
import { recordMonitoringCheck } from '@/db/monitoring';
import { adverseEventTermFor } from '@/domain';
import type { ChecklistEntry } from '@/domain/monitoring';
import { contextFor, freshDb, vitals } from './fixtures';

describe('saving a monitoring check', () => {
  let db: ChevetDb;
  const physician = contextFor('physician');
  const nurse = contextFor('nurse');
  let patientId: string;
  const present = (item: 'fever' | 'headache' | 'chills', grade: 1 | 2 | 3): ChecklistEntry => ({
    item,
    present: true,
    term: adverseEventTermFor(item),
    grade,
  });
  const absent = (item: string): ChecklistEntry => ({ item, present: false });

  beforeEach(async () => {
    db = freshDb();
    patientId = uuidv7();
    await createRecord(db, physician, {
      kind: 'participant',
      recordId: patientId,
      patientId,
      data: { trialNumber: 'MSC-LES-01', initials: 'AB' },
    });
  });
  afterEach(async () => {
    db.close();
    await db.delete();
  });

  it('a "present" opens an event; the same term at the next check grades it again; the worst grade is derived', async () => {
    const day1 = await recordMonitoringCheck(db, nurse, {
      patientId,
      checkId: 'day-1',
      doneAt: '2026-03-03T09:10:00+01:00',
      entries: [present('fever', 2), absent('headache')],
      vitals: vitals('2026-03-03T09:05:00+01:00', { temperatureC: 38.9 }),
    });
    expect(day1).toMatchObject({ ok: true, openedEventIds: [expect.any(String)] });
    const day2 = await recordMonitoringCheck(db, nurse, {
      patientId,
      checkId: 'day-2',
      doneAt: '2026-03-04T10:00:00+01:00',
      byPhone: true,
      entries: [present('fever', 1), present('headache', 1)],
    });
    expect(day2.ok && day2.openedEventIds).toHaveLength(1);
    const views = await participantAdverseEvents(db, patientId);
    expect(views.map((v) => [v.data.checkId, v.worstGrade, v.currentGrade, v.history.length])).toEqual([
      ['day-1', 2, 1, 2],
      ['day-2', 1, 1, 1],
    ]);
    const checks = await db.records
      .where('[patientId+kind]')
      .equals([patientId, 'monitoringCheck'])
      .toArray();
    const phone = checks.find((c) => c.data.checkId === 'day-2')!;
    expect(phone.data).toMatchObject({ byPhone: true });
    expect(phone.data.vitalSignsId).toBeUndefined();
    expect((phone.data.answers as { adverseEventId?: string }[])[0]!.adverseEventId).toBe(
      views[0]!.record.id,
    );
  });

  it('writes nothing when one piece is invalid: a check is never half saved', async () => {
    const before = await db.revisions.count();
    const result = await recordMonitoringCheck(db, nurse, {
      patientId,
      checkId: 'day-3',
      doneAt: '2026-03-05T09:00:00+01:00',
      entries: [present('chills', 2)],
      vitals: vitals('2026-03-05T09:00:00+01:00', { spo2: 120 }),
    });
    expect(result).toMatchObject({ ok: false, code: 'invalid' });
    expect(await db.revisions.count()).toBe(before);
    expect(await db.outbox.count()).toBe(1);
  });
});
