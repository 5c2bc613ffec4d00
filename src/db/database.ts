import { Dexie, type EntityTable } from 'dexie';
import type { StoredDirectory } from './directory';
import type { TabletPerson } from './people';
import type { AuditEntry, Draft, OutboxEntry, StoredRecord, StoredRevision, SyncMeta } from './types';
import { SCHEMA_VERSIONS } from './schema-versions';

export const DEFAULT_DB_NAME = 'chevet';

export class ChevetDb extends Dexie {
  records!: EntityTable<StoredRecord, 'id'>;
  revisions!: EntityTable<StoredRevision, 'mutationId'>;
  audit!: EntityTable<AuditEntry, 'id'>;
  outbox!: EntityTable<OutboxEntry, 'order'>;
  drafts!: EntityTable<Draft, 'key'>;
  meta!: EntityTable<SyncMeta, 'key'>;
  people!: EntityTable<TabletPerson, 'userId'>;
  directory!: EntityTable<StoredDirectory, 'key'>;

  constructor(name = DEFAULT_DB_NAME) {
    super(name);
    for (const version of SCHEMA_VERSIONS) {
      const declared = this.version(version.version).stores(version.stores);
      if (version.upgrade) declared.upgrade(version.upgrade);
    }
  }
}

let shared: ChevetDb | undefined;
/** The tablet's one database (tests and simulated tablets construct their own). */
export function getDb(): ChevetDb {
  shared ??= new ChevetDb();
  return shared;
}
