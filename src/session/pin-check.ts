import type { ChevetDb } from '@/db/database';
import { MAX_PIN_FAILURES, recordPinFailure, recordPinSuccess } from '@/db/people';
import { verifyPin } from './pin';

/** The outcome of checking a person's PIN on this tablet (unlock or signature). */
export type PinCheck =
  | { ok: true; key: CryptoKey }
  /** Wrong PIN; `attemptsLeft` before offline unlock is disabled. */
  | { ok: false; problem: 'wrong-pin'; attemptsLeft: number }
  /** This wrong PIN was the last allowed one: offline unlock is now disabled. */
  | { ok: false; problem: 'disabled-now' }
  /** Offline unlock was already disabled (too many wrong PINs): sign in online. */
  | { ok: false; problem: 'disabled' }
  /** This person has no PIN on this tablet (never set, or signed out). */
  | { ok: false; problem: 'no-pin' };

/**
 * Checks a PIN against the person's verifier. Every wrong PIN is counted in IndexedDB before answering (a reload
 * does not reset the count); the fifth in a row disables offline unlock until the next online sign-in.
 */
export async function checkPersonPin(db: ChevetDb, userId: string, pin: string, at: Date): Promise<PinCheck> {
  const person = await db.people.get(userId);
  if (!person?.pin) return { ok: false, problem: 'no-pin' };
  if (person.offlineUnlockDisabled) return { ok: false, problem: 'disabled' };
  const key = await verifyPin(pin, person.pin);
  if (!key) {
    const after = await recordPinFailure(db, userId);
    if (after.offlineUnlockDisabled) return { ok: false, problem: 'disabled-now' };
    return { ok: false, problem: 'wrong-pin', attemptsLeft: MAX_PIN_FAILURES - after.failedPinCount };
  }
  await recordPinSuccess(db, userId, at.toISOString());
  return { ok: true, key };
}
