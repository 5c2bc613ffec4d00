import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { answerQuery, loadQueryThreads, moveQuery, raiseQuery } from '@/db/data-queries';
import { createRecord } from '@/db/commands';
import type { ChevetDb } from '@/db/database';
import { contextFor, freshDb, vitals } from './fixtures';

// Issue 24 item 2 on the tablet: each message of a query's thread goes through the one write path (record, audit,
// outbox); a correction is the target's own change, written with the answer in one transaction.

describe('data-query commands', () => {
  let db: ChevetDb;
  const physician = contextFor('physician');
  const nurse = contextFor('nurse');
  const manager = contextFor('data-manager');
  let patientId: string;
  let vitalsId: string;

  beforeEach(async () => {
    db = freshDb();
    patientId = uuidv7();
    await createRecord(db, physician, {
      kind: 'participant',
      recordId: patientId,
      patientId,
      data: { trialNumber: 'MSC-LES-01', initials: 'AB', comment: 'first' },
    });
    const created = await createRecord(db, nurse, {
      kind: 'vitalSigns',
      patientId,
      data: vitals('2026-03-02T09:15:00+01:00', { sbp: 260 }),
    });
    if (!created.ok) throw new Error(created.code);
    vitalsId = created.recordId;
  });
  afterEach(async () => {
    db.close();
    await db.delete();
  });

  const thread = async (id: string) => (await loadQueryThreads(db)).find((t) => t.id === id)!;

  it('raises, answers with a correction that supersedes the observation, closes and re-opens, each audited and queued', async () => {
    const raised = await raiseQuery(db, manager, { recordId: vitalsId, field: 'sbp', text: 'SBP 260 ?' });
    expect(raised.ok).toBe(true);
    const queryId = (raised as { recordId: string }).recordId;
    expect(await thread(queryId)).toMatchObject({
      status: 'open',
      patientId,
      target: { recordId: vitalsId, kind: 'vitalSigns', rev: 1, field: 'sbp' },
    });

    nurse.tick(60_000);
    const answered = await answerQuery(db, nurse, {
      queryId,
      text: 'Erreur de saisie',
      correction: { value: '126', reason: 'transcription error' },
    });
    expect(answered.ok).toBe(true);
    const correctionId = (answered as { correctionId: string }).correctionId;
    const corrected = await db.records.get(correctionId);
    expect(corrected).toMatchObject({
      kind: 'vitalSigns',
      supersedes: vitalsId,
      data: { sbp: 126, dbp: 75 },
    });
    const answer = (await thread(queryId)).messages[1]!;
    const correctionRevision = await db.revisions.where('recordId').equals(correctionId).first();
    expect(answer.data).toEqual({
      action: 'answer',
      queryId,
      text: 'Erreur de saisie',
      correction: { recordId: correctionId, mutationId: correctionRevision!.mutationId },
    });
    expect((await thread(queryId)).status).toBe('answered');
    // The correction goes before the answer: the store sees the change the answer names.
    const queued = (await db.outbox.orderBy('order').toArray()).map((o) => o.recordId);
    expect(queued.indexOf(correctionId)).toBeLessThan(queued.indexOf(answer.id));

    manager.tick(120_000);
    expect((await moveQuery(db, manager, { queryId, action: 'close' })).ok).toBe(true);
    expect((await thread(queryId)).status).toBe('closed');
    manager.tick(60_000);
    expect((await moveQuery(db, manager, { queryId, action: 'reopen', text: 'Source ?' })).ok).toBe(true);
    expect((await thread(queryId)).status).toBe('open');
    const audited = (await db.audit.toArray()).filter((a) => a.kind === 'dataQuery');
    expect(audited.map((a) => (a.after as { action: string }).action)).toEqual([
      'raise',
      'answer',
      'close',
      'reopen',
    ]);
  });

  it('corrects a form by a revision with its reason', async () => {
    const raised = await raiseQuery(db, manager, {
      recordId: patientId,
      field: 'comment',
      text: 'Comment ?',
    });
    const queryId = (raised as { recordId: string }).recordId;
    const answered = await answerQuery(db, physician, {
      queryId,
      text: 'Corrigé',
      correction: { value: 'second', reason: 'typo' },
    });
    expect(answered.ok).toBe(true);
    expect(await db.records.get(patientId)).toMatchObject({ rev: 2, data: { comment: 'second' } });
  });

  it('refuses what the role may not do, an action the status does not allow, and a value of the wrong type', async () => {
    expect(await raiseQuery(db, nurse, { recordId: vitalsId, field: 'sbp', text: 'x' })).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    const queryId = (
      (await raiseQuery(db, manager, { recordId: vitalsId, field: 'sbp', text: 'x' })) as {
        recordId: string;
      }
    ).recordId;
    expect(await answerQuery(db, manager, { queryId, text: 'fine' })).toMatchObject({ code: 'forbidden' });
    expect(await moveQuery(db, nurse, { queryId, action: 'close' })).toMatchObject({ code: 'forbidden' });
    expect(await moveQuery(db, manager, { queryId, action: 'reopen', text: 'again' })).toMatchObject({
      code: 'stale',
    });
    expect(
      await answerQuery(db, nurse, { queryId, text: 'x', correction: { value: 'high', reason: 'typo' } }),
    ).toMatchObject({ code: 'invalid' });
    // Out of the physiological bounds: the kind's schema refuses it, and nothing of the answer is written.
    expect(
      await answerQuery(db, nurse, { queryId, text: 'x', correction: { value: '900', reason: 'typo' } }),
    ).toMatchObject({ code: 'invalid' });
    expect((await thread(queryId)).messages).toHaveLength(1);
  });
});
