import { createRecord } from '@/db/commands';
import type { CommandError } from '@/db/command-result';
import type { ChevetDb } from '@/db/database';
import type { StoredRecord } from '@/db/types';
import type { WriteContext } from '@/db/write-context';
import { canSign, signerNameOf, type Signature, type SignatureMeaning } from '@/schema/signature';
import type { AuthFailure } from './auth-errors';
import { contentHash } from './canonical-json';
import { checkPersonPin } from './pin-check';
import { reauthenticateWithPassword } from './session-store';

// The electronic signature act (issue 3): the signer re-enters their PIN (checked on the tablet) or their
// password (checked by the server, online only), reads the meaning as a full sentence, and a `signature` record
// is stored through the one write path. It names one revision of one record and the SHA-256 of that revision's
// data, so any later change shows the signature as invalidated.

// Who may sign what is one table in src/schema/signature.ts, shared with the store that enforces it.
export { canSign, SIGNING_ROLES } from '@/schema/signature';

export type SignInput = {
  recordId: string;
  meaning: SignatureMeaning;
  method: 'pin' | 'password';
  pinOrPassword: string;
};

export type SignProblem =
  /** The signer's role may not sign this meaning. */
  | { problem: 'forbidden' }
  /** The signer has not signed in on this tablet. */
  | { problem: 'signer-unknown' }
  | { problem: 'record-not-found' }
  | { problem: 'record-voided' }
  | { problem: 'wrong-pin'; attemptsLeft: number }
  /** The fifth wrong PIN: offline unlock is now disabled; the dialog locks the app. */
  | { problem: 'pin-disabled-now' }
  | { problem: 'pin-disabled' }
  | { problem: 'no-pin' }
  /** Password check with the server failed (wrong password, locked account, offline…). */
  | { problem: 'password'; error: AuthFailure }
  /** The write itself was refused (e.g. storage full). */
  | { problem: 'command'; error: CommandError };

export type SignOutcome =
  { ok: true; signatureId: string; signature: Signature } | ({ ok: false } & SignProblem);

export type SignOptions = {
  /** Checks a password with the server; defaults to the session's (POST /api/auth/login). */
  checkPassword?: (
    userId: string,
    password: string,
  ) => Promise<{ ok: true } | { ok: false; error: AuthFailure }>;
};

/**
 * Signs the current revision of a record as the person of `ctx`, after checking their PIN or password. Stores a
 * `signature` record `{ signer, signerName, role, meaning, signedAt, recordId, recordRev, contentHash, method }`.
 */
export async function signRecord(
  db: ChevetDb,
  ctx: WriteContext,
  input: SignInput,
  options: SignOptions = {},
): Promise<SignOutcome> {
  if (!canSign(ctx.role, input.meaning)) return { ok: false, problem: 'forbidden' };
  const signer = await db.people.get(ctx.userId);
  if (!signer) return { ok: false, problem: 'signer-unknown' };
  const before = await db.records.get(input.recordId);
  if (!before) return { ok: false, problem: 'record-not-found' };
  if (before.voided) return { ok: false, problem: 'record-voided' };

  if (input.method === 'pin') {
    const check = await checkPersonPin(db, ctx.userId, input.pinOrPassword, ctx.now());
    if (!check.ok) {
      switch (check.problem) {
        case 'wrong-pin':
          return { ok: false, problem: 'wrong-pin', attemptsLeft: check.attemptsLeft };
        case 'disabled-now':
          return { ok: false, problem: 'pin-disabled-now' };
        case 'disabled':
          return { ok: false, problem: 'pin-disabled' };
        default:
          return { ok: false, problem: 'no-pin' };
      }
    }
  } else {
    const check = await (options.checkPassword ?? reauthenticateWithPassword)(
      ctx.userId,
      input.pinOrPassword,
    );
    if (!check.ok) return { ok: false, problem: 'password', error: check.error };
  }

  // The record as it is now (a sync may have brought a revision while the person typed): sign what is stored.
  const record = (await db.records.get(input.recordId)) ?? before;
  if (record.voided) return { ok: false, problem: 'record-voided' };
  const signature: Signature = {
    signer: ctx.userId,
    signerName: signerNameOf(signer),
    role: ctx.role,
    meaning: input.meaning,
    signedAt: ctx.now().toISOString(),
    recordId: record.id,
    recordRev: record.rev,
    contentHash: await contentHash(record.data),
    method: input.method,
  };
  const written = await createRecord(db, ctx, {
    kind: 'signature',
    patientId: record.patientId,
    data: signature,
  });
  if (!written.ok) {
    const { ok: _ok, ...error } = written;
    return { ok: false, problem: 'command', error };
  }
  return { ok: true, signatureId: written.recordId, signature };
}

export type SignatureValidity = 'valid' | 'invalidated';

/**
 * Whether a signature still covers its record: invalidated as soon as the record was revised or voided since
 * (another revision) or its data no longer hashes to the signed content.
 */
export async function signatureValidity(
  signature: Pick<Signature, 'recordId' | 'recordRev' | 'contentHash'>,
  record: (Pick<StoredRecord, 'id' | 'rev' | 'data'> & { voided?: 0 | 1 }) | undefined,
): Promise<SignatureValidity> {
  if (!record || record.id !== signature.recordId) return 'invalidated';
  if (record.voided || record.rev !== signature.recordRev) return 'invalidated';
  return (await contentHash(record.data)) === signature.contentHash ? 'valid' : 'invalidated';
}

/** The signatures stored for a record (voided signature records left out), oldest first. */
export async function signaturesOf(db: ChevetDb, record: Pick<StoredRecord, 'id' | 'patientId'>) {
  const candidates = record.patientId
    ? db.records.where('[patientId+kind]').equals([record.patientId, 'signature'])
    : db.records.where('kind').equals('signature');
  const found = await candidates.filter((r) => !r.voided && r.data.recordId === record.id).toArray();
  return found.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}
