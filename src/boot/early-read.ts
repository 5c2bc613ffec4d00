import { unlockable, type TabletPerson } from '@/db/people';

// Who may unlock this tablet, read with raw IndexedDB by the page's boot script before the app's bundle runs
// (issue 25): opening the database through Dexie costs ~200 ms of a cold start at 4× CPU, a raw read a few.
// No Dexie here, nothing but the type of a person: this module is part of the boot script (src/boot/early.ts).

/** The tablet's database (the same name as DEFAULT_DB_NAME of src/db/database.ts; a test checks). */
export const TABLET_DB_NAME = 'chevet';

/**
 * The people stored on this tablet who can unlock it with their PIN, most recently unlocked first; `[]` when the
 * tablet has no database yet (none is created: the open is abandoned at its upgrade); `null` when it cannot be
 * read (the app then asks Dexie, which reports what fails).
 */
export function readUnlockablePeople(
  idb: IDBFactory | undefined,
  name = TABLET_DB_NAME,
): Promise<TabletPerson[] | null> {
  return new Promise((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      if (!idb) return resolve(null);
      request = idb.open(name);
    } catch {
      return resolve(null);
    }
    let created = false;
    request.onupgradeneeded = () => {
      // No database yet: leave its creation to Dexie (an empty version-1 database would confuse its upgrade).
      created = true;
      request.transaction?.abort();
    };
    request.onerror = (event) => {
      event.preventDefault();
      resolve(created ? [] : null);
    };
    request.onblocked = () => resolve(null);
    request.onsuccess = () => {
      const db = request.result;
      const done = (people: TabletPerson[] | null) => {
        db.close();
        resolve(people);
      };
      try {
        // A database without the table is not one this app made: let Dexie deal with it.
        if (!db.objectStoreNames.contains('people')) return done(null);
        const all = db.transaction('people', 'readonly').objectStore('people').getAll();
        all.onsuccess = () => done(unlockable(all.result as TabletPerson[]));
        all.onerror = () => done(null);
      } catch {
        done(null);
      }
    };
  });
}

/** The first screen for these people, and whom the lock screen offers (the same rule as the session's start). */
export function firstScreen(people: readonly Pick<TabletPerson, 'userId'>[]): {
  screen: 'locked' | 'sign-in';
  lockedUserId?: string;
} {
  if (!people.length) return { screen: 'sign-in' };
  return people.length === 1 ? { screen: 'locked', lockedUserId: people[0]!.userId } : { screen: 'locked' };
}
