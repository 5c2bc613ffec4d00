// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRecord, saveRevision, voidRecord } from '@/db/commands';
import type { WriteContext } from '@/db/write-context';
import { signatureMeaningSchema, signatureSchema, type Signature } from '@/schema/signature';
import { canonicalJson, contentHash, sha256Hex } from '@/session/canonical-json';
import { currentWriteContext, useSession } from '@/session/session-store';
import { canSign, signatureValidity, signaturesOf, signRecord, SIGNING_ROLES } from '@/session/signature';
import { fakeAuthServer, setUpSession, type FakeServer } from './fake-auth-server';

const PIN = '482913';
const PASSWORD = 'correct horse battery';
let server: FakeServer;
let env: ReturnType<typeof setUpSession>;

async function signedIn(username: string, role: 'nurse' | 'physician' | 'data-manager') {
  const account = server.addUser(username, role, PASSWORD, `Dr ${username}`);
  await useSession.getState().signIn({ username, password: PASSWORD, deviceName: 'T' });
  await useSession.getState().choosePin(PIN, PIN);
  return { account, ctx: currentWriteContext()! };
}

async function participant(ctx: WriteContext, data = { trialNumber: 'MSC-LES-01', initials: 'AB' }) {
  const id = crypto.randomUUID();
  const created = await createRecord(env.db, ctx, { kind: 'participant', recordId: id, patientId: id, data });
  expect(created.ok).toBe(true);
  return id;
}

beforeEach(() => {
  server = fakeAuthServer();
  env = setUpSession(server);
});
afterEach(() => env.restore());

