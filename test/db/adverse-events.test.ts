import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import {
  gradeAdverseEvent,
  openAdverseEvent,
  participantAdverseEvents,
  recordSponsorNotification,
  reviseAdverseEvent,
} from '@/db/adverse-events';
import { createRecord } from '@/db/commands';
import type { ChevetDb } from '@/db/database';
import { adverseEventTermFor } from '@/domain';
import { contextFor, freshDb } from './fixtures';

describe('adverse-event commands', () => {
  let db: ChevetDb;
  const physician = contextFor('physician');
  const nurse = contextFor('nurse');
  let patientId: string;
  const fever = {
    term: adverseEventTermFor('fever'),
    grade: 2 as const,
    onsetAt: '2026-03-02T18:00:00+01:00',
    serious: false,
    checkId: 'post-360',
  };

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

  it('a nurse opens an event and grades it again later; the worst grade is derived, nothing conflicts', async () => {
    const opened = await openAdverseEvent(db, nurse, { patientId, data: fever });
    expect(opened.ok).toBe(true);
    const id = opened.ok ? opened.recordId : '';
    for (const [grade, gradedAt] of [
      [3, '2026-03-03T09:00:00+01:00'],
      [1, '2026-03-04T09:00:00+01:00'],
    ] as const) {
      const graded = await gradeAdverseEvent(db, nurse, {
        adverseEventId: id,
        grading: { grade, gradedAt, version: '5.0', checkId: 'day-1' },
      });
      expect(graded.ok).toBe(true);
    }
    const [view] = await participantAdverseEvents(db, patientId);
    expect(view!.worstGrade).toBe(3);
    expect(view!.currentGrade).toBe(1);
    expect(view!.history.map((p) => p.grade)).toEqual([2, 3, 1]);
    expect(await db.outbox.count()).toBe(4);
  });

  it('a nurse may not assess relation; a physician may, and records the sponsor notification', async () => {
    const refused = await openAdverseEvent(db, nurse, {
      patientId,
      data: { ...fever, relatedness: 'possible' },
    });
    expect(refused).toMatchObject({ ok: false, code: 'forbidden' });
    const opened = await openAdverseEvent(db, nurse, {
      patientId,
      data: {
        ...fever,
        grade: 3,
        serious: true,
        seriousness: ['hospitalisation'],
        awareAt: '2026-03-02T19:00:00+01:00',
      },
    });
    const id = opened.ok ? opened.recordId : '';
    const event = (await db.records.get(id))!;
    const byNurse = await reviseAdverseEvent(db, nurse, {
      recordId: id,
      data: { ...(event.data as typeof fever), relatedness: 'probable' },
      reason: 'évaluation',
    });
    expect(byNurse).toMatchObject({ ok: false, code: 'forbidden' });
    const byPhysician = await reviseAdverseEvent(db, physician, {
      recordId: id,
      data: { ...(event.data as typeof fever), relatedness: 'probable', relationToProcedure: 'unlikely' },
      reason: 'évaluation médicale',
    });
    expect(byPhysician.ok).toBe(true);
    expect(
      await recordSponsorNotification(db, nurse, {
        recordId: id,
        notifiedAt: '2026-03-03T08:00:00+01:00',
        method: 'eCRF',
        reason: 'notification',
      }),
    ).toMatchObject({ ok: false, code: 'forbidden' });
    const notified = await recordSponsorNotification(db, physician, {
      recordId: id,
      notifiedAt: '2026-03-03T08:00:00+01:00',
      method: 'eCRF',
      reason: 'notification',
    });
    expect(notified.ok).toBe(true);
    const [view] = await participantAdverseEvents(db, patientId);
    expect(view!.data).toMatchObject({ sponsorNotificationMethod: 'eCRF', relatedness: 'probable' });
    // The nurse may still record the end, carrying the assessment unchanged.
    const ended = await reviseAdverseEvent(db, nurse, {
      recordId: id,
      data: { ...view!.data, endedAt: '2026-03-05T08:00:00+01:00', outcome: 'recovered' },
      reason: 'résolution',
    });
    expect(ended.ok).toBe(true);
  });

  it('a grading of an unknown event is refused', async () => {
    expect(
      await gradeAdverseEvent(db, nurse, {
        adverseEventId: uuidv7(),
        grading: { grade: 1, gradedAt: '2026-03-03T09:00:00+01:00', version: '5.0' },
      }),
    ).toMatchObject({ ok: false, code: 'not-found' });
  });
});

describe('what the dose decision reads', () => {
  it('each event at its worst grade over time, with the signed determination’s decision', async () => {
    const { toleranceEvents } = await import('@/db/tolerance');
    const { cohortMemberStatus } = await import('@/domain');
    const db = freshDb();
    const physician = contextFor('physician');
    const patientId = uuidv7();
    await createRecord(db, physician, {
      kind: 'participant',
      recordId: patientId,
      patientId,
      data: { trialNumber: 'MSC-LES-09', initials: 'DD' },
    });
    const opened = await openAdverseEvent(db, physician, {
      patientId,
      data: {
        term: adverseEventTermFor('fever'),
        grade: 1,
        onsetAt: '2026-03-03T09:00:00+01:00',
        serious: false,
        relatedness: 'notRelated',
      },
    });
    const id = opened.ok ? opened.recordId : '';
    await gradeAdverseEvent(db, physician, {
      adverseEventId: id,
      grading: { grade: 3, gradedAt: '2026-03-04T09:00:00+01:00', version: '5.0' },
    });
    const [event] = await toleranceEvents(db, patientId);
    expect(event!.grade).toBe(3);
    const status = cohortMemberStatus({ infusionDate: '2026-03-02', events: [event!], today: '2026-03-13' });
    expect(status).toMatchObject({ infused: true, completed: true, dlt: false, worstGrade: 3 });
    db.close();
    await db.delete();
  });
});
