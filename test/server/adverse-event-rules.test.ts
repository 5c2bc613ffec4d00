import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { buildApp } from '../../server/app';
import { createTestStore, STORE_KIND, type TestStore } from './test-store';
import { pushAs } from './sync-fixtures';
import { addSignedInUser, type SignedInUser } from './people-fixtures';

// Issue 22: nurses record adverse events, physicians assess them. The store enforces it whatever a tablet sends:
// a nurse's mutation that sets or changes relatedness, expectedness, the DLT decision or the sponsor notification
// (compared with the revision it was made on) is rejected; the same content from a physician applies.

describe(`adverse events: who may write what, on the store (${STORE_KIND})`, () => {
  let testStore: TestStore;
  let app: FastifyInstance;
  let physician: SignedInUser;
  let nurse: SignedInUser;
  let dataManager: SignedInUser;

  beforeAll(async () => {
    testStore = await createTestStore();
    app = await buildApp({ store: testStore.store });
    physician = await addSignedInUser(testStore.store, 'physician');
    nurse = await addSignedInUser(testStore.store, 'nurse');
    dataManager = await addSignedInUser(testStore.store, 'data-manager');
  });
  afterAll(async () => {
    await app.close();
    await testStore.drop();
  });

  const push = (user: SignedInUser, mutations: unknown[]) => pushAs(app, user, mutations);
  const mutation = (over: Record<string, unknown>) => ({
    mutationId: uuidv7(),
    recordId: uuidv7(),
    op: 'create',
    baseRev: null,
    at: '2026-03-02T19:00:00+01:00',
    ...over,
  });
  const event = {
    term: { kind: 'ctcae', version: '5.0', meddraCode: 10016558 },
    grade: 3,
    onsetAt: '2026-03-02T18:00:00+01:00',
    serious: true,
    seriousness: ['hospitalisation'],
    awareAt: '2026-03-02T18:30:00+01:00',
  };

  it('refuses a nurse’s causality assessment, applies the physician’s, and lets the nurse carry it unchanged', async () => {
    const patientId = uuidv7();
    const created = await push(physician, [
      mutation({
        recordId: patientId,
        patientId,
        kind: 'participant',
        data: { trialNumber: 'MSC-LES-31', initials: 'AE' },
      }),
    ]);
    expect(created[0]!.status).toBe('applied');
    const recordId = uuidv7();
    const [assessedAtCreation, plain] = await push(nurse, [
      mutation({
        recordId: uuidv7(),
        patientId,
        kind: 'adverseEvent',
        data: { ...event, relatedness: 'possible' },
      }),
      mutation({ recordId, patientId, kind: 'adverseEvent', data: event }),
    ]);
    expect(assessedAtCreation).toMatchObject({
      status: 'rejected',
      reason: expect.stringMatching(/relatedness/),
    });
    expect(plain!.status).toBe('applied');

    const revise = (data: Record<string, unknown>, baseRev: number) =>
      mutation({
        recordId,
        patientId,
        kind: 'adverseEvent',
        op: 'revise',
        baseRev,
        data,
        reason: 'évaluation',
      });
    const [byNurse] = await push(nurse, [revise({ ...event, relatedness: 'probable' }, 1)]);
    expect(byNurse).toMatchObject({ status: 'rejected', reason: expect.stringMatching(/physician-only/) });
    const notified = { sponsorNotifiedAt: '2026-03-03T09:00:00+01:00', sponsorNotificationMethod: 'eCRF' };
    const [notifiedByNurse] = await push(nurse, [revise({ ...event, ...notified }, 1)]);
    expect(notifiedByNurse!.status).toBe('rejected');

    const assessed = { ...event, relatedness: 'probable', expectedness: 'unexpected', ...notified };
    const [byPhysician] = await push(physician, [revise(assessed, 1)]);
    expect(byPhysician).toMatchObject({ status: 'applied', rev: 2 });
    // The nurse records the end on top of the assessed revision: the assessment travels unchanged.
    const [ended] = await push(nurse, [revise({ ...assessed, endedAt: '2026-03-05T08:00:00+01:00' }, 2)]);
    expect(ended).toMatchObject({ status: 'applied', rev: 3 });
    // …and removing it is a change, refused.
    const [dropped] = await push(nurse, [revise(event, 3)]);
    expect(dropped!.status).toBe('rejected');
  });

  it('keeps the tolerance kinds to clinicians, and the DLT determination to physicians', async () => {
    const patientId = uuidv7();
    await push(physician, [
      mutation({
        recordId: patientId,
        patientId,
        kind: 'participant',
        data: { trialNumber: 'MSC-LES-32', initials: 'AF' },
      }),
    ]);
    const [byDataManager] = await push(dataManager, [
      mutation({ patientId, kind: 'adverseEvent', data: event }),
    ]);
    expect(byDataManager!.status).toBe('rejected');
    const determination = {
      windowStartsAt: Date.parse('2026-03-02T09:00:00+01:00'),
      windowEndsAt: Date.parse('2026-03-12T23:59:59+01:00'),
      events: [],
      dlt: false,
      decidedAt: '2026-03-13T09:00:00+01:00',
    };
    const [byNurse] = await push(nurse, [
      mutation({ patientId, kind: 'toleranceDetermination', data: determination }),
    ]);
    expect(byNurse!.status).toBe('rejected');
    const [byPhysician] = await push(physician, [
      mutation({ patientId, kind: 'toleranceDetermination', data: determination }),
    ]);
    expect(byPhysician!.status).toBe('applied');
  });
});