describe('canonical JSON and its SHA-256', () => {
  it('sorts keys at every depth, so field order never changes the hash', async () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { f: 1, e: 2 }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"e":2,"f":1}]},"b":1}',
    );
    expect(canonicalJson({ a: undefined, b: null })).toBe('{"b":null}');
    expect(await contentHash({ initials: 'AB', trialNumber: 'MSC-LES-01' })).toBe(
      await contentHash({ trialNumber: 'MSC-LES-01', initials: 'AB' }),
    );
    expect(await contentHash({ initials: 'AB' })).not.toBe(await contentHash({ initials: 'AC' }));
  });

  it('is the standard SHA-256 (FIPS 180-2 test vector)', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('who may sign what', () => {
  it('has a rule for every meaning', () => {
    expect(Object.keys(SIGNING_ROLES).sort()).toEqual([...signatureMeaningSchema.options].sort());
    expect(canSign('physician', 'eligibility-assessment')).toBe(true);
    expect(canSign('nurse', 'eligibility-assessment')).toBe(false);
    expect(canSign('nurse', 'infusion-record')).toBe(true);
    expect(canSign('data-manager', 'data-review')).toBe(true);
    expect(canSign('physician', 'data-review')).toBe(false);
    expect(canSign('admin', 'dlt-confirmation')).toBe(false);
    expect(canSign(undefined, 'infusion-record')).toBe(false);
  });

  it('refuses a role that may not sign this meaning, before asking anything', async () => {
    const { ctx: doctor } = await signedIn('house', 'physician');
    const id = await participant(doctor);
    useSession.getState().switchUser();
    useSession.getState().showSignIn();
    const { ctx: nurse } = await signedIn('joy', 'nurse');
    const outcome = await signRecord(env.db, nurse, {
      recordId: id,
      meaning: 'eligibility-assessment',
      method: 'pin',
      pinOrPassword: PIN,
    });
    expect(outcome).toEqual({ ok: false, problem: 'forbidden' });
    expect(await signaturesOf(env.db, { id, patientId: id })).toHaveLength(0);
  });
});

describe('signing a record', () => {
  it('re-checks the PIN and stores the signature through the write path (record, audit, outbox)', async () => {
    const { account, ctx } = await signedIn('house', 'physician');
    const id = await participant(ctx);
    const outcome = await signRecord(env.db, ctx, {
      recordId: id,
      meaning: 'eligibility-assessment',
      method: 'pin',
      pinOrPassword: PIN,
    });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const record = (await env.db.records.get(id))!;
    expect(outcome.signature).toEqual({
      signer: account.id,
      signerName: 'Dr house',
      role: 'physician',
      meaning: 'eligibility-assessment',
      signedAt: expect.any(String),
      recordId: id,
      recordRev: 1,
      contentHash: await contentHash(record.data),
      method: 'pin',
    } satisfies Signature);
    expect(signatureSchema.safeParse(outcome.signature).success).toBe(true);
    const stored = (await env.db.records.get(outcome.signatureId))!;
    expect(stored).toMatchObject({
      kind: 'signature',
      patientId: id,
      createdBy: account.id,
      deviceId: ctx.deviceId,
    });
    expect((await env.db.outbox.toArray()).filter((e) => e.recordId === outcome.signatureId)).toHaveLength(1);
    expect(await env.db.audit.where('recordId').equals(outcome.signatureId).count()).toBe(1);
    expect(await signatureValidity(outcome.signature, record)).toBe('valid');
  });

  it('a wrong PIN signs nothing and counts toward the five that disable offline unlock', async () => {
    const { account, ctx } = await signedIn('house', 'physician');
    const id = await participant(ctx);
    const sign = (pin: string) =>
      signRecord(env.db, ctx, {
        recordId: id,
        meaning: 'eligibility-assessment',
        method: 'pin',
        pinOrPassword: pin,
      });
    expect(await sign('000001')).toEqual({ ok: false, problem: 'wrong-pin', attemptsLeft: 4 });
    for (let i = 0; i < 3; i++) await sign('000001');
    expect(await sign('000001')).toEqual({ ok: false, problem: 'pin-disabled-now' });
    expect(await sign(PIN)).toEqual({ ok: false, problem: 'pin-disabled' });
    expect((await env.db.people.get(account.id))!.offlineUnlockDisabled).toBe(true);
    expect(await signaturesOf(env.db, { id, patientId: id })).toHaveLength(0);
  });

  it('by password: checked by the server; a wrong one or no network signs nothing', async () => {
    const { ctx } = await signedIn('house', 'physician');
    const id = await participant(ctx);
    const sign = (password: string) =>
      signRecord(env.db, ctx, {
        recordId: id,
        meaning: 'conflict-resolution',
        method: 'password',
        pinOrPassword: password,
      });
    expect(await sign('nope')).toEqual({
      ok: false,
      problem: 'password',
      error: { kind: 'invalid-credentials' },
    });
    server.state.unreachable = true;
    expect(await sign(PASSWORD)).toEqual({ ok: false, problem: 'password', error: { kind: 'unreachable' } });
    server.state.unreachable = false;
    const outcome = await sign(PASSWORD);
    expect(outcome).toMatchObject({
      ok: true,
      signature: { method: 'password', meaning: 'conflict-resolution' },
    });
  });

  it('refuses a voided record', async () => {
    const { ctx } = await signedIn('house', 'physician');
    const id = await participant(ctx);
    await voidRecord(env.db, ctx, { recordId: id, reason: 'created twice' });
    expect(
      await signRecord(env.db, ctx, {
        recordId: id,
        meaning: 'eligibility-assessment',
        method: 'pin',
        pinOrPassword: PIN,
      }),
    ).toEqual({ ok: false, problem: 'record-voided' });
  });
});

describe('signature validity', () => {
  it('is invalidated by a revision of the record (which needs a reason) and by a void', async () => {
    const { ctx } = await signedIn('house', 'physician');
    const id = await participant(ctx);
    const outcome = await signRecord(env.db, ctx, {
      recordId: id,
      meaning: 'eligibility-assessment',
      method: 'pin',
      pinOrPassword: PIN,
    });
    if (!outcome.ok) throw new Error(outcome.problem);
    expect(
      await saveRevision(env.db, ctx, {
        recordId: id,
        data: { trialNumber: 'MSC-LES-01', initials: 'AC' },
        reason: '',
      }),
    ).toMatchObject({ ok: false, code: 'reason-required' });
    expect(await signatureValidity(outcome.signature, await env.db.records.get(id))).toBe('valid');
    await saveRevision(env.db, ctx, {
      recordId: id,
      data: { trialNumber: 'MSC-LES-01', initials: 'AC' },
      reason: 'initials typo',
    });
    expect(await signatureValidity(outcome.signature, await env.db.records.get(id))).toBe('invalidated');
  });

  it('is invalidated when the data differ at the same revision, or the record is gone or voided', async () => {
    const signed = { recordId: 'r1', recordRev: 2, contentHash: await contentHash({ a: 1 }) };
    expect(await signatureValidity(signed, { id: 'r1', rev: 2, data: { a: 1 } })).toBe('valid');
    expect(await signatureValidity(signed, { id: 'r1', rev: 2, data: { a: 2 } })).toBe('invalidated');
    expect(await signatureValidity(signed, { id: 'r1', rev: 3, data: { a: 1 } })).toBe('invalidated');
    expect(await signatureValidity(signed, { id: 'r1', rev: 2, data: { a: 1 }, voided: 1 })).toBe(
      'invalidated',
    );
    expect(await signatureValidity(signed, { id: 'r2', rev: 2, data: { a: 1 } })).toBe('invalidated');
    expect(await signatureValidity(signed, undefined)).toBe('invalidated');
  });
});
