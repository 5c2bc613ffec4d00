import type { TabletPerson } from '@/db/people';

// Which first screen this tablet shows, kept in localStorage so that the page's boot script can put it into the
// page synchronously, as the page is parsed (src/boot/early.ts): opening IndexedDB at a cold start takes the
// browser 60–120 ms, the lock screen's whole budget (issue 25). It holds what the lock screen shows anyone who
// picks the tablet up — the names and roles of those who may unlock, whether their offline unlock is blocked —
// and nothing else: no PIN verifier, no token. It is never trusted: the boot script's raw IndexedDB read still
// follows and corrects the screen before the app starts, and the app's own state comes from the database.
// Kept up to date by the app whenever the people stored on the tablet change (src/session/first-screen-hint.ts).

export const FIRST_SCREEN_HINT_KEY = 'chevet.firstScreen';

/** What the first screen needs of a person who may unlock (src/boot/markup.ts). */
export type HintPerson = Pick<TabletPerson, 'userId' | 'displayName' | 'role' | 'offlineUnlockDisabled'>;

/** The hint for the people who may unlock, in the lock screen's order (`unlockable` of src/db/people.ts). */
export function firstScreenHint(people: readonly TabletPerson[]): HintPerson[] {
  return people.map(({ userId, displayName, role, offlineUnlockDisabled }) => ({
    userId,
    displayName,
    role,
    offlineUnlockDisabled,
  }));
}

const isHintPerson = (value: unknown): value is HintPerson => {
  const person = value as HintPerson | null;
  return (
    typeof person === 'object' &&
    person !== null &&
    typeof person.userId === 'string' &&
    typeof person.displayName === 'string' &&
    typeof person.role === 'string' &&
    typeof person.offlineUnlockDisabled === 'boolean'
  );
};

/** The stored hint; null when there is none or it is not one (the boot script then waits for IndexedDB). */
export function readFirstScreenHint(storage?: Pick<Storage, 'getItem'>): HintPerson[] | null {
  try {
    const value: unknown = JSON.parse((storage ?? localStorage).getItem(FIRST_SCREEN_HINT_KEY) ?? 'null');
    return Array.isArray(value) && value.every(isHintPerson) ? value : null;
  } catch {
    return null;
  }
}

/** Stores the hint for these people (who may unlock, in order), when it changed; a full storage is no error. */
export function writeFirstScreenHint(
  people: readonly TabletPerson[],
  storage?: Pick<Storage, 'getItem' | 'setItem'>,
) {
  try {
    const store = storage ?? localStorage;
    const value = JSON.stringify(firstScreenHint(people));
    if (store.getItem(FIRST_SCREEN_HINT_KEY) !== value) store.setItem(FIRST_SCREEN_HINT_KEY, value);
  } catch {
    // Without it the next start waits for IndexedDB, as a new tablet does.
  }
}
