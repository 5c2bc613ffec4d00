import { afterEach, describe, expect, it } from 'vitest';
import { readUnlockablePeople, TABLET_DB_NAME } from '@/boot/early-read';
import { ChevetDb, DEFAULT_DB_NAME } from '@/db/database';
import { prerenderPerson } from '@/boot/prerender';

const NAME = 'early-read-test';

afterEach(async () => {
  await new ChevetDb(NAME).delete();
});

describe('who may unlock, read with raw IndexedDB before the bundle', () => {
  it('reads the tablet database of the app', () => {
    expect(TABLET_DB_NAME).toBe(DEFAULT_DB_NAME);
  });

  it('finds nobody on a new tablet, and creates no database there (Dexie creates it)', async () => {
    expect(await readUnlockablePeople(indexedDB, NAME)).toEqual([]);
    expect((await indexedDB.databases()).map((d) => d.name)).not.toContain(NAME);
    const db = new ChevetDb(NAME);
    await db.open();
    expect(db.verno).toBeGreaterThan(0);
    expect(await db.people.count()).toBe(0);
    db.close();
  });

  it('lists those with a PIN, most recently unlocked first, as Dexie stored them; Dexie opens after it', async () => {
    const db = new ChevetDb(NAME);
    const first = prerenderPerson('nurse', {
      userId: 'a',
      displayName: 'Ana',
      lastUnlockAt: '2026-02-01T08:00:00Z',
    });
    const second = prerenderPerson('physician', {
      userId: 'b',
      displayName: 'Bo',
      lastUnlockAt: '2026-02-02T08:00:00Z',
    });
    const signedOut = { ...prerenderPerson('nurse', { userId: 'c', displayName: 'Cy' }), pin: undefined };
    await db.people.bulkPut([first, second, signedOut]);
    db.close();
    expect(await readUnlockablePeople(indexedDB, NAME)).toEqual([second, first]);
    // The raw connection is closed: Dexie opens (and would upgrade) without being blocked.
    await db.open();
    expect(await db.people.count()).toBe(3);
    db.close();
  });

  it('answers null when there is no IndexedDB at all', async () => {
    expect(await readUnlockablePeople(undefined, NAME)).toBeNull();
  });
});
