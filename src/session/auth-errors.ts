/**
 * Why talking to the central store about a sign-in failed, in terms a screen can explain (wire-contract.md,
 * "Errors"; the codes of POST /api/auth/*). No zod here: the shell imports this file.
 */
export type AuthFailure =
  /** No answer (no network, server down, timeout). */
  | { kind: 'unreachable' }
  /** 401 invalid-credentials: wrong username or password. */
  | { kind: 'invalid-credentials' }
  /** 423 account-locked, until when if the server says. */
  | { kind: 'account-locked'; until?: string }
  /** 429 rate-limited. */
  | { kind: 'rate-limited'; retryAfterSeconds?: number }
  /** 401 device-revoked: this tablet's registration was revoked by an administrator. */
  | { kind: 'device-revoked' }
  /** 401 account-disabled. */
  | { kind: 'account-disabled' }
  /** 401 unauthenticated: the token (or refresh token) is not valid any more. */
  | { kind: 'unauthenticated' }
  /** 403: the role may not do this. */
  | { kind: 'forbidden' }
  /** Anything else: a server error, a refused request, an answer that does not parse. */
  | { kind: 'server'; status: number; code?: string; message?: string };

export type AuthResult<T> = ({ ok: true } & T) | { ok: false; error: AuthFailure };
