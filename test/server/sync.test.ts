import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { buildApp } from '../../server/app';
import { pullResponseSchema } from '../../src/schema/sync';
import { createTestStore, STORE_KIND, type TestStore } from './test-store';
import { addSignedInUser, type SignedInUser } from './people-fixtures';
import { newMutation, vitalsData } from './sync-fixtures';

const vitals = vitalsData;

describe(`sync push and pull (${STORE_KIND})`, () => {
  let testStore: TestStore;
  let app: FastifyInstance;
  let physician: SignedInUser;
  let otherPhysician: SignedInUser;
  let nurse: SignedInUser;
  let dataManager: SignedInUser;
  let admin: SignedInUser;

  beforeAll(async () => {
    testStore = await createTestStore();
    app = await buildApp({ store: testStore.store });
    physician = await addSignedInUser(testStore.store, 'physician');
    otherPhysician = await addSignedInUser(testStore.store, 'physician');
    nurse = await addSignedInUser(testStore.store, 'nurse');
    dataManager = await addSignedInUser(testStore.store, 'data-manager');
    admin = await addSignedInUser(testStore.store, 'admin');
  });
  afterAll(async () => {
    await app.close();
    await testStore.drop();
  });

  const push = (user: SignedInUser, mutations: unknown[], deviceId = user.deviceId) =>
    app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: user.headers,
      payload: { deviceId, mutations },
    });
  const pull = (user: SignedInUser, query = '') =>
    app.inject({ method: 'GET', url: `/api/sync/pull${query}`, headers: user.headers });

  const mutation = newMutation;
  // Each participant its own number: the store refuses a second participant with one (trial-number-taken).
  let numbered = 20;
  async function participant(trialNumber = `MSC-LES-${numbered++}`) {
    const id = uuidv7();
    const m = mutation({
      recordId: id,
      patientId: id,
      kind: 'participant',
      data: { trialNumber, initials: 'AB' },
    });
    expect((await push(physician, [m])).json().results[0].status).toBe('applied');
    return { id, m };
  }

  it('applies a batch, numbering each mutation in the global sequence, in the order sent', async () => {
    const { id } = await participant();
    const batch = [1, 2, 3].map((i) =>
      mutation({ kind: 'vitalSigns', patientId: id, data: vitals({ hr: 70 + i }) }),
    );
    const res = await push(nurse, batch);
    expect(res.statusCode).toBe(200);
    const results = res.json().results;
    expect(results.map((r: { mutationId: string }) => r.mutationId)).toEqual(batch.map((m) => m.mutationId));
    expect(results.every((r: { status: string; rev: number }) => r.status === 'applied' && r.rev === 1)).toBe(
      true,
    );
    const seqs = results.map((r: { seq: number }) => r.seq);
    expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
  });

  it('answers duplicate to a resent batch and writes nothing twice', async () => {
    const { id } = await participant();
    const batch = [mutation({ kind: 'vitalSigns', patientId: id, data: vitals() })];
    const first = (await push(nurse, batch)).json().results[0];
    const again = (await push(nurse, batch)).json().results[0];
    expect(again).toMatchObject({ status: 'duplicate', seq: first.seq });
    const { rows } = await testStore.store.query(
      'select count(*)::int as n from mutations where mutation_id = $1',
      [batch[0]!.mutationId],
    );
    expect(rows[0]).toEqual({ n: 1 });
  });

  it('stores exactly one copy when the same batch arrives several times at once', async () => {
    const { id } = await participant();
    const batch = Array.from({ length: 20 }, () =>
      mutation({ kind: 'vitalSigns', patientId: id, data: vitals() }),
    );
    const answers = await Promise.all([1, 2, 3, 4].map(() => push(nurse, batch)));
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200]);
    const statuses = answers.flatMap((a) => a.json().results.map((r: { status: string }) => r.status));
    expect(statuses.filter((s) => s === 'applied')).toHaveLength(20);
    expect(statuses.filter((s) => s === 'duplicate')).toHaveLength(60);
    const { rows } = await testStore.store.query(
      'select count(*)::int as n from mutations where mutation_id = any($1::uuid[])',
      [batch.map((m) => m.mutationId)],
    );
    expect(rows[0]).toEqual({ n: 20 });
  });

  it('keeps both revisions made from the same base, marking the later one a conflict until a physician resolves it', async () => {
    const { id } = await participant('MSC-LES-05');
    const base = { trialNumber: 'MSC-LES-05', initials: 'AB' };
    const a = mutation({
      recordId: id,
      patientId: id,
      kind: 'participant',
      op: 'revise',
      baseRev: 1,
      reason: 'note',
      data: { ...base, comment: 'A' },
    });
    const b = mutation({
      recordId: id,
      patientId: id,
      kind: 'participant',
      op: 'revise',
      baseRev: 1,
      reason: 'note',
      data: { ...base, comment: 'B' },
    });
    expect((await push(physician, [a])).json().results[0]).toMatchObject({ status: 'applied', rev: 2 });
    expect((await push(otherPhysician, [b])).json().results[0]).toMatchObject({ status: 'conflict', rev: 3 });
    const changes = (await pull(nurse, '?limit=5000'))
      .json()
      .changes.filter((c: { recordId: string }) => c.recordId === id);
    expect(
      changes.map((c: { data: { comment?: string }; conflict: boolean }) => [c.data.comment, c.conflict]),
    ).toEqual([
      [undefined, false],
      ['A', false],
      ['B', true],
    ]);
    const resolution = mutation({
      recordId: id,
      patientId: id,
      kind: 'participant',
      op: 'revise',
      baseRev: 3,
      reason: 'merged',
      data: { ...base, comment: 'A+B' },
    });
    expect((await push(physician, [resolution])).json().results[0]).toMatchObject({
      status: 'applied',
      rev: 4,
    });
    const { rows } = await testStore.store.query<{ in_conflict: boolean }>(
      'select in_conflict from records where id = $1',
      [id],
    );
    expect(rows[0]?.in_conflict).toBe(false);
  });

  it('rejects invalid mutations one by one and applies the rest of the batch', async () => {
    const { id } = await participant();
    const good = mutation({ kind: 'vitalSigns', patientId: id, data: vitals() });
    const batch = [
      mutation({ kind: 'bloodPressure', patientId: id, data: {} }),
      mutation({ kind: 'vitalSigns', patientId: id, data: vitals({ colour: 'blue' }) }),
      mutation({ kind: 'vitalSigns', patientId: id, data: vitals({ sbp: 'high' }) }),
      mutation({ kind: 'vitalSigns', patientId: id, data: vitals({ spo2: 101 }) }),
      mutation({
        kind: 'participant',
        recordId: id,
        patientId: id,
        data: { trialNumber: 'MSC-LES-09', initials: 'CD' },
      }),
      mutation({ kind: 'vitalSigns', patientId: id, data: vitals(), userId: physician.userId }),
      mutation({ kind: 'vitalSigns', patientId: uuidv7(), data: vitals() }),
      { nonsense: true },
      { ...good, mutationId: uuidv7(), data: [vitals()] },
      { ...good, mutationId: uuidv7(), data: null },
      good,
    ];
    const results = (await push(nurse, batch)).json().results;
    expect(results.map((r: { status: string }) => r.status)).toEqual([
      ...Array(10).fill('rejected'),
      'applied',
    ]);
    for (const r of results.slice(8, 10))
      expect(r).toMatchObject({
        code: 'invalid-mutation',
        reason: expect.stringMatching(/data: expected an object/),
      });
    expect(results[0].reason).toMatch(/unknown kind/);
    expect(results[3].reason).toMatch(/spo2/);
    expect(results[4].reason).toMatch(/not allowed for this role/);
    expect(results[5].reason).toMatch(/author mismatch/);
    expect(results[6].reason).toMatch(/unknown participant/);
  });

  it('voids with a reason and keeps the voided value in the log', async () => {
    const { id } = await participant();
    const set = mutation({ kind: 'vitalSigns', patientId: id, data: vitals() });
    await push(nurse, [set]);
    const noReason = mutation({
      recordId: set.recordId,
      kind: 'vitalSigns',
      patientId: id,
      op: 'void',
      baseRev: 1,
      data: vitals(),
    });
    expect((await push(nurse, [noReason])).json().results[0]).toMatchObject({
      status: 'rejected',
      reason: expect.stringMatching(/reason/),
    });
    const voiding = { ...noReason, mutationId: uuidv7(), reason: 'wrong patient' };
    expect((await push(nurse, [voiding])).json().results[0]).toMatchObject({ status: 'applied', rev: 2 });
    const { rows } = await testStore.store.query<{ n: number }>(
      'select count(*)::int as n from mutations where record_id = $1',
      [set.recordId],
    );
    expect(rows[0]?.n).toBe(2);
  });

  it('refuses to change or delete the log', async () => {
    await participant();
    await expect(testStore.store.query("update mutations set reason = 'x'")).rejects.toThrow(
      /append-only|permission denied/,
    );
    await expect(testStore.store.query('delete from mutations')).rejects.toThrow(
      /append-only|permission denied/,
    );
  });

  it('pages the log by cursor, in sequence order, with hasMore', async () => {
    await participant();
    const all = (await pull(dataManager, '?after=0&limit=5000')).json();
    expect(all.hasMore).toBe(false);
    const seqs = all.changes.map((c: { seq: number }) => c.seq);
    expect(seqs).toEqual([...seqs].sort((a: number, b: number) => a - b));
    const first = (await pull(dataManager, '?after=0&limit=2')).json();
    expect(first).toMatchObject({ hasMore: true, cursor: seqs[1] });
    const next = (await pull(dataManager, `?after=${first.cursor}&limit=2`)).json();
    expect(next.changes[0].seq).toBe(seqs[2]);
    const end = (await pull(dataManager, `?after=${seqs.at(-1)}`)).json();
    expect(end).toEqual({ changes: [], cursor: seqs.at(-1), hasMore: false });
    expect(all.changes[0]).toMatchObject({
      receivedAt: expect.stringMatching(/Z$/),
      at: '2026-03-02T09:00:00+01:00',
    });
  });

  it('pages the log as it is when pushes land between the pages (each next page is read ahead)', async () => {
    const { id } = await participant();
    const sets = (n: number) =>
      Array.from({ length: n }, (_, hr) =>
        mutation({ kind: 'vitalSigns', patientId: id, data: vitals({ hr: 60 + hr }) }),
      );
    await push(nurse, sets(3));
    const start = (await pull(physician, '?after=0&limit=5000')).json().cursor - 4;
    let after = start;
    const seen: number[] = [];
    const page = async () => {
      const body = pullResponseSchema.parse((await pull(physician, `?after=${after}&limit=2`)).json());
      seen.push(...body.changes.map((c) => c.seq));
      after = body.cursor;
      return [body.changes.length, body.hasMore];
    };
    expect(await page()).toEqual([2, true]);
    // The page read ahead had nothing after it; now it has.
    await push(nurse, sets(3));
    expect(await page()).toEqual([2, true]);
    await push(nurse, sets(2));
    expect(await page()).toEqual([2, true]);
    expect(await page()).toEqual([2, true]);
    // The last page read ahead held one change; it holds two when asked.
    await push(nurse, sets(1));
    expect(await page()).toEqual([2, false]);
    const whole = pullResponseSchema.parse((await pull(physician, `?after=${start}&limit=5000`)).json());
    expect(seen).toEqual(whole.changes.map((c) => c.seq));
    expect(seen).toHaveLength(10);
  });

  it('sends each change in the shape of the contract, with the data exactly as pushed', async () => {
    const { id: patientId } = await participant('MSC-LES-09');
    const data = vitals({ comment: 'frissons « légers » \\ "guillemets"', temperatureC: 38.25 });
    const sent = mutation({ kind: 'vitalSigns', patientId, data });
    expect((await push(nurse, [sent])).json().results[0]).toMatchObject({ status: 'applied' });
    const response = await pull(dataManager, '?after=0&limit=5000');
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    const body = pullResponseSchema.parse(response.json());
    const change = body.changes.find((c) => c.mutationId === sent.mutationId)!;
    const { rows } = await testStore.store.query<{ seq: string; received_at: Date | string }>(
      'select seq, received_at from mutations where mutation_id = $1',
      [sent.mutationId],
    );
    expect(change).toEqual({
      seq: Number(rows[0]!.seq),
      mutationId: sent.mutationId,
      recordId: sent.recordId,
      kind: 'vitalSigns',
      patientId,
      op: 'create',
      rev: 1,
      baseRev: null,
      data,
      reason: null,
      at: '2026-03-02T09:00:00+01:00',
      receivedAt: new Date(rows[0]!.received_at).toISOString(),
      userId: nurse.userId,
      deviceId: nurse.deviceId,
      conflict: false,
      supersedes: null,
    });
  });

  it('writes every field of every change as the store holds it: nulls, booleans, numbers and escaped text', async () => {
    const { id: patientId } = await participant('MSC-LES-08');
    const odd = 'a "quoted" \\ back\\slash\nnew line\ttab « é » 🩺 \u0001 </script>';
    const set = mutation({ kind: 'vitalSigns', patientId, data: vitals({ comment: odd }) });
    const correction = mutation({
      kind: 'vitalSigns',
      patientId,
      supersedes: set.recordId,
      reason: `corrigé : ${odd}`,
      data: vitals({ sbp: 131 }),
    });
    const base = { trialNumber: 'MSC-LES-08', initials: 'AB' };
    const revise = (comment: string, user = physician) =>
      push(user, [
        mutation({
          recordId: patientId,
          patientId,
          kind: 'participant',
          op: 'revise',
          baseRev: 1,
          reason: odd,
          data: { ...base, comment },
        }),
      ]);
    expect(
      (await push(nurse, [set, correction])).json().results.map((r: { status: string }) => r.status),
    ).toEqual(['applied', 'applied']);
    expect((await revise('A')).json().results[0].status).toBe('applied');
    expect((await revise('B', otherPhysician)).json().results[0].status).toBe('conflict');
    const pulled = pullResponseSchema.parse((await pull(dataManager, '?after=0&limit=5000')).json()).changes;
    // What the store holds, written by PostgreSQL's own JSON builder: every change must read the same.
    const { rows } = await testStore.store.query<{ change: unknown }>(
      `select json_build_object(
         'seq', seq, 'mutationId', mutation_id, 'recordId', record_id, 'kind', kind, 'patientId', patient_id,
         'op', op, 'rev', rev, 'baseRev', base_rev, 'data', data, 'reason', reason, 'at', at,
         'receivedAt', to_char(received_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
         'userId', user_id, 'deviceId', device_id, 'conflict', conflict, 'supersedes', supersedes) as change
         from mutations order by seq`,
    );
    const expected = rows.map((r) => (typeof r.change === 'string' ? JSON.parse(r.change) : r.change));
    expect(pulled).toEqual(expected);
    const mine = pulled.filter((c) => c.patientId === patientId);
    expect(mine.find((c) => c.mutationId === correction.mutationId)).toMatchObject({
      supersedes: set.recordId,
      reason: `corrigé : ${odd}`,
    });
    expect(mine.find((c) => c.recordId === set.recordId)?.data.comment).toBe(odd);
    expect(mine.filter((c) => c.recordId === patientId).map((c) => [c.baseRev, c.conflict])).toEqual([
      [null, false],
      [1, false],
      [1, true],
    ]);
  });

  it('keeps each record’s state whether the batch creates it, revises it again or revises a stored one', async () => {
    const { id: stored } = await participant('MSC-LES-07');
    const fresh = uuidv7();
    const participantMutation = (recordId: string, trialNumber: string, over: Record<string, unknown>) =>
      mutation({
        recordId,
        patientId: recordId,
        kind: 'participant',
        data: { trialNumber, initials: 'AB' },
        ...over,
      });
    const batch = [
      participantMutation(fresh, 'MSC-LES-06', {}),
      participantMutation(fresh, 'MSC-LES-06', { op: 'revise', baseRev: 1, reason: 'initiales' }),
      participantMutation(stored, 'MSC-LES-07', { op: 'revise', baseRev: 1, reason: 'initiales' }),
      participantMutation(stored, 'MSC-LES-07', { op: 'revise', baseRev: 1, reason: 'en même temps' }),
    ];
    const results = (await push(physician, batch)).json().results;
    expect(results.map((r: { status: string; rev: number }) => [r.status, r.rev])).toEqual([
      ['applied', 1],
      ['applied', 2],
      ['applied', 2],
      ['conflict', 3],
    ]);
    const { rows } = await testStore.store.query<{
      id: string;
      rev: number;
      in_conflict: boolean;
      last_seq: string;
    }>('select id, rev, in_conflict, last_seq from records where id = any($1::uuid[]) order by rev', [
      [fresh, stored],
    ]);
    expect(rows.map((r) => [r.id, r.rev, r.in_conflict, Number(r.last_seq)])).toEqual([
      [fresh, 2, false, results[1].seq],
      [stored, 3, true, results[3].seq],
    ]);
    // Resent whole: nothing written twice, the states unchanged.
    const again = (await push(physician, batch)).json().results;
    expect(again.map((r: { status: string }) => r.status)).toEqual(Array(4).fill('duplicate'));
    const after = await testStore.store.query<{ n: number }>(
      'select count(*)::int as n from mutations where record_id = any($1::uuid[])',
      [[fresh, stored]],
    );
    expect(after.rows[0]?.n).toBe(5);
  });

  it('keeps on the log and the records only the indexes the store reads by, and the log’s data as text (each costs every pushed row)', async () => {
    const { rows } = await testStore.store.query<{ tablename: string; indexdef: string }>(
      `select tablename, indexdef from pg_indexes
        where schemaname = current_schema() and tablename in ('mutations', 'records') order by indexname`,
    );
    const columns = rows.map((r) => `${r.tablename} ${r.indexdef.slice(r.indexdef.indexOf('USING btree'))}`);
    expect(columns.sort()).toEqual(
      [
        'mutations USING btree (mutation_id)',
        'mutations USING btree (record_id, rev)',
        'mutations USING btree (seq)',
        'records USING btree (id)',
      ].sort(),
    );
    // The log's data kept as the JSON text stored (json): parsing it into jsonb was a third of appending a row.
    const { rows: types } = await testStore.store.query<{ data_type: string }>(
      `select data_type from information_schema.columns
        where table_schema = current_schema() and table_name = 'mutations' and column_name = 'data'`,
    );
    expect(types).toEqual([{ data_type: 'json' }]);
  });

  it('answers bad requests with 4xx in the error shape, never a 500', async () => {
    const malformed = await app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: { ...nurse.headers, 'content-type': 'application/json' },
      payload: '{"deviceId":',
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('malformed-json');
    expect((await push(nurse, 'x' as never)).statusCode).toBe(400);
    expect(
      (
        await push(
          nurse,
          Array.from({ length: 1001 }, () => ({})),
        )
      ).json().error.code,
    ).toBe('batch-too-large');
    expect((await push(nurse, [], otherPhysician.deviceId)).statusCode).toBe(403);
    expect((await pull(nurse, '?limit=5001')).statusCode).toBe(400);
    expect((await pull(nurse, '?after=-1')).statusCode).toBe(400);
    expect((await app.inject({ method: 'GET', url: '/api/sync/pull' })).statusCode).toBe(401);
    expect((await pull(admin)).statusCode).toBe(403);
  });
});
