import { liveQuery } from 'dexie';
import { writeFirstScreenHint } from '@/boot/first-screen-hint';
import { listPeopleWithPin } from '@/db/people';
import { sessionDeps } from './session-store';

/**
 * Keeps the first screen's hint (src/boot/first-screen-hint.ts) equal to the people who may unlock this tablet,
 * for the life of the page: a PIN chosen, a sign-out, an unlock (the lock screen's order), a blocked unlock, in
 * this tab or another. The next start then shows the right screen at once.
 */
export function keepFirstScreenHint() {
  return liveQuery(() => listPeopleWithPin(sessionDeps().db())).subscribe({
    next: (people) => writeFirstScreenHint(people),
    // An unreadable database: the next start waits for it, as today's does.
    error: () => undefined,
  });
}
