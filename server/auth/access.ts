import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { ApiError } from '../errors';
import { ROUTE_ACCESS } from './route-access';
import type { Principal } from './roles';
import { verifyAccessToken } from './tokens';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

/** The verified caller of an authenticated route (the access hook guarantees it is set there). */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new ApiError(401, 'unauthenticated', 'Sign in to continue.');
  return request.principal;
}

/**
 * Authentication and role checks for every /api route, from ROUTE_ACCESS. Runs at `onRequest`, before the body
 * is read, so an unauthenticated caller cannot make the server parse a large body.
 */
export const accessControl = fp<{ secret: Uint8Array }>(async (app: FastifyInstance, { secret }) => {
  app.decorateRequest('principal', null);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      // Fastify answers HEAD with the GET route's handler (without its hooks): it needs the same check.
      const key = `${method === 'HEAD' ? 'GET' : method} ${route.url}`;
      const access = ROUTE_ACCESS[key];
      if (!access)
        throw new Error(`API route ${key} has no entry in ROUTE_ACCESS (server/auth/route-access.ts)`);
      if (access === 'public') continue;
      const onRequest = async (request: FastifyRequest) => {
        const header = request.headers.authorization ?? '';
        const token = header.startsWith('Bearer ') ? header.slice(7) : '';
        const claims = token ? await verifyAccessToken(token, secret) : null;
        if (!claims)
          throw new ApiError(
            401,
            'unauthenticated',
            'Your session has expired or is invalid: sign in again.',
          );
        // Checked on every request so that revoking a device, disabling an account or ending a session takes
        // effect at once, not when the access token expires.
        const { rows } = await app.store.query<{
          username: string;
          role: Principal['role'];
          disabled: boolean;
          revoked: boolean;
          generation: number;
        }>(
          `select u.username, u.role, u.disabled_at is not null as disabled, d.revoked_at is not null as revoked,
                  d.session_generation as generation
             from devices d join users u on u.id = d.user_id where d.id = $1 and u.id = $2`,
          [claims.deviceId, claims.userId],
        );
        const row = rows[0];
        if (!row) throw new ApiError(401, 'unauthenticated', 'This session is not known: sign in again.');
        if (row.revoked)
          throw new ApiError(401, 'device-revoked', 'This tablet has been revoked by an administrator.');
        if (row.disabled) throw new ApiError(401, 'account-disabled', 'This account has been disabled.');
        // Sign-out, a password reset, a new sign-in or a reused refresh token ended this token's session.
        if (row.generation !== claims.generation)
          throw new ApiError(401, 'session-ended', 'This session has ended: sign in again.');
        if (!access.includes(row.role)) {
          throw new ApiError(403, 'forbidden', 'Your role does not allow this action.');
        }
        request.principal = {
          userId: claims.userId,
          username: row.username,
          role: row.role,
          deviceId: claims.deviceId,
        };
      };
      const existing = route.onRequest;
      route.onRequest = existing
        ? [onRequest, ...(Array.isArray(existing) ? existing : [existing])]
        : [onRequest];
    }
  });
});
