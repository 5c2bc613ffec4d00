import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import {
  gradeAdverseEvent,
  openAdverseEvent,
  participantAdverseEvents,
  reviseAdverseEvent,
} from '@/db/adverse-events';
import { createRecord, resolveConflict } from '@/db/commands';
import { adverseEventTermFor } from '@/domain/safety/ctcae';
import { pushOutbox } from '@/sync/push';
import { pullChanges } from '@/sync/pull';
import { injectApi, SimServer, SimTablet } from './harness';

// Issue 22: two nurses' tablets edit one adverse event offline from the same revision. The store keeps both
// revisions and marks the conflict on every tablet — never a silent overwrite —; a nurse cannot settle it, a
// physician resolves it with a reason, and every tablet converges on the resolution. Gradings are observations:
// two nurses grading the same event never conflict, both count.

describe('one adverse event edited offline on two tablets', () => {
  let server: SimServer;
  let day: SimTablet;
  let night: SimTablet;
  let physician: SimTablet;

  beforeAll(async () => {
    server = await SimServer.start();
    day = await SimTablet.signIn(server, 'nurse');
    night = await SimTablet.signIn(server, 'nurse');
    physician = await SimTablet.signIn(server, 'physician');
  });
  afterAll(async () => {
    await Promise.all([day, night, physician].map((t) => t.close()));
    await server.stop();
  });

  const sync = async (tablet: SimTablet) => {
    const api = injectApi(server, tablet.user);
    await pushOutbox(tablet.db, api, tablet.user.deviceId);
    await pullChanges(tablet.db, api);
  };

  it('is a conflict on every tablet, with both versions kept, that a physician resolves', async () => {
    const patientId = uuidv7();
    expect(
      (
        await createRecord(physician.db, physician.ctx, {
          kind: 'participant',
          recordId: patientId,
          patientId,
          data: { trialNumber: 'MSC-LES-91', initials: 'AE' },
        })
      ).ok,
    ).toBe(true);
    await sync(physician);
    await sync(day);
    const base = {
      term: adverseEventTermFor('headache'),
      grade: 2 as const,
      onsetAt: '2026-03-04T09:00:00+01:00',
      serious: false,
      checkId: 'day-2',
    };
    const opened = await openAdverseEvent(day.db, day.ctx, { patientId, data: base });
    expect(opened.ok).toBe(true);
    const id = opened.ok ? opened.recordId : '';
    await sync(day);
    await sync(night);

    // Offline on both: the day nurse records it resolved, the night nurse writes the narrative and a treatment;
    // each also grades it again (observations).
    const ended = await reviseAdverseEvent(day.db, day.ctx, {
      recordId: id,
      data: { ...base, endedAt: '2026-03-05T08:00:00+01:00', outcome: 'recovered' },
      reason: 'résolu ce matin',
      expectedRev: 1,
    });
    const narrated = await reviseAdverseEvent(night.db, night.ctx, {
      recordId: id,
      data: { ...base, narrative: 'céphalées frontales, paracétamol', actions: ['symptomaticTreatment'] },
      reason: 'complément de la nuit',
      expectedRev: 1,
    });
    expect([ended.ok, narrated.ok]).toEqual([true, true]);
    await gradeAdverseEvent(day.db, day.ctx, {
      adverseEventId: id,
      grading: { grade: 1, gradedAt: '2026-03-05T07:00:00+01:00', version: '5.0' },
    });
    await gradeAdverseEvent(night.db, night.ctx, {
      adverseEventId: id,
      grading: { grade: 3, gradedAt: '2026-03-05T02:00:00+01:00', version: '5.0' },
    });

    await sync(day);
    await sync(night);
    await sync(day);
    await sync(physician);
    for (const tablet of [day, night, physician]) {
      expect(await tablet.db.records.get(id)).toMatchObject({ inConflict: 1, syncState: 'conflict' });
      const versions = (await tablet.db.revisions.where('recordId').equals(id).toArray()).map((r) => r.data);
      expect(versions).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ outcome: 'recovered', endedAt: '2026-03-05T08:00:00+01:00' }),
          expect.objectContaining({ narrative: 'céphalées frontales, paracétamol' }),
        ]),
      );
      // Both gradings count, whoever wrote them: the worst grade is the night's 3.
      const [view] = await participantAdverseEvents(tablet.db, patientId);
      expect(view!.gradings).toHaveLength(2);
      expect(view!.worstGrade).toBe(3);
    }

    // A nurse cannot settle it.
    expect(
      await resolveConflict(day.db, day.ctx, {
        recordId: id,
        data: { ...base, endedAt: '2026-03-05T08:00:00+01:00', outcome: 'recovered' },
        reason: 'je garde la mienne',
      }),
    ).toMatchObject({ ok: false, code: 'forbidden' });

    // The physician keeps both nurses' facts.
    const merged = {
      ...base,
      endedAt: '2026-03-05T08:00:00+01:00',
      outcome: 'recovered' as const,
      narrative: 'céphalées frontales, paracétamol',
      actions: ['symptomaticTreatment' as const],
    };
    expect(
      (
        await resolveConflict(physician.db, physician.ctx, {
          recordId: id,
          data: merged,
          reason: 'fusion des deux saisies',
        })
      ).ok,
    ).toBe(true);
    await sync(physician);
    await sync(day);
    await sync(night);
    for (const tablet of [day, night, physician])
      expect(await tablet.db.records.get(id)).toMatchObject({
        inConflict: 0,
        syncState: 'synced',
        data: merged,
      });
  });
});
