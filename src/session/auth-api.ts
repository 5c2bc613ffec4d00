import type { z } from 'zod';
import {
  meResponseSchema,
  reauthenticateResponseSchema,
  sessionResponseSchema,
  type LoginRequest,
  type MeResponse,
  type SessionResponse,
} from '@/schema/auth';
import { errorBodySchema } from '@/schema/sync';
import type { AuthFailure, AuthResult } from './auth-errors';

// The sign-in calls (wire-contract.md, "Sign-in"). This module brings zod: the session store imports it lazily,
// so the shell's first load stays small (it is precached, so it loads offline too).

export type AuthApiOptions = {
  baseUrl?: string;
  fetch?: typeof fetch;
  /** The tablet clock (ms), to estimate its skew against the server's. */
  now?: () => number;
  timeoutMs?: number;
};

type Call = { path: string; method: 'GET' | 'POST'; body?: unknown; token?: string };

async function call<T>(
  options: AuthApiOptions,
  request: Call,
  schema: z.ZodType<T> | null,
): Promise<AuthResult<{ value: T; response: Response; sentAt: number; receivedAt: number }>> {
  const now = options.now ?? Date.now;
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const headers: Record<string, string> = {};
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  if (request.token) headers.authorization = `Bearer ${request.token}`;
  const sentAt = now();
  let response: Response;
  try {
    response = await doFetch((options.baseUrl ?? '') + request.path, {
      method: request.method,
      headers,
      ...(request.body !== undefined ? { body: JSON.stringify(request.body) } : {}),
      signal: AbortSignal.timeout(options.timeoutMs ?? 20_000),
    });
  } catch {
    return { ok: false, error: { kind: 'unreachable' } };
  }
  const receivedAt = now();
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) return { ok: false, error: failureOf(response, body, now()) };
  if (!schema) return { ok: true, value: body as T, response, sentAt, receivedAt };
  const parsed = schema.safeParse(body);
  if (!parsed.success)
    return { ok: false, error: { kind: 'server', status: response.status, code: 'bad-response' } };
  return { ok: true, value: parsed.data, response, sentAt, receivedAt };
}

/** Maps an error answer to what the screens explain. */
export function failureOf(response: Response, body: unknown, now: number): AuthFailure {
  const parsed = errorBodySchema.safeParse(body);
  const code = parsed.success ? parsed.data.error.code : undefined;
  const message = parsed.success ? parsed.data.error.message : undefined;
  const retryAfter = retryAfterSeconds(response.headers.get('retry-after'), now);
  switch (response.status) {
    case 401:
      if (code === 'invalid-credentials') return { kind: 'invalid-credentials' };
      if (code === 'device-revoked') return { kind: 'device-revoked' };
      if (code === 'account-disabled') return { kind: 'account-disabled' };
      return { kind: 'unauthenticated' };
    case 403:
      return { kind: 'forbidden' };
    case 423: {
      const until =
        lockedUntil(body) ?? (retryAfter ? new Date(now + retryAfter * 1000).toISOString() : undefined);
      return until ? { kind: 'account-locked', until } : { kind: 'account-locked' };
    }
    case 429:
      return retryAfter ? { kind: 'rate-limited', retryAfterSeconds: retryAfter } : { kind: 'rate-limited' };
    default:
      return {
        kind: 'server',
        status: response.status,
        ...(code ? { code } : {}),
        ...(message ? { message } : {}),
      };
  }
}

/** `lockedUntil` beside or inside the error body, when the server sends it. */
function lockedUntil(body: unknown): string | undefined {
  const candidates = [
    (body as { lockedUntil?: unknown } | null)?.lockedUntil,
    (body as { error?: { lockedUntil?: unknown } } | null)?.error?.lockedUntil,
  ];
  const value = candidates.find((c) => typeof c === 'string' && !Number.isNaN(Date.parse(c)));
  return value as string | undefined;
}

function retryAfterSeconds(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}

export type SignedIn = {
  session: SessionResponse;
  /** Server clock minus tablet clock (ms), from `serverTime` or the Date header; undefined when unknown. */
  clockSkewMs?: number;
};

/** Server time minus the tablet's clock at the middle of the round trip. */
function skewOf(session: SessionResponse, response: Response, sentAt: number, receivedAt: number) {
  const server = session.serverTime
    ? Date.parse(session.serverTime)
    : Date.parse(response.headers.get('date') ?? '');
  if (Number.isNaN(server)) return undefined;
  return Math.round(server - (sentAt + receivedAt) / 2);
}

export async function login(options: AuthApiOptions, body: LoginRequest): Promise<AuthResult<SignedIn>> {
  const result = await call(
    options,
    { path: '/api/auth/login', method: 'POST', body },
    sessionResponseSchema,
  );
  if (!result.ok) return result;
  const clockSkewMs = skewOf(result.value, result.response, result.sentAt, result.receivedAt);
  return { ok: true, session: result.value, ...(clockSkewMs !== undefined ? { clockSkewMs } : {}) };
}

export async function refresh(options: AuthApiOptions, refreshToken: string): Promise<AuthResult<SignedIn>> {
  const result = await call(
    options,
    { path: '/api/auth/refresh', method: 'POST', body: { refreshToken } },
    sessionResponseSchema,
  );
  if (!result.ok) return result;
  // Measured again at every renewal: a clock set right (or wrong) since the sign-in shows within minutes.
  const clockSkewMs = skewOf(result.value, result.response, result.sentAt, result.receivedAt);
  return { ok: true, session: result.value, ...(clockSkewMs !== undefined ? { clockSkewMs } : {}) };
}

export async function me(
  options: AuthApiOptions,
  accessToken: string,
): Promise<AuthResult<{ me: MeResponse }>> {
  const result = await call(
    options,
    { path: '/api/auth/me', method: 'GET', token: accessToken },
    meResponseSchema,
  );
  return result.ok ? { ok: true, me: result.value } : result;
}

/** Ends this tablet's session on the server (best effort: the tablet forgets its tokens anyway). */
export async function logout(options: AuthApiOptions, accessToken: string): Promise<AuthResult<object>> {
  const result = await call(options, { path: '/api/auth/logout', method: 'POST', token: accessToken }, null);
  return result.ok ? { ok: true } : result;
}

/**
 * Checks the signed-in person's password again (an online signature): the session and its tokens stay as they
 * are, and the store audits a re-authentication, not a sign-in.
 */
export async function reauthenticate(
  options: AuthApiOptions,
  accessToken: string,
  password: string,
): Promise<AuthResult<{ reauthenticatedAt: string }>> {
  const result = await call(
    options,
    { path: '/api/auth/reauthenticate', method: 'POST', body: { password }, token: accessToken },
    reauthenticateResponseSchema,
  );
  return result.ok ? { ok: true, reauthenticatedAt: result.value.reauthenticatedAt } : result;
}
