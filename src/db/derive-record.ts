import type { StoredRecord, StoredRevision } from './types';

/**
 * A record's current state from all of its revisions (pure). The server's order (rev) decides; revisions still
 * only on this tablet come after the stored ones, in the order they were made. Nothing is dropped: the record is
 * a view, the revisions are the data.
 *
 * - current data: the last revision's (a void keeps the data it voids);
 * - in conflict: when the last stored revision was stored as a conflict and no local revision follows it yet
 *   (a physician's pending resolution already shows as resolved on this tablet);
 * - sync state: pending while anything is unsent, rejected when the server refused a revision, then conflict.
 */
export function deriveRecord(revisions: readonly StoredRevision[]): StoredRecord | undefined {
  if (revisions.length === 0) return undefined;
  const ordered = orderRevisions(revisions);
  const first = ordered[0]!;
  // A refused revision stays visible (badge, review) but never becomes the current value.
  const effective = ordered.filter((r) => r.status !== 'rejected');
  const last = effective.at(-1) ?? ordered.at(-1)!;
  const lastStored = ordered.filter((r) => r.status === 'applied' || r.status === 'conflict').at(-1);
  const inConflict = last.status === 'conflict';
  const sortAt = clinicalTime(last.data) ?? first.at;
  return {
    id: first.recordId,
    kind: first.kind,
    patientId: first.patientId,
    data: last.op === 'void' ? (previousData(effective) ?? last.data) : last.data,
    rev: Math.max(lastStored?.rev ?? 0, last.rev),
    createdAt: first.at,
    createdBy: first.userId,
    deviceId: first.deviceId,
    updatedAt: last.at,
    updatedBy: last.userId,
    sortAt,
    voided: last.op === 'void' ? 1 : 0,
    ...(last.op === 'void' && last.reason ? { voidReason: last.reason } : {}),
    ...(first.supersedes ? { supersedes: first.supersedes } : {}),
    inConflict: inConflict ? 1 : 0,
    syncState: revisions.some((r) => r.status === 'pending')
      ? 'pending'
      : revisions.some((r) => r.status === 'rejected')
        ? 'rejected'
        : inConflict
          ? 'conflict'
          : 'synced',
  };
}

/** Stored revisions by server rev (then seq), then this tablet's unsent ones by time; rejected ones last. */
export function orderRevisions(revisions: readonly StoredRevision[]): StoredRevision[] {
  const rank = (r: StoredRevision) => (r.status === 'rejected' ? 2 : r.seq === null ? 1 : 0);
  return [...revisions].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (rank(a) === 0
        ? a.rev - b.rev || a.seq! - b.seq!
        : a.at.localeCompare(b.at) || a.mutationId.localeCompare(b.mutationId)),
  );
}

function previousData(ordered: readonly StoredRevision[]) {
  return ordered.filter((r) => r.op !== 'void').at(-1)?.data;
}

function clinicalTime(data: Record<string, unknown>): string | undefined {
  for (const field of ['takenAt', 'occurredAt', 'onsetAt', 'date', 'at', 'checkedAt', 'declaredAt']) {
    const value = data[field];
    if (typeof value === 'string') return value;
  }
  return undefined;
}
