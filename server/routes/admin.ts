import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  accountListSchema,
  accountResponseSchema,
  createAccountRequestSchema,
  deviceListSchema,
  deviceResponseSchema,
  idParamsSchema,
  resetPasswordRequestSchema,
  updateAccountRequestSchema,
} from '../../src/schema/auth';
import { actorOf, audit } from '../audit';
import { principalOf } from '../auth/access';
import { addAccount, changeAccount, clearAccountSignInDelay, resetPassword } from '../auth/account-admin';
import { listAccounts } from '../auth/accounts';
import { authPolicy } from '../auth/auth-policy';
import { listDevices, revokeDevice } from '../auth/devices';
import { endSessions } from '../auth/sessions';
import { ApiError } from '../errors';

/** Accounts and devices, for administrators (issue 3). Every change is audited; nothing is ever deleted. */
export const adminRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/users', { schema: { response: { 200: accountListSchema } } }, async () => ({
    users: await listAccounts(app.store),
  }));

  app.post(
    '/users',
    { schema: { body: createAccountRequestSchema, response: { 201: accountResponseSchema } } },
    async (request, reply) =>
      reply.code(201).send({ user: await addAccount(app.store, request.body, actorOf(request)) }),
  );

  app.patch(
    '/users/:id',
    {
      schema: {
        params: idParamsSchema,
        body: updateAccountRequestSchema,
        response: { 200: accountResponseSchema },
      },
    },
    async (request) => ({
      user: await changeAccount(app.store, request.params.id, request.body, actorOf(request)),
    }),
  );

  app.post(
    '/users/:id/password',
    { schema: { params: idParamsSchema, body: resetPasswordRequestSchema } },
    async (request, reply) => {
      await resetPassword(app.store, request.params.id, request.body.password, actorOf(request));
      return reply.code(204).send();
    },
  );

  // The progressive sign-in delay of an account's name (sign-in-throttle.ts), cleared by an administrator.
  app.post(
    '/users/:id/sign-in-delay/clear',
    { schema: { params: idParamsSchema, response: { 200: accountResponseSchema } } },
    async (request) => ({
      user: await clearAccountSignInDelay(app.store, request.params.id, actorOf(request)),
    }),
  );

  app.get('/devices', { schema: { response: { 200: deviceListSchema } } }, async () => ({
    devices: await listDevices(app.store),
  }));

  // Takes effect at once: access.ts checks the device on every request, and refresh refuses revoked devices.
  app.post(
    '/devices/:id/revoke',
    { schema: { params: idParamsSchema, response: { 200: deviceResponseSchema } } },
    async (request) => {
      const now = authPolicy().now();
      const admin = principalOf(request);
      const device = await app.store.transaction(async (tx) => {
        const result = await revokeDevice(tx, request.params.id, admin.userId, now);
        if (!result) throw new ApiError(404, 'device-not-found', 'No device has this id.');
        // Revoking twice changes nothing and is audited once.
        if (result.newlyRevoked) {
          await endSessions(tx, { deviceId: result.device.id }, now);
          await audit(tx, {
            ...actorOf(request),
            action: 'device-revoked',
            subject: `device:${result.device.id}`,
            detail: { deviceName: result.device.name, userId: result.device.userId },
          });
        }
        return result.device;
      });
      return { device };
    },
  );
};
