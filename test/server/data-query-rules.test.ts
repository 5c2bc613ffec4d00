import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { buildApp } from '../../server/app';
import { createTestStore, STORE_KIND, type TestStore } from './test-store';
import { addSignedInUser, type SignedInUser } from './people-fixtures';
import { newMutation, vitalsData, pushAs } from './sync-fixtures';

// Issue 24 item 2: a data query's lifecycle on the store, pushed as a modified client would. Only a data manager
// raises, closes and re-opens; only a nurse or physician answers; the queried record, the query and an answer's
// correction must be on the store; the thread is kept whole (every message a stored observation).

describe(`data queries on the store (${STORE_KIND})`, () => {
  let testStore: TestStore;
  let app: FastifyInstance;
  let physician: SignedInUser;
  let nurse: SignedInUser;
  let manager: SignedInUser;
  let patientId: string;
  let vitalsId: string;

  const push = (user: SignedInUser, mutations: unknown[]) => pushAs(app, user, mutations);
  const query = (data: Record<string, unknown>, over: Record<string, unknown> = {}) =>
    newMutation({ kind: 'dataQuery', patientId, data, ...over });
  const raise = (over: Record<string, unknown> = {}) =>
    query({
      action: 'raise',
      target: { recordId: vitalsId, kind: 'vitalSigns', rev: 1, field: 'sbp' },
      text: 'Valeur improbable, merci de vérifier',
      ...over,
    });

  beforeAll(async () => {
    testStore = await createTestStore();
    app = await buildApp({ store: testStore.store });
    physician = await addSignedInUser(testStore.store, 'physician');
    nurse = await addSignedInUser(testStore.store, 'nurse');
    manager = await addSignedInUser(testStore.store, 'data-manager');
    patientId = uuidv7();
    vitalsId = uuidv7();
    const [participant] = await push(physician, [
      newMutation({
        recordId: patientId,
        patientId,
        kind: 'participant',
        data: { trialNumber: 'MSC-LES-33', initials: 'DQ' },
      }),
    ]);
    const [vitals] = await push(nurse, [
      newMutation({ recordId: vitalsId, patientId, kind: 'vitalSigns', data: vitalsData({ sbp: 260 }) }),
    ]);
    expect([participant!.status, vitals!.status]).toEqual(['applied', 'applied']);
  });
  afterAll(async () => {
    await app.close();
    await testStore.drop();
  });

  it('keeps the whole lifecycle: raised, answered with a correction, closed, re-opened, answered, closed', async () => {
    const raised = raise();
    expect((await push(manager, [raised]))[0]!.status).toBe('applied');
    const queryId = raised.recordId as string;

    // The nurse corrects the value (an observation superseding the set) and links it from her answer, in one push.
    const correction = newMutation({
      kind: 'vitalSigns',
      patientId,
      supersedes: vitalsId,
      reason: 'transcription error',
      data: vitalsData({ sbp: 126 }),
    });
    const answer = query({
      action: 'answer',
      queryId,
      text: 'Erreur de saisie, corrigée',
      correction: { recordId: correction.recordId, mutationId: correction.mutationId },
    });
    expect((await push(nurse, [correction, answer])).map((r) => r.status)).toEqual(['applied', 'applied']);

    const thread = [
      query({ action: 'close', queryId }),
      query({ action: 'reopen', queryId, text: 'Merci de joindre la source' }),
    ];
    expect((await push(manager, thread)).map((r) => r.status)).toEqual(['applied', 'applied']);
    expect(
      (await push(physician, [query({ action: 'answer', queryId, text: 'Source jointe au dossier' })]))[0],
    ).toMatchObject({ status: 'applied' });
    expect((await push(manager, [query({ action: 'close', queryId, text: 'OK' })]))[0]!.status).toBe(
      'applied',
    );

    const { rows } = await testStore.store.query<{ action: string; user_id: string }>(
      `select data->>'action' as action, user_id from mutations
        where kind = 'dataQuery' and (record_id::text = $1 or data->>'queryId' = $1) order by seq`,
      [queryId],
    );
    expect(rows.map((r) => r.action)).toEqual(['raise', 'answer', 'close', 'reopen', 'answer', 'close']);
    expect(rows[1]!.user_id).toBe(nurse.userId);
    // Audited on the store like every mutation: the server's log holds each with its author and device.
  });

  it('refuses a raise, close or re-open by a nurse or physician, and an answer by the data manager', async () => {
    const raised = raise();
    await push(manager, [raised]);
    const queryId = raised.recordId as string;
    const byNurse = await push(nurse, [raise(), query({ action: 'close', queryId })]);
    const byPhysician = await push(physician, [raise(), query({ action: 'reopen', queryId, text: 'again' })]);
    const byManager = await push(manager, [query({ action: 'answer', queryId, text: 'it is fine' })]);
    for (const result of [...byNurse, ...byPhysician, ...byManager])
      expect(result).toMatchObject({ status: 'rejected', code: 'role-not-allowed' });
    expect(byNurse[0]!.reason).toMatch(/nurse may not raise a data query/);
    expect(byManager[0]!.reason).toMatch(/data-manager may not answer a data query/);
  });

  it('refuses a query on a record the store does not have, at a revision it does not have, or for another participant', async () => {
    const otherPatient = uuidv7();
    await push(physician, [
      newMutation({
        recordId: otherPatient,
        patientId: otherPatient,
        kind: 'participant',
        data: { trialNumber: 'MSC-LES-34', initials: 'DR' },
      }),
    ]);
    const results = await push(manager, [
      raise({ target: { recordId: uuidv7(), kind: 'vitalSigns', rev: 1, field: 'sbp' } }),
      raise({ target: { recordId: vitalsId, kind: 'vitalSigns', rev: 2, field: 'sbp' } }),
      raise({ target: { recordId: vitalsId, kind: 'adverseEvent', rev: 1, field: 'sbp' } }),
      { ...raise(), patientId: otherPatient },
      query({ action: 'close', queryId: uuidv7() }),
    ]);
    expect(results.map((r) => r.code)).toEqual(Array(5).fill('query-target'));
  });

  it('refuses an answer to another participant’s query, a correction that changed another record, and a corrected or foreign void of a message', async () => {
    const raised = raise();
    await push(manager, [raised]);
    const queryId = raised.recordId as string;
    const other = newMutation({ kind: 'vitalSigns', patientId, data: vitalsData() });
    await push(nurse, [other]);
    const answer = query({ action: 'answer', queryId, text: 'Corrigé' });
    const results = await push(nurse, [
      query({
        action: 'answer',
        queryId,
        text: 'Corrigé',
        correction: { recordId: other.recordId, mutationId: other.mutationId },
      }),
      query({
        action: 'answer',
        queryId,
        text: 'Corrigé',
        correction: { recordId: vitalsId, mutationId: uuidv7() },
      }),
      answer,
      query(
        { action: 'answer', queryId, text: 'Autre texte' },
        { supersedes: answer.recordId, reason: 'typo in the answer' },
      ),
    ]);
    expect(results.map((r) => r.code ?? r.status)).toEqual([
      'query-target',
      'query-target',
      'applied',
      'supersede-not-allowed',
    ]);
    // A physician may void others' records, not another person's message in a query's thread; its author may.
    const voidOf = (recordId: unknown) =>
      newMutation({
        recordId,
        kind: 'dataQuery',
        patientId,
        op: 'void',
        baseRev: 1,
        reason: 'sent by mistake',
        data: answer.data,
      });
    expect((await push(physician, [voidOf(answer.recordId)]))[0]).toMatchObject({
      code: 'not-record-author',
    });
    expect((await push(nurse, [voidOf(answer.recordId)]))[0]!.status).toBe('applied');
  });

  it('syncs the thread to every tablet: a nurse’s pull holds the raise and its messages', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/api/sync/pull?after=0',
      headers: nurse.headers,
    });
    const kinds = (response.json().changes as { kind: string }[]).map((c) => c.kind);
    expect(kinds).toContain('dataQuery');
  });
});
