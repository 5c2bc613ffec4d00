import type { z } from 'zod';
import { isRecordKind, RECORD_KINDS, recordScope, type RecordKind } from '../../src/schema/records';
import { BAD_TEXT_MESSAGE, findBadText, reasonSchema } from '../../src/schema/common';
import { mutationSchema, type Mutation, type RejectCode } from '../../src/schema/sync';
import type { Principal } from '../auth/roles';

export type ValidMutation = Mutation & { kind: RecordKind };
export type Rejection = { code: RejectCode; reason: string };
export type Validation =
  { ok: true; mutation: ValidMutation } | ({ ok: false; mutationId: string } & Rejection);

/** A device time further ahead of the store's clock than this is refused (`clock-ahead`). */
export const MAX_CLOCK_AHEAD_MS = 24 * 60 * 60 * 1000;

/**
 * Checks one mutation on its own (shape, text, kind, data, role, author, device time, op rules that need no store
 * state), so that an invalid one is `rejected` with a stable code and a plain reason while the rest of the batch
 * applies.
 */
export function validateMutation(raw: unknown, principal: Principal, now: Date): Validation {
  const mutationId =
    typeof (raw as { mutationId?: unknown })?.mutationId === 'string'
      ? (raw as { mutationId: string }).mutationId
      : '';
  const refuse = (code: RejectCode, reason: string): Validation => ({ ok: false, mutationId, code, reason });
  // Before the shape: whatever field holds it, and whatever a kind's schema forgets, bad text never reaches
  // the database, where it would fail the statement.
  const badText = findBadText(raw);
  if (badText !== null) return refuse('invalid-text', `invalid text: ${badText} ${BAD_TEXT_MESSAGE}`);
  const parsed = mutationSchema.safeParse(raw);
  if (!parsed.success) return refuse('invalid-mutation', `invalid mutation: ${describe(parsed.error)}`);
  const m = parsed.data;
  if (!isRecordKind(m.kind)) return refuse('unknown-kind', `unknown kind "${m.kind}"`);
  // The author is the token's person and tablet; a mutation claiming someone else is refused, never re-attributed.
  if ((m.userId && m.userId !== principal.userId) || (m.deviceId && m.deviceId !== principal.deviceId)) {
    return refuse(
      'author-mismatch',
      'author mismatch: the mutation claims another user or device than the signed-in one',
    );
  }
  const spec = RECORD_KINDS[m.kind];
  if (!(spec.writers as readonly string[]).includes(principal.role)) {
    return refuse('role-not-allowed', `not allowed for this role: ${principal.role} may not write ${m.kind}`);
  }
  // The device's time is kept as sent, beside the store's receipt time; one far in the future is a wrong clock.
  if (Date.parse(m.at) > now.getTime() + MAX_CLOCK_AHEAD_MS) {
    return refuse(
      'clock-ahead',
      `the device time ${m.at} is more than 24 hours ahead of the store's (${now.toISOString()}): set the tablet's clock`,
    );
  }
  const data = (spec.schema as z.ZodType).safeParse(m.data);
  if (!data.success) return refuse('invalid-data', `invalid ${m.kind} data: ${describe(data.error)}`);
  if (m.kind === 'participant' && m.patientId !== m.recordId)
    return refuse('invalid-patient-id', 'a participant is its own patientId');
  const scope = recordScope(m.kind);
  if (m.kind !== 'participant' && scope === 'participant' && !m.patientId)
    return refuse('invalid-patient-id', `${m.kind} needs the patientId of a participant`);
  if (scope === 'trial' && m.patientId)
    return refuse('invalid-patient-id', `${m.kind} is about the trial: its patientId is null`);
  if (m.op === 'create' && m.baseRev !== null) return refuse('invalid-base-rev', 'create takes baseRev null');
  if (m.op !== 'create' && m.baseRev === null)
    return refuse('invalid-base-rev', `${m.op} needs the baseRev it was made on`);
  if (m.op !== 'create' && !reasonSchema.safeParse(m.reason ?? '').success)
    return refuse('reason-required', `${m.op} of saved data needs a reason`);
  if (m.op === 'revise' && spec.mode === 'observation')
    return refuse('append-only', `${m.kind} is append-only: correct it with a new record that supersedes it`);
  if (m.supersedes && (m.op !== 'create' || spec.mode !== 'observation'))
    return refuse('supersede-not-allowed', 'only a new observation may supersede another');
  if (m.supersedes && !reasonSchema.safeParse(m.reason ?? '').success)
    return refuse('reason-required', 'a correction needs a reason');
  // zod's output is the mutation's own copy: its data is replaced in place (no third copy of each mutation).
  return {
    ok: true,
    mutation: Object.assign(m, { data: data.data as Record<string, unknown> }) as ValidMutation,
  };
}

function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || 'value'}: ${issue.message}`)
    .join('; ');
}
