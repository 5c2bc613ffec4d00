import { z } from 'zod';
import {
  accountListSchema,
  accountResponseSchema,
  deviceListSchema,
  deviceResponseSchema,
  type Account,
  type CreateAccountRequest,
  type Device,
} from '@/schema/auth';
import { errorBodySchema } from '@/schema/sync';
import { invalidateAccessToken, tokenFor, useSession } from '@/session/session-store';

// The administration calls (online only). Each answers a value; a failure is one of a few kinds the screen
// explains, and nothing on the tablet changes either way.

export type AdminFailure =
  | { kind: 'offline' }
  | { kind: 'unauthenticated' }
  | { kind: 'forbidden' }
  | { kind: 'exists' }
  | { kind: 'not-found' }
  | { kind: 'invalid'; message: string }
  | { kind: 'server'; status: number };

export type AdminResult<T> = { ok: true; value: T } | { ok: false; error: AdminFailure };

export type AdminApiOptions = {
  baseUrl?: string;
  fetch?: typeof fetch;
  token?: () => Promise<string | null>;
};

async function currentToken(): Promise<string | null> {
  const userId = useSession.getState().person?.userId;
  if (!userId) return null;
  const outcome = await tokenFor(userId);
  return 'token' in outcome ? outcome.token : null;
}

export function adminApi(options: AdminApiOptions = {}) {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const token = options.token ?? currentToken;

  async function call<T>(
    method: string,
    path: string,
    body: unknown,
    schema: z.ZodType<T>,
  ): Promise<AdminResult<T>> {
    const accessToken = await token();
    if (!accessToken)
      return { ok: false, error: navigator.onLine ? { kind: 'unauthenticated' } : { kind: 'offline' } };
    let response: Response;
    try {
      response = await doFetch((options.baseUrl ?? '') + path, {
        method,
        headers: {
          authorization: `Bearer ${accessToken}`,
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(20_000),
      });
    } catch {
      return { ok: false, error: { kind: 'offline' } };
    }
    const json: unknown = await response.json().catch(() => null);
    if (response.ok) {
      const parsed = schema.safeParse(json);
      return parsed.success
        ? { ok: true, value: parsed.data }
        : { ok: false, error: { kind: 'server', status: 502 } };
    }
    const error = errorBodySchema.safeParse(json);
    const message = error.success ? error.data.error.message : '';
    switch (response.status) {
      case 401:
        invalidateAccessToken(useSession.getState().person?.userId);
        return { ok: false, error: { kind: 'unauthenticated' } };
      case 403:
        return { ok: false, error: { kind: 'forbidden' } };
      case 404:
        return { ok: false, error: { kind: 'not-found' } };
      case 409:
        return { ok: false, error: { kind: 'exists' } };
      case 400:
      case 422:
        return { ok: false, error: { kind: 'invalid', message } };
      default:
        return { ok: false, error: { kind: 'server', status: response.status } };
    }
  }

  return {
    listUsers: async (): Promise<AdminResult<Account[]>> => {
      const result = await call('GET', '/api/admin/users', undefined, accountListSchema);
      return result.ok ? { ok: true, value: result.value.users } : result;
    },
    createUser: async (body: CreateAccountRequest): Promise<AdminResult<Account>> => {
      const result = await call('POST', '/api/admin/users', body, accountResponseSchema);
      return result.ok ? { ok: true, value: result.value.user } : result;
    },
    resetPassword: (userId: string, password: string) =>
      call('POST', `/api/admin/users/${encodeURIComponent(userId)}/password`, { password }, z.unknown()),
    setDisabled: async (userId: string, disabled: boolean): Promise<AdminResult<Account>> => {
      const result = await call(
        'PATCH',
        `/api/admin/users/${encodeURIComponent(userId)}`,
        { disabled },
        accountResponseSchema,
      );
      return result.ok ? { ok: true, value: result.value.user } : result;
    },
    clearSignInDelay: async (userId: string): Promise<AdminResult<Account>> => {
      const result = await call(
        'POST',
        `/api/admin/users/${encodeURIComponent(userId)}/sign-in-delay/clear`,
        undefined,
        accountResponseSchema,
      );
      return result.ok ? { ok: true, value: result.value.user } : result;
    },
    listDevices: async (): Promise<AdminResult<Device[]>> => {
      const result = await call('GET', '/api/admin/devices', undefined, deviceListSchema);
      return result.ok ? { ok: true, value: result.value.devices } : result;
    },
    revokeDevice: async (deviceId: string): Promise<AdminResult<Device>> => {
      const result = await call(
        'POST',
        `/api/admin/devices/${encodeURIComponent(deviceId)}/revoke`,
        undefined,
        deviceResponseSchema,
      );
      return result.ok ? { ok: true, value: result.value.device } : result;
    },
  };
}

export type AdminApi = ReturnType<typeof adminApi>;
