import type { RecordKind } from '@/schema/records';
import type { Mutation, MutationOp } from '@/schema/sync';

// The tablet's tables (architecture.md, "Records, audit and never losing a value"). Records are a cache derived
// from their revisions; revisions, audit entries and outbox entries are only ever added to (or marked synced).

export type RecordData = Record<string, unknown>;

/** Where a revision stands with the central store. */
export type RevisionStatus = 'pending' | 'applied' | 'conflict' | 'rejected';
/** Where a record stands, for badges: anything unsent, refused or in conflict shows. */
export type RecordSyncState = 'pending' | 'synced' | 'conflict' | 'rejected';

export type StoredRevision = {
  mutationId: string;
  recordId: string;
  kind: RecordKind;
  patientId: string | null;
  op: MutationOp;
  /** Server revision once applied; before that, the tentative `baseRev + 1`. */
  rev: number;
  baseRev: number | null;
  data: RecordData;
  reason?: string;
  /** Device time of the act. */
  at: string;
  userId: string;
  deviceId: string;
  supersedes?: string;
  /** Server global sequence once stored there; null while only on this tablet. */
  seq: number | null;
  receivedAt?: string;
  status: RevisionStatus;
  /** Why the store refused it (or could not store it), as it said it: a sentence. */
  rejectReason?: string;
  /** The stable reason code of a refusal (`store-error`: the store failed on it alone, again and again). */
  rejectCode?: string;
  /** When this tablet set it aside (a refused mutation never blocks the outbox; it is kept, never deleted). */
  rejectedAt?: string;
  /** The author saw the set-aside entry and dismissed it: it stays stored, shown no more as needing action. */
  acknowledgedAt?: string;
  acknowledgedBy?: string;
};

export type StoredRecord = {
  id: string;
  kind: RecordKind;
  patientId: string | null;
  data: RecordData;
  rev: number;
  createdAt: string;
  createdBy: string;
  deviceId: string;
  updatedAt: string;
  updatedBy: string;
  /** Clinical time used to order timelines (e.g. a vital-sign set's takenAt), else creation time. */
  sortAt: string;
  voided: 0 | 1;
  voidReason?: string;
  supersedes?: string;
  /** Indexed as numbers: IndexedDB cannot index booleans. */
  inConflict: 0 | 1;
  syncState: RecordSyncState;
};

export type AuditAction =
  | 'create'
  | 'revise'
  | 'void'
  | 'resolve'
  | 'sync-conflict'
  | 'sync-rejected'
  /** The author acknowledged a set-aside (refused) entry; it stays stored. */
  | 'sync-rejected-acknowledged'
  /** The author sent a set-aside entry again (the store had failed on it, not refused it). */
  | 'sync-resent';

export type AuditEntry = {
  id?: number;
  at: string;
  userId: string;
  deviceId: string;
  recordId: string;
  kind: RecordKind;
  action: AuditAction;
  before?: RecordData;
  after?: RecordData;
  reason?: string;
  mutationId?: string;
};

export type OutboxEntry = {
  order?: number;
  mutationId: string;
  recordId: string;
  /** The author: only their own session may send it (the server attributes a push to its token's person). */
  userId: string;
  mutation: Mutation;
  queuedAt: string;
  attempts: number;
  lastError?: string;
};

/** A form being typed: autosaved, restored after a reload, a crash or a lock; removed when saved. */
export type Draft = {
  key: string;
  userId: string;
  data: RecordData;
  savedAt: string;
};

export type SyncMeta = {
  key: 'sync';
  cursor: number;
  lastSuccessAt?: string;
  lastAttemptAt?: string;
  lastError?: string;
  /** Per device: the last outbox report its pushes carried (issue 24), so a changed one is sent even with no batch. */
  outboxReports?: Record<string, string | null>;
};
