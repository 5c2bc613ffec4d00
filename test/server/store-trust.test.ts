import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { buildApp } from '../../server/app';
import { contentHash } from '../../src/schema/canonical-json';
import { REJECT_CODES, type PushResult } from '../../src/schema/sync';
import { createTestStore, STORE_KIND, type TestStore } from './test-store';
import { pushAs } from './sync-fixtures';
import { addSignedInUser, type SignedInUser } from './people-fixtures';

// Issue 17, the attacks of a nurse's or a data manager's token against the push (wire-contract.md, "What the
// store enforces, whatever a tablet sends"): each one must come back `rejected` with its code, never applied,
// and never fail the other mutations of the batch.

const vitals = (over: Record<string, unknown> = {}) => ({
  takenAt: '2026-03-02T09:15:00+01:00',
  sbp: 121,
  dbp: 75,
  hr: 72,
  temperatureC: 36.8,
  spo2: 98,
  rr: 14,
  ...over,
});

describe(`the store trusts no tablet: pushes (${STORE_KIND})`, () => {
  let testStore: TestStore;
  let app: FastifyInstance;
  let physician: SignedInUser;
  let otherPhysician: SignedInUser;
  let nurse: SignedInUser;
  let otherNurse: SignedInUser;
  let dataManager: SignedInUser;

  beforeAll(async () => {
    testStore = await createTestStore();
    app = await buildApp({ store: testStore.store });
    physician = await addSignedInUser(testStore.store, 'physician');
    otherPhysician = await addSignedInUser(testStore.store, 'physician');
    nurse = await addSignedInUser(testStore.store, 'nurse');
    otherNurse = await addSignedInUser(testStore.store, 'nurse');
    dataManager = await addSignedInUser(testStore.store, 'data-manager');
    await testStore.store.query(`update users set display_name = 'Dr Alice Martin' where id = $1`, [
      physician.userId,
    ]);
  });
  afterAll(async () => {
    await app.close();
    await testStore.drop();
  });

  const push = (user: SignedInUser, mutations: unknown[]) => pushAs(app, user, mutations);
  const mutation = <T extends Record<string, unknown>>(over: T) => ({
    mutationId: uuidv7(),
    recordId: uuidv7(),
    op: 'create',
    baseRev: null as number | null,
    at: '2026-03-02T09:00:00+01:00',
    ...over,
  });
  let participants = 0;
  async function participant() {
    const id = uuidv7();
    participants += 1;
    const m = mutation({
      recordId: id,
      patientId: id,
      kind: 'participant',
      data: { trialNumber: `MSC-LES-${String(participants).padStart(2, '0')}`, initials: 'AB' },
    });
    expect((await push(physician, [m]))[0]!.status).toBe('applied');
    return { id, data: m.data as Record<string, unknown> };
  }
  async function vitalSet(by: SignedInUser, patientId: string, data = vitals()) {
    const m = mutation({ kind: 'vitalSigns', patientId, data });
    expect((await push(by, [m]))[0]!.status).toBe('applied');
    return m;
  }
  const signatureBy = async (
    user: SignedInUser,
    signed: { recordId: string; rev: number; data: unknown; patientId: string },
    over: Record<string, unknown> = {},
  ) =>
    mutation({
      kind: 'signature',
      patientId: signed.patientId,
      data: {
        signer: user.userId,
        signerName: user === physician ? 'Dr Alice Martin' : user.username,
        role: user.role,
        meaning: 'eligibility-assessment',
        signedAt: '2026-03-02T09:20:00+01:00',
        recordId: signed.recordId,
        recordRev: signed.rev,
        contentHash: await contentHash(signed.data),
        method: 'pin',
        ...over,
      },
    });
  const statusAndCode = (results: PushResult[]) => results.map((r) => [r.status, r.code]);

  describe('signatures', () => {
    it('applies a physician’s own signature of a stored revision, and one of a record created earlier in the batch', async () => {
      const { id, data } = await participant();
      const own = await signatureBy(physician, { recordId: id, rev: 1, data, patientId: id });
      const set = mutation({ kind: 'vitalSigns', patientId: id, data: vitals() });
      const ofNew = await signatureBy(
        physician,
        { recordId: set.recordId, rev: 1, data: set.data, patientId: id },
        { meaning: 'infusion-record' },
      );
      expect(statusAndCode(await push(physician, [own, set, ofNew]))).toEqual([
        ['applied', undefined],
        ['applied', undefined],
        ['applied', undefined],
      ]);
    });

    it('rejects a nurse’s signature in the physician’s name, a data manager’s DLT confirmation, and forged fields', async () => {
      const { id, data } = await participant();
      const signed = { recordId: id, rev: 1, data, patientId: id };
      const forged = await signatureBy(nurse, signed, {
        signer: physician.userId,
        signerName: 'Dr Alice Martin',
        role: 'physician',
      });
      const asPhysicianRole = await signatureBy(nurse, signed, { role: 'physician' });
      const nurseMeaning = await signatureBy(nurse, signed);
      const dlt = await signatureBy(dataManager, signed, { meaning: 'dlt-confirmation' });
      const otherName = await signatureBy(physician, signed, { signerName: 'Dr Someone Else' });
      const results = await push(nurse, [forged, asPhysicianRole, nurseMeaning]);
      expect(statusAndCode(results)).toEqual([
        ['rejected', 'signature-signer'],
        ['rejected', 'signature-role'],
        ['rejected', 'signature-meaning'],
      ]);
      expect(statusAndCode(await push(dataManager, [dlt]))).toEqual([['rejected', 'signature-meaning']]);
      expect(statusAndCode(await push(physician, [otherName]))).toEqual([
        ['rejected', 'signature-signer-name'],
      ]);
    });

    it('rejects a signature of a record that does not exist, of a revision that does not exist, or with a wrong hash', async () => {
      const { id, data } = await participant();
      const nowhere = await signatureBy(physician, { recordId: uuidv7(), rev: 1, data, patientId: id });
      const noRev = await signatureBy(physician, { recordId: id, rev: 7, data, patientId: id });
      const zeros = await signatureBy(
        physician,
        { recordId: id, rev: 1, data, patientId: id },
        { contentHash: '0'.repeat(64) },
      );
      const otherData = await signatureBy(physician, {
        recordId: id,
        rev: 1,
        data: { ...data, initials: 'ZZ' },
        patientId: id,
      });
      const other = await participant();
      const otherPatient = await signatureBy(physician, { recordId: id, rev: 1, data, patientId: other.id });
      expect(statusAndCode(await push(physician, [nowhere, noRev, zeros, otherData, otherPatient]))).toEqual([
        ['rejected', 'signature-record'],
        ['rejected', 'signature-record'],
        ['rejected', 'signature-hash'],
        ['rejected', 'signature-hash'],
        ['rejected', 'signature-record'],
      ]);
    });
  });

  describe('voids', () => {
    it('lets only the author or a physician void a record, with its current data unchanged', async () => {
      const { id } = await participant();
      const voidOf = (set: { recordId: string; data: unknown }, data = set.data) =>
        mutation({
          kind: 'vitalSigns',
          recordId: set.recordId,
          patientId: id,
          op: 'void',
          baseRev: 1,
          data,
          reason: 'entered on the wrong participant',
        });
      const othersSet = await vitalSet(otherNurse, id);
      const physiciansSet = await vitalSet(physician, id);
      const ownSet = await vitalSet(nurse, id);
      const changed = voidOf(ownSet, vitals({ sbp: 250 }));
      expect(statusAndCode(await push(nurse, [voidOf(othersSet), voidOf(physiciansSet), changed]))).toEqual([
        ['rejected', 'not-record-author'],
        ['rejected', 'not-record-author'],
        ['rejected', 'void-changes-data'],
      ]);
      expect(statusAndCode(await push(nurse, [voidOf(ownSet)]))).toEqual([['applied', undefined]]);
      expect(statusAndCode(await push(physician, [voidOf(othersSet)]))).toEqual([['applied', undefined]]);
    });

    it('lets a signature be voided, or superseded, by its signer only, even by another physician', async () => {
      const { id, data } = await participant();
      const signature = await signatureBy(physician, { recordId: id, rev: 1, data, patientId: id });
      expect((await push(physician, [signature]))[0]!.status).toBe('applied');
      const voiding = () =>
        mutation({
          kind: 'signature',
          recordId: signature.recordId,
          patientId: id,
          op: 'void',
          baseRev: 1,
          data: signature.data,
          reason: 'signed by mistake',
        });
      const superseding = await signatureBy(
        nurse,
        { recordId: id, rev: 1, data, patientId: id },
        { meaning: 'infusion-record' },
      );
      const supersedes = { ...superseding, supersedes: signature.recordId, reason: 'my signature instead' };
      expect(statusAndCode(await push(nurse, [voiding(), supersedes]))).toEqual([
        ['rejected', 'not-signer'],
        ['rejected', 'not-signer'],
      ]);
      expect(statusAndCode(await push(otherPhysician, [voiding()]))).toEqual([['rejected', 'not-signer']]);
      expect(statusAndCode(await push(physician, [voiding()]))).toEqual([['applied', undefined]]);
    });

    it('lets only the author or a physician supersede an observation', async () => {
      const { id } = await participant();
      const set = await vitalSet(otherNurse, id);
      const correction = mutation({
        kind: 'vitalSigns',
        patientId: id,
        data: vitals({ sbp: 250 }),
        supersedes: set.recordId,
        reason: 'misread',
      });
      expect(statusAndCode(await push(nurse, [correction]))).toEqual([['rejected', 'not-record-author']]);
      expect(statusAndCode(await push(otherNurse, [{ ...correction, mutationId: uuidv7() }]))).toEqual([
        ['applied', undefined],
      ]);
    });
  });

  describe('bad text', () => {
    it('rejects a NUL comment or a lone surrogate and applies the good sets beside it', async () => {
      const { id } = await participant();
      const good1 = mutation({ kind: 'vitalSigns', patientId: id, data: vitals() });
      const nul = mutation({ kind: 'vitalSigns', patientId: id, data: vitals({ comment: 'calm\u0000' }) });
      const surrogate = mutation({
        kind: 'vitalSigns',
        patientId: id,
        data: vitals({ comment: 'x\uD800y' }),
      });
      const nulReason = mutation({
        kind: 'vitalSigns',
        recordId: good1.recordId,
        patientId: id,
        op: 'void',
        baseRev: 1,
        data: vitals(),
        reason: 'wrong\u0000patient',
      });
      const nulKey = mutation({ kind: 'vitalSigns', patientId: id, data: { ...vitals(), 'a\u0000': 1 } });
      const good2 = mutation({ kind: 'vitalSigns', patientId: id, data: vitals({ hr: 80 }) });
      const results = await push(nurse, [good1, nul, surrogate, nulReason, nulKey, good2]);
      expect(statusAndCode(results)).toEqual([
        ['applied', undefined],
        ['rejected', 'invalid-text'],
        ['rejected', 'invalid-text'],
        ['rejected', 'invalid-text'],
        ['rejected', 'invalid-text'],
        ['applied', undefined],
      ]);
      expect(results[1]!.reason).toMatch(/data\.comment/);
    });

    it('stores every character COPY text escapes exactly as sent, and numbers the log in the order sent', async () => {
      const { id } = await participant();
      // The log is appended with COPY on PGlite (issue 25): tabs, newlines, carriage returns and backslashes are
      // COPY's own separators and escapes, and JSON's escapes hold backslashes too.
      const tricky = 'tab\there\nline\r\n back\\slash \\N \\t "quoted" \u00e9\u{1F489}';
      const sets = [vitals({ comment: tricky }), vitals({ comment: '\\' }), vitals({ hr: 61 })].map((data) =>
        mutation({ kind: 'vitalSigns', patientId: id, data }),
      );
      const voided = mutation({
        kind: 'vitalSigns',
        recordId: sets[2]!.recordId,
        patientId: id,
        op: 'void',
        baseRev: 1,
        data: sets[2]!.data,
        reason: `entered twice\t(${tricky})`,
      });
      const results = await push(nurse, [...sets, voided]);
      expect(results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied']);
      const seqs = results.map((r) => r.seq!);
      expect(seqs).toEqual([seqs[0], seqs[0]! + 1, seqs[0]! + 2, seqs[0]! + 3]);
      const { rows } = await testStore.store.query<{
        seq: number;
        mutation_id: string;
        data: unknown;
        reason: string | null;
      }>(
        'select seq, mutation_id, data, reason from mutations where mutation_id = any($1::uuid[]) order by seq',
        [[...sets, voided].map((m) => m.mutationId)],
      );
      expect(rows.map((r) => [Number(r.seq), r.mutation_id])).toEqual(
        [...sets, voided].map((m, i) => [seqs[i], m.mutationId]),
      );
      expect(rows.map((r) => r.data)).toEqual([...sets.map((m) => m.data), sets[2]!.data]);
      expect(rows.map((r) => r.reason)).toEqual([null, null, null, voided.reason]);
    });

    it('rejects only the mutation whose content the database refuses, and keeps the rest of the batch', async () => {
      const { id } = await participant();
      // A content the schemas accept but the database refuses (as NUL did): a trigger stands in for it.
      await testStore.asOwner(`
        create function test_refuse_poison() returns trigger language plpgsql as $$
        begin
          if new.data->>'comment' = 'poison' then raise exception 'poisoned content'; end if;
          return new;
        end $$;
        create trigger test_refuse_poison before insert on mutations
          for each row execute function test_refuse_poison();`);
      try {
        const before = mutation({ kind: 'vitalSigns', patientId: id, data: vitals() });
        const poison = mutation({ kind: 'vitalSigns', patientId: id, data: vitals({ comment: 'poison' }) });
        const after = mutation({ kind: 'vitalSigns', patientId: id, data: vitals({ hr: 90 }) });
        const voidAfter = mutation({
          kind: 'vitalSigns',
          recordId: after.recordId,
          patientId: id,
          op: 'void',
          baseRev: 1,
          data: after.data,
          reason: 'duplicate set',
        });
        const results = await push(nurse, [before, poison, after, voidAfter]);
        expect(statusAndCode(results)).toEqual([
          ['applied', undefined],
          ['rejected', 'storage-error'],
          ['applied', undefined],
          ['applied', undefined],
        ]);
        expect(results[3]!.rev).toBe(2);
        const { rows } = await testStore.store.query<{ mutation_id: string }>(
          'select mutation_id from mutations where mutation_id = any($1::uuid[]) order by seq',
          [[before.mutationId, poison.mutationId, after.mutationId, voidAfter.mutationId]],
        );
        expect(rows.map((r) => r.mutation_id)).toEqual([
          before.mutationId,
          after.mutationId,
          voidAfter.mutationId,
        ]);
        // Resent whole, the stored ones answer duplicate, the refused one is judged (and refused) again.
        expect(statusAndCode(await push(nurse, [before, poison, after, voidAfter]))).toEqual([
          ['duplicate', undefined],
          ['rejected', 'storage-error'],
          ['duplicate', undefined],
          ['duplicate', undefined],
        ]);
      } finally {
        await testStore.asOwner(
          'drop trigger test_refuse_poison on mutations; drop function test_refuse_poison();',
        );
      }
    });
  });

  describe('mutation ids', () => {
    it('answers duplicate only for the same mutation; another account or another content is rejected', async () => {
      const { id } = await participant();
      const set = await vitalSet(nurse, id);
      expect(statusAndCode(await push(nurse, [set]))).toEqual([['duplicate', undefined]]);
      expect(statusAndCode(await push(otherNurse, [{ ...set, data: vitals({ sbp: 200 }) }]))).toEqual([
        ['rejected', 'mutation-id-reused'],
      ]);
      expect(statusAndCode(await push(otherNurse, [set]))).toEqual([['rejected', 'mutation-id-reused']]);
      expect(statusAndCode(await push(nurse, [{ ...set, data: vitals({ sbp: 200 }) }]))).toEqual([
        ['rejected', 'mutation-id-reused'],
      ]);
      // The same id for a record the store has never seen: refused too, and only it.
      const fresh = mutation({ kind: 'vitalSigns', patientId: id, data: vitals({ hr: 71 }) });
      const newRecord = { ...set, recordId: uuidv7() };
      expect(
        statusAndCode(await push(nurse, [fresh, newRecord, { ...newRecord, mutationId: uuidv7() }])),
      ).toEqual([
        ['applied', undefined],
        ['rejected', 'mutation-id-reused'],
        ['applied', undefined],
      ]);
      const twice = mutation({ kind: 'vitalSigns', patientId: id, data: vitals() });
      expect(
        statusAndCode(await push(nurse, [twice, twice, { ...twice, data: vitals({ hr: 99 }) }])),
      ).toEqual([
        ['applied', undefined],
        ['duplicate', undefined],
        ['rejected', 'mutation-id-reused'],
      ]);
    });
  });

  describe('device times', () => {
    it('keeps the store’s receipt time beside the device time, and rejects a device time over 24 h ahead', async () => {
      const { id } = await participant();
      const ahead = new Date(Date.now() + 25 * 3600_000).toISOString();
      const slightlyAhead = new Date(Date.now() + 23 * 3600_000).toISOString();
      const results = await push(nurse, [
        mutation({ kind: 'vitalSigns', patientId: id, data: vitals(), at: ahead }),
        mutation({ kind: 'vitalSigns', patientId: id, data: vitals(), at: slightlyAhead }),
      ]);
      expect(statusAndCode(results)).toEqual([
        ['rejected', 'clock-ahead'],
        ['applied', undefined],
      ]);
      const pulled = await app.inject({
        method: 'GET',
        url: `/api/sync/pull?after=${results[1]!.seq! - 1}&limit=1`,
        headers: nurse.headers,
      });
      const change = pulled.json().changes[0];
      expect(change.at).toBe(slightlyAhead);
      expect(Math.abs(Date.parse(change.receivedAt) - Date.now())).toBeLessThan(3600_000);
    });
  });

  it('documents every reason code in docs/sync-protocol.md', () => {
    const doc = readFileSync(new URL('../../docs/sync-protocol.md', import.meta.url), 'utf8');
    expect(REJECT_CODES.filter((code) => !doc.includes(`| \`${code}\` |`))).toEqual([]);
  });
});
