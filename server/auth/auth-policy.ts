/**
 * The knobs of sign-in security in one place: progressive delay, per-address rate limit, password hashing cost, and the
 * clock. Read from the environment at start; tests replace them (a past clock, a short lock) instead of waiting.
 */
export type ScryptCost = {
  /** log2 of N, the CPU/memory cost. */
  ln: number;
  /** Block size. */
  r: number;
  /** Parallelism. */
  p: number;
};

/** Progressive sign-in delay (sign-in-throttle.ts). */
export type SignInThrottlePolicy = {
  /** Wrong passwords in a row heard without delay, per account name and per network address. */
  freeFailuresPerAccount: number;
  freeFailuresPerAddress: number;
  /** The first delay, doubled at each further wrong password, up to the longest. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A name or address without a wrong password for this long starts again from zero. */
  forgetAfterMs: number;
};

export type AuthPolicy = {
  signInThrottle: SignInThrottlePolicy;
  /** Sign-in attempts accepted from one network address per window, whatever the account. */
  loginsPerAddress: number;
  addressWindowMs: number;
  scrypt: ScryptCost;
  /** How long a session lasts from sign-in, however often its refresh token rotates. */
  sessionLifetimeMs: number;
  now: () => Date;
};

const MINUTE = 60_000;

// OWASP Password Storage Cheat Sheet, scrypt: N=2^15, r=8, p=3 is one of its equivalent minimums (32 MiB each).
export const DEFAULT_SCRYPT_COST: ScryptCost = { ln: 15, r: 8, p: 3 };

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0)
    throw new Error(`${name} must be a positive integer, not "${raw}"`);
  return value;
}

export function authPolicyFromEnv(env: NodeJS.ProcessEnv): AuthPolicy {
  return {
    signInThrottle: {
      freeFailuresPerAccount: positiveInt(env, 'CHEVET_SIGNIN_FREE_FAILURES', 5),
      freeFailuresPerAddress: positiveInt(env, 'CHEVET_SIGNIN_FREE_FAILURES_PER_ADDRESS', 20),
      baseDelayMs: 1000,
      maxDelayMs: positiveInt(env, 'CHEVET_SIGNIN_MAX_DELAY_SECONDS', 300) * 1000,
      forgetAfterMs: 24 * 60 * MINUTE,
    },
    // A ward's tablets may share one address behind the hospital's proxy: generous, yet far below guessing speed.
    loginsPerAddress: positiveInt(env, 'CHEVET_LOGINS_PER_ADDRESS_PER_MINUTE', 30),
    addressWindowMs: MINUTE,
    scrypt: DEFAULT_SCRYPT_COST,
    sessionLifetimeMs: positiveInt(env, 'CHEVET_SESSION_DAYS', 30) * 24 * 60 * MINUTE,
    now: () => new Date(),
  };
}

let current = authPolicyFromEnv(process.env);

export function authPolicy(): AuthPolicy {
  return current;
}

/** Replaces some knobs (tests); returns a function that restores the previous policy. */
export function setAuthPolicy(changes: Partial<AuthPolicy>): () => void {
  const previous = current;
  current = { ...current, ...changes };
  return () => {
    current = previous;
  };
}
