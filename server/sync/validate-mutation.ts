import type { z } from 'zod';
import { isRecordKind, RECORD_KINDS, recordScope, type RecordKind } from '../../src/schema/records';
import { reasonSchema } from '../../src/schema/common';
import { mutationSchema, type Mutation } from '../../src/schema/sync';
import type { Principal } from '../auth/roles';

export type ValidMutation = Mutation & { kind: RecordKind };
export type Validation =
  { ok: true; mutation: ValidMutation } | { ok: false; mutationId: string; reason: string };

/**
 * Checks one mutation on its own (shape, kind, data, role, author, op rules that need no store state), so that an
 * invalid one is `rejected` with a plain reason while the rest of the batch applies.
 */
export function validateMutation(raw: unknown, principal: Principal): Validation {
  const mutationId =
    typeof (raw as { mutationId?: unknown })?.mutationId === 'string'
      ? (raw as { mutationId: string }).mutationId
      : '';
  const parsed = mutationSchema.safeParse(raw);
  if (!parsed.success)
    return { ok: false, mutationId, reason: `invalid mutation: ${describe(parsed.error)}` };
  const m = parsed.data;
  const reject = (reason: string): Validation => ({ ok: false, mutationId: m.mutationId, reason });
  if (!isRecordKind(m.kind)) return reject(`unknown kind "${m.kind}"`);
  // The author is the token's person and tablet; a mutation claiming someone else is refused, never re-attributed.
  if ((m.userId && m.userId !== principal.userId) || (m.deviceId && m.deviceId !== principal.deviceId)) {
    return reject('author mismatch: the mutation claims another user or device than the signed-in one');
  }
  const spec = RECORD_KINDS[m.kind];
  if (!(spec.writers as readonly string[]).includes(principal.role)) {
    return reject(`not allowed for this role: ${principal.role} may not write ${m.kind}`);
  }
  const data = (spec.schema as z.ZodType).safeParse(m.data);
  if (!data.success) return reject(`invalid ${m.kind} data: ${describe(data.error)}`);
  if (m.kind === 'participant' && m.patientId !== m.recordId)
    return reject('a participant is its own patientId');
  const scope = recordScope(m.kind);
  if (m.kind !== 'participant' && scope === 'participant' && !m.patientId)
    return reject(`${m.kind} needs the patientId of a participant`);
  if (scope === 'trial' && m.patientId) return reject(`${m.kind} is about the trial: its patientId is null`);
  if (m.op === 'create' && m.baseRev !== null) return reject('create takes baseRev null');
  if (m.op !== 'create' && m.baseRev === null) return reject(`${m.op} needs the baseRev it was made on`);
  if (m.op !== 'create' && !reasonSchema.safeParse(m.reason ?? '').success)
    return reject(`${m.op} of saved data needs a reason`);
  if (m.op === 'revise' && spec.mode === 'observation')
    return reject(`${m.kind} is append-only: correct it with a new record that supersedes it`);
  if (m.supersedes && (m.op !== 'create' || spec.mode !== 'observation'))
    return reject('only a new observation may supersede another');
  if (m.supersedes && !reasonSchema.safeParse(m.reason ?? '').success)
    return reject('a correction needs a reason');
  return { ok: true, mutation: { ...m, data: data.data as Record<string, unknown>, kind: m.kind } };
}

function describe(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || 'value'}: ${issue.message}`)
    .join('; ');
}
