import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { ChevetDb } from '@/db/database';
import { LATEST_SCHEMA_VERSION, SCHEMA_VERSIONS } from '@/db/schema-versions';

/** Opens a database at an earlier schema version exactly as that release declared it. */
function openAtVersion(name: string, version: number) {
  const db = new Dexie(name);
  for (const v of SCHEMA_VERSIONS.filter((s) => s.version <= version)) {
    const declared = db.version(v.version).stores(v.stores);
    if (v.upgrade) declared.upgrade(v.upgrade);
  }
  return db;
}

const earlier = SCHEMA_VERSIONS.filter((v) => v.version < LATEST_SCHEMA_VERSION);

describe('tablet database migrations', () => {
  it('has at least one earlier version to migrate from', () => {
    expect(earlier.length).toBeGreaterThan(0);
  });

  for (const { version } of earlier) {
    it(`keeps every record, revision, audit entry, outbox entry and draft when upgrading from version ${version}`, async () => {
      const name = `migration-${version}-${randomUUID()}`;
      const old = openAtVersion(name, version);
      await old.open();
      const records = Array.from({ length: 20 }, (_, i) => ({
        id: randomUUID(),
        kind: i % 2 ? 'vitalSigns' : 'participant',
        patientId: 'p1',
        data:
          i % 2
            ? { takenAt: `2026-03-02T09:${String(i).padStart(2, '0')}:00+01:00`, hr: 60 + i }
            : { trialNumber: 'MSC-LES-01', initials: 'AB' },
        rev: 1,
        createdAt: '2026-03-02T08:00:00Z',
        syncState: i === 4 ? 'conflict' : 'synced',
        voided: false,
        // From version 2 on, the tablet writes the indexed fields itself (the version 2 upgrade filled older rows).
        ...(version >= 2
          ? {
              sortAt: i % 2 ? `2026-03-02T09:${String(i).padStart(2, '0')}:00+01:00` : '2026-03-02T08:00:00Z',
              inConflict: i === 4 ? 1 : 0,
              voided: 0,
            }
          : {}),
      }));
      await old.table('records').bulkAdd(records);
      await old
        .table('revisions')
        .add({ mutationId: 'm1', recordId: records[0]!.id, status: 'applied', seq: 1 });
      await old
        .table('audit')
        .add({ recordId: records[0]!.id, at: '2026-03-02T08:00:00Z', action: 'create' });
      await old.table('outbox').add({ mutationId: 'm2', recordId: records[1]!.id, mutation: {} });
      await old.table('drafts').add({ key: 'u:f', userId: 'u', data: { sbp: '12' } });
      old.close();

      const db = new ChevetDb(name);
      await db.open();
      expect(db.verno).toBe(LATEST_SCHEMA_VERSION);
      expect(await db.records.count()).toBe(records.length);
      for (const original of records) {
        const migrated = await db.records.get(original.id);
        expect(migrated?.data).toEqual(original.data);
      }
      expect(await db.revisions.count()).toBe(1);
      expect(await db.audit.count()).toBe(1);
      expect(await db.outbox.count()).toBe(1);
      expect(await db.drafts.get('u:f')).toMatchObject({ data: { sbp: '12' } });
      // Version 2 fields are there for old rows, so the new indexes find them.
      const timeline = await db.records
        .where('[patientId+kind+sortAt]')
        .between(['p1', 'vitalSigns', Dexie.minKey], ['p1', 'vitalSigns', Dexie.maxKey])
        .toArray();
      expect(timeline).toHaveLength(10);
      expect(timeline[0]!.sortAt).toBe('2026-03-02T09:01:00+01:00');
      expect(await db.records.where('inConflict').equals(1).count()).toBe(1);
      db.close();
      await db.delete();
    });
  }
});
