import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { buildApp } from '../../server/app';
import { assessmentRecordId } from '../../src/schema/assessments';
import { createTestStore, STORE_KIND, type TestStore } from './test-store';
import { pushAs } from './sync-fixtures';
import { addSignedInUser, type SignedInUser } from './people-fixtures';

// Issue 23: a nurse enters the questionnaires (SF-36, EQ-5D) and the biology of a visit; the disease-activity
// instruments are the physician's. The store enforces it whatever a tablet sends; and two tablets creating the same
// visit form meet on one record (its id is derived), the second kept as a conflict.

describe(`visit forms on the store (${STORE_KIND})`, () => {
  let testStore: TestStore;
  let app: FastifyInstance;
  let physician: SignedInUser;
  let nurse: SignedInUser;

  beforeAll(async () => {
    testStore = await createTestStore();
    app = await buildApp({ store: testStore.store });
    physician = await addSignedInUser(testStore.store, 'physician');
    nurse = await addSignedInUser(testStore.store, 'nurse');
  });
  afterAll(async () => {
    await app.close();
    await testStore.drop();
  });

  const push = (user: SignedInUser, mutations: unknown[]) => pushAs(app, user, mutations);
  const create = (patientId: string, recordId: string, data: Record<string, unknown>) => ({
    mutationId: uuidv7(),
    recordId,
    patientId,
    kind: 'assessment',
    op: 'create',
    baseRev: null,
    at: '2026-03-02T10:00:00+01:00',
    data,
  });

  it('refuses a nurse’s SLEDAI, applies her SF-36, and keeps a second tablet’s same form as a conflict', async () => {
    const patientId = uuidv7();
    const [participant] = await push(physician, [
      {
        mutationId: uuidv7(),
        recordId: patientId,
        patientId,
        kind: 'participant',
        op: 'create',
        baseRev: null,
        at: '2026-03-01T10:00:00+01:00',
        data: { trialNumber: 'MSC-LES-32', initials: 'VF' },
      },
    ]);
    expect(participant!.status).toBe('applied');
    const common = { visit: 'M0', assessedOn: '2026-03-02' };
    const sledai = { ...common, form: 'sledai', answers: { arthritis: true } };
    const sf36 = {
      ...common,
      form: 'sf36',
      respondent: 'participant',
      via: 'Infirmière',
      response: { form: 'v2', answers: Array<null>(36).fill(null) },
    };
    const sledaiId = assessmentRecordId(patientId, 'M0', 'sledai');
    const [byNurse, questionnaire] = await push(nurse, [
      create(patientId, sledaiId, sledai),
      create(patientId, assessmentRecordId(patientId, 'M0', 'sf36'), sf36),
    ]);
    expect(byNurse).toMatchObject({
      status: 'rejected',
      reason: expect.stringMatching(/physician-only form: sledai/),
    });
    expect(questionnaire!.status).toBe('applied');

    const [first] = await push(physician, [create(patientId, sledaiId, sledai)]);
    const [second] = await push(physician, [
      create(patientId, sledaiId, { ...sledai, answers: { arthritis: false } }),
    ]);
    expect(first!.status).toBe('applied');
    expect(second!.status).toBe('conflict');
  });
});
