import type { Role } from '@/schema/common';
import type { ChevetDb } from './database';

/**
 * How a personal PIN is checked on this tablet without storing it: PBKDF2-HMAC-SHA256 over the PIN with a random
 * salt, then HKDF splits the result into this verifier and the key that encrypts the refresh token (so the
 * verifier never reveals the key). Binary values are base64.
 */
export type PinVerifier = {
  algorithm: 'PBKDF2-SHA256';
  /** 16 random bytes. */
  salt: string;
  iterations: number;
  /** 32 bytes: HKDF(PBKDF2(pin), "chevet pin verifier"). */
  hash: string;
};

/** A secret encrypted with AES-GCM under the key derived from the person's PIN (the user id is the AAD). */
export type SealedSecret = {
  algorithm: 'AES-GCM';
  /** 12 random bytes. */
  iv: string;
  ciphertext: string;
};

/** Wrong PINs in a row after which the person must sign in online again. */
export const MAX_PIN_FAILURES = 5;

/**
 * A person who has signed in online on this tablet at least once: what lets them unlock offline later. The PIN is
 * never stored, only its verifier; the refresh token only sealed with the PIN's key; the access token never
 * (memory only).
 */
export type TabletPerson = {
  userId: string;
  /** Lower-case, as the server compares it. */
  username: string;
  displayName: string;
  role: Role;
  /** This tablet's registration for this person (sent again at the next sign-in to keep it). */
  deviceId: string;
  /** Absent until the person chose a PIN (and after signing out): then they cannot unlock offline. */
  pin?: PinVerifier;
  /** Wrong PINs in a row (unlock or signature); reset by a right PIN or an online sign-in. */
  failedPinCount: number;
  /** Set after MAX_PIN_FAILURES wrong PINs: only an online sign-in clears it. */
  offlineUnlockDisabled: boolean;
  refreshToken?: SealedSecret;
  lastOnlineSignInAt: string;
  lastUnlockAt?: string;
  /** Server clock minus tablet clock at the last sign-in (ms). */
  clockSkewMs?: number;
  /** The server refused this person's refresh token: sync needs an online sign-in (offline unlock still works). */
  needsOnlineSignIn?: boolean;
  /** The server said this tablet's registration was revoked: nothing is discarded, sync stops. */
  deviceRevoked?: boolean;
};

/** People who can unlock this tablet offline (they have a PIN), most recently unlocked first. */
export async function listPeopleWithPin(db: ChevetDb): Promise<TabletPerson[]> {
  return unlockable(await db.people.toArray());
}

/**
 * Of the people stored on this tablet, those who can unlock it offline, most recently unlocked first (pure: the
 * page's boot script reads the table without Dexie, src/boot/early-read.ts).
 */
export function unlockable(people: readonly TabletPerson[]): TabletPerson[] {
  return people
    .filter((person) => person.pin)
    .sort((a, b) =>
      (b.lastUnlockAt ?? b.lastOnlineSignInAt).localeCompare(a.lastUnlockAt ?? a.lastOnlineSignInAt),
    );
}

export function findPersonByUsername(db: ChevetDb, username: string): Promise<TabletPerson | undefined> {
  return db.people.where('username').equals(username.trim().toLowerCase()).first();
}

/**
 * Counts one wrong PIN, atomically; the MAX_PIN_FAILURES-th disables offline unlock. Returns the new state.
 */
export function recordPinFailure(
  db: ChevetDb,
  userId: string,
): Promise<{ failedPinCount: number; offlineUnlockDisabled: boolean }> {
  return db.transaction('rw', db.people, async () => {
    const person = await db.people.get(userId);
    if (!person) return { failedPinCount: 0, offlineUnlockDisabled: true };
    const failedPinCount = person.failedPinCount + 1;
    const offlineUnlockDisabled = person.offlineUnlockDisabled || failedPinCount >= MAX_PIN_FAILURES;
    await db.people.update(userId, { failedPinCount, offlineUnlockDisabled });
    return { failedPinCount, offlineUnlockDisabled };
  });
}

/** A right PIN: the count of wrong ones starts again. */
export async function recordPinSuccess(db: ChevetDb, userId: string, at: string) {
  await db.people.update(userId, { failedPinCount: 0, lastUnlockAt: at });
}
