import type { Role } from './common';
import { RECORD_KINDS, type RecordKind } from './records';

export { maySync, SYNC_ROLES } from './sync-access';

// What each role may do, in one table for the tablet's screens, its commands and the store (wire-contract.md,
// "What the store enforces"): a screen offers only what the person may do, so nobody types a reason to be
// refused.

/** May this role create or revise records of this kind? */
export function mayWrite(kind: RecordKind, role: Role | undefined): boolean {
  return !!role && (RECORD_KINDS[kind].writers as readonly Role[]).includes(role);
}

/**
 * May this person void (or correct) this record? Its author or a physician, within the kind's writers; a
 * signature only by its signer.
 */
export function mayVoid(
  record: { kind: RecordKind; createdBy: string; data: Record<string, unknown> },
  person: { userId: string; role: Role } | undefined,
): boolean {
  if (!person || !mayWrite(record.kind, person.role)) return false;
  if (record.kind === 'signature') return record.data.signer === person.userId;
  // A data query's message (issue 24) is its author's alone, a physician's included.
  if (record.kind === 'dataQuery') return record.createdBy === person.userId;
  return record.createdBy === person.userId || person.role === 'physician';
}
