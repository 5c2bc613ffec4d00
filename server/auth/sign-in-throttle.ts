import { createHash } from 'node:crypto';
import { ApiError } from '../errors';
import type { Queryable } from '../store/store';
import { authPolicy } from './auth-policy';

// Sign-in abuse without self-inflicted denial of service (issue 17). Instead of locking an account hard after five
// wrong passwords — which let anyone keep the administrator out with five requests a quarter of an hour — each
// account NAME and each network address has a progressive delay: after `freeFailures` wrong passwords in a row,
// the next attempt is heard only after 1 s, then 2 s, 4 s… up to `maxDelayMs`. Guessing stays hopeless (a few
// hundred tries a day at most), and:
// - a name that exists and one that does not are delayed alike, with the same answers (no 423 tells them apart);
// - the right password from a tablet already registered to the person passes the account's delay (not the
//   address's): whoever hammers a name without one of that person's tablets cannot keep them out;
// - an administrator can clear an account's delay (POST /api/admin/users/:id/sign-in-delay/clear), and a
//   password reset clears it too.
// Keys are hashes (`account:<sha256 of the name>`, `address:<sha256>`): the typed name is never stored (people
// type their password there). The table is login_throttle (migration 0005).

export type ThrottleKeys = { account: string; address: string };

const hash = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export function throttleKeys(username: string, address: string): ThrottleKeys {
  return { account: accountThrottleKey(username), address: `address:${hash(address)}` };
}

/** Same key as `accountThrottleKeySql` computes in the database. */
export function accountThrottleKey(username: string): string {
  return `account:${hash(username)}`;
}
/** The SQL of an account's key from its `username` column (for the administration's "delayed until"). */
export const accountThrottleKeySql = (column: string) =>
  `'account:' || encode(sha256(convert_to(${column}, 'UTF8')), 'hex')`;

/** 429 with Retry-After: the same for every name, known or not. */
export class SignInDelayedError extends ApiError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      429,
      'sign-in-delayed',
      `Too many wrong passwords: try again in ${retryAfterSeconds} s. An administrator can clear the delay.`,
    );
  }
}

type Row = {
  key: string;
  failures: number;
  next_attempt_at: Date | string | null;
  updated_at: Date | string;
};

/** The delay after `failures` wrong passwords in a row, for a key that allows `free` of them. */
export function delayAfter(failures: number, free: number): number {
  const { baseDelayMs, maxDelayMs } = authPolicy().signInThrottle;
  if (failures < free) return 0;
  return Math.min(maxDelayMs, baseDelayMs * 2 ** Math.min(failures - free, 30));
}

/**
 * Throws SignInDelayedError while a key's delay runs. `knownDevice`: the request names a tablet registered to
 * this account, which passes the account's delay.
 */
export async function checkSignInDelay(
  q: Queryable,
  keys: ThrottleKeys,
  now: Date,
  knownDevice: boolean,
): Promise<void> {
  const checked = knownDevice ? [keys.address] : [keys.account, keys.address];
  const { rows } = await q.query<Row>(
    'select key, failures, next_attempt_at, updated_at from login_throttle where key = any($1::text[])',
    [checked],
  );
  const waits = rows
    .map((r) => (r.next_attempt_at ? new Date(r.next_attempt_at).getTime() - now.getTime() : 0))
    .filter((ms) => ms > 0);
  if (waits.length > 0) throw new SignInDelayedError(Math.ceil(Math.max(...waits) / 1000));
}

/** Counts one wrong password for the name and the address (atomically: parallel guesses all count). */
export async function recordSignInFailure(q: Queryable, keys: ThrottleKeys, now: Date): Promise<void> {
  const policy = authPolicy().signInThrottle;
  for (const [key, free] of [
    [keys.account, policy.freeFailuresPerAccount],
    [keys.address, policy.freeFailuresPerAddress],
  ] as const) {
    // A key quiet for `forgetAfterMs` starts again from zero.
    const { rows } = await q.query<{ failures: number }>(
      `insert into login_throttle (key, failures, updated_at) values ($1, 1, $2)
       on conflict (key) do update set
         failures = case when login_throttle.updated_at < $2::timestamptz - make_interval(secs => $3)
                         then 1 else login_throttle.failures + 1 end,
         updated_at = $2
       returning failures`,
      [key, now, policy.forgetAfterMs / 1000],
    );
    const delay = delayAfter(rows[0]!.failures, free);
    await q.query('update login_throttle set next_attempt_at = $2 where key = $1', [
      key,
      delay > 0 ? new Date(now.getTime() + delay) : null,
    ]);
  }
}

/** A right password: the name's count starts again (the address's does not: one good account must not reset it). */
export async function clearSignInDelay(q: Queryable, accountKey: string): Promise<void> {
  await q.query('delete from login_throttle where key = $1', [accountKey]);
}
