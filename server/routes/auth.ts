import rateLimit from '@fastify/rate-limit';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  loginRequestSchema,
  meResponseSchema,
  reauthenticateRequestSchema,
  reauthenticateResponseSchema,
  refreshRequestSchema,
  sessionResponseSchema,
} from '../../src/schema/auth';
import { actorOf, audit } from '../audit';
import { principalOf } from '../auth/access';
import { getAccount } from '../auth/accounts';
import { authPolicy } from '../auth/auth-policy';
import { loadTokenSecret } from '../auth/secret';
import { endSessions } from '../auth/sessions';
import { reauthenticate, refreshSession, signIn } from '../auth/sign-in';
import { SignInDelayedError } from '../auth/sign-in-throttle';
import { ApiError } from '../errors';

/** Sign-in, refresh, sign-out and "who am I" (wire-contract.md, "Sign-in"), under /api/auth. */
export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const secret = await loadTokenSecret(app.store);
  // Per-address request limit on sign-in, counted before the body is read; wrong passwords are delayed per name
  // and per address on top of it (sign-in-throttle.ts).
  await app.register(rateLimit, { global: false });

  app.post(
    '/login',
    {
      schema: { body: loginRequestSchema, response: { 200: sessionResponseSchema } },
      config: {
        rateLimit: {
          max: () => authPolicy().loginsPerAddress,
          timeWindow: () => authPolicy().addressWindowMs,
          errorResponseBuilder: (_request, context) =>
            new ApiError(
              429,
              'rate-limited',
              `Too many sign-in attempts from this address: try again in ${context.after}.`,
            ),
        },
      },
    },
    async (request, reply) => {
      try {
        return await signIn(app.store, secret, request.body, request.ip);
      } catch (error) {
        if (error instanceof SignInDelayedError)
          reply.header('retry-after', String(Math.max(1, error.retryAfterSeconds)));
        throw error;
      }
    },
  );

  app.post(
    '/refresh',
    { schema: { body: refreshRequestSchema, response: { 200: sessionResponseSchema } } },
    async (request) => refreshSession(app.store, secret, request.body.refreshToken, request.ip),
  );

  // The online signature's password check: the person's own session, no new tokens (sign-in.ts).
  app.post(
    '/reauthenticate',
    { schema: { body: reauthenticateRequestSchema, response: { 200: reauthenticateResponseSchema } } },
    async (request) => reauthenticate(app.store, principalOf(request), request.body.password, request.ip),
  );

  // Ends the device's session at once: its access token answers 401 from the next request (session-ended).
  app.post('/logout', async (request, reply) => {
    const principal = principalOf(request);
    await app.store.transaction(async (tx) => {
      await endSessions(tx, { deviceId: principal.deviceId }, authPolicy().now());
      await audit(tx, { ...actorOf(request), action: 'logout', subject: `device:${principal.deviceId}` });
    });
    return reply.code(204).send();
  });

  app.get('/me', { schema: { response: { 200: meResponseSchema } } }, async (request) => {
    const principal = principalOf(request);
    const account = await getAccount(app.store, principal.userId);
    if (!account) throw new ApiError(401, 'unauthenticated', 'This session is not known: sign in again.');
    return {
      user: {
        id: account.id,
        username: account.username,
        role: account.role,
        displayName: account.displayName,
      },
      deviceId: principal.deviceId,
    };
  });
};
