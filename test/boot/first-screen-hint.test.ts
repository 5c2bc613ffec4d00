// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { FIRST_SCREEN_HINT_KEY, readFirstScreenHint, writeFirstScreenHint } from '@/boot/first-screen-hint';
import { prerenderPerson } from '@/boot/prerender';
import { ChevetDb } from '@/db/database';
import { recordPinFailure } from '@/db/people';
import { keepFirstScreenHint } from '@/session/first-screen-hint';
import { configureSession } from '@/session/session-store';

// The first screen's hint (issue 25): what the boot script paints before IndexedDB answers. It holds what the
// lock screen shows, nothing secret, and the app keeps it equal to the people who may unlock.

const nurse = prerenderPerson('nurse', {
  userId: 'n',
  displayName: 'Zoé',
  lastUnlockAt: '2026-02-02T08:00:00Z',
});
const physician = prerenderPerson('physician', {
  userId: 'p',
  displayName: 'Dr Martin',
  lastUnlockAt: '2026-02-01T08:00:00Z',
});

afterEach(() => localStorage.clear());

describe('the first screen’s hint', () => {
  it('holds the names, roles and blocked unlocks of those who may unlock, and nothing secret', () => {
    writeFirstScreenHint([
      { ...nurse, refreshToken: { algorithm: 'AES-GCM', iv: 'iv', ciphertext: 'sealed' } },
    ]);
    const stored = localStorage.getItem(FIRST_SCREEN_HINT_KEY)!;
    expect(JSON.parse(stored)).toEqual([
      { userId: 'n', displayName: 'Zoé', role: 'nurse', offlineUnlockDisabled: false },
    ]);
    expect(stored).not.toMatch(/salt|hash|iterations|sealed|deviceId|username/);
    expect(readFirstScreenHint()).toEqual(JSON.parse(stored));
  });

  it('is none when absent or not one (the boot script then waits for IndexedDB)', () => {
    expect(readFirstScreenHint()).toBeNull();
    for (const value of [
      '{',
      '{"userId":"n"}',
      '[{"userId":"n","displayName":"Zoé","role":"nurse"}]',
      '[null]',
    ]) {
      localStorage.setItem(FIRST_SCREEN_HINT_KEY, value);
      expect(readFirstScreenHint(), value).toBeNull();
    }
    localStorage.setItem(FIRST_SCREEN_HINT_KEY, '[]');
    expect(readFirstScreenHint()).toEqual([]);
  });
});

describe('the app keeping it', () => {
  const db = new ChevetDb('first-screen-hint-test');
  afterEach(async () => {
    await db.delete();
  });

  const hinted = () => readFirstScreenHint()?.map((person) => [person.userId, person.offlineUnlockDisabled]);

  it('follows a PIN chosen, the lock screen’s order, a blocked unlock and a sign-out', async () => {
    const restore = configureSession({ db: () => db });
    const subscription = keepFirstScreenHint();
    try {
      await expect.poll(hinted).toEqual([]);
      await db.people.put(nurse);
      await expect.poll(hinted).toEqual([['n', false]]);
      await db.people.put(physician);
      await expect.poll(hinted).toEqual([
        ['n', false],
        ['p', false],
      ]);
      // The physician unlocks: first in the list now.
      await db.people.update('p', { lastUnlockAt: '2026-02-03T08:00:00Z' });
      await expect.poll(hinted).toEqual([
        ['p', false],
        ['n', false],
      ]);
      for (let i = 0; i < 5; i++) await recordPinFailure(db, 'n');
      await expect.poll(hinted).toEqual([
        ['p', false],
        ['n', true],
      ]);
      // Signed out: the PIN is forgotten.
      await db.people.update('p', { pin: undefined, refreshToken: undefined });
      await expect.poll(hinted).toEqual([['n', true]]);
    } finally {
      subscription.unsubscribe();
      restore();
    }
  });
});
