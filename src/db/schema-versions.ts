import type { Transaction } from 'dexie';

/**
 * Every version of the tablet's IndexedDB schema, oldest first. Released versions are never edited: a change is
 * a new version with an upgrade that carries every existing row forward (test/db/migrations.test.ts opens each
 * earlier version with data and checks that the latest keeps every record).
 */
export type SchemaVersion = {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
};

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    // First release: records with their revisions, audit, outbox, drafts and sync state.
    version: 1,
    stores: {
      records: 'id, kind, patientId, [patientId+kind], syncState',
      revisions: 'mutationId, recordId, seq, status',
      audit: '++id, recordId, at',
      outbox: '++order, &mutationId, recordId',
      drafts: 'key, userId',
      meta: 'key',
    },
  },
  {
    // Timelines ordered by clinical time without loading a participant's whole history, and conflicts listed
    // without a table scan: `sortAt` and `inConflict` become indexed fields, filled in for existing records.
    version: 2,
    stores: {
      records:
        'id, kind, patientId, [patientId+kind], [patientId+kind+sortAt], [patientId+sortAt], syncState, inConflict',
      // People who signed in on this tablet: offline unlock (PIN verifier), their session tokens (issue 3).
      people: 'userId, username',
    },
    upgrade: async (tx) => {
      await tx
        .table('records')
        .toCollection()
        .modify((record: Record<string, unknown>) => {
          const data = (record.data ?? {}) as Record<string, unknown>;
          record.sortAt ??= typeof data.takenAt === 'string' ? data.takenAt : record.createdAt;
          record.inConflict = record.syncState === 'conflict' ? 1 : 0;
          record.voided = record.voided ? 1 : 0;
        });
    },
  },
  {
    // The store's people directory (issue 24): every account and device by name, cached for offline screens.
    version: 3,
    stores: { directory: 'key' },
  },
  {
    // Issue 25 (speed): every row written updates each index of its table; a save writes a record, a revision, an
    // audit entry and an outbox entry, and a fresh tablet's first sync a record and a revision per change. Dropped:
    // the indexes no query reads (records by `[patientId+sortAt]` or `syncState`, revisions by `seq`, audit
    // entries by `at`, outbox entries by `recordId`, drafts by `userId`), and records by `patientId`, which Dexie
    // answers from `[patientId+kind]` (a query on a compound index's first part; every record has a kind).
    // test/db/indexes.test.ts keeps it so.
    version: 4,
    stores: {
      records: 'id, kind, [patientId+kind], [patientId+kind+sortAt], inConflict',
      revisions: 'mutationId, recordId, status',
      audit: '++id, recordId',
      outbox: '++order, &mutationId',
      drafts: 'key',
    },
  },
];

export const LATEST_SCHEMA_VERSION = SCHEMA_VERSIONS.at(-1)!.version;
