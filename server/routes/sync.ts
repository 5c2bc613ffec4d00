import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { MAX_PUSH_BATCH, pullQuerySchema, pushResponseSchema } from '../../src/schema/sync';
import { principalOf } from '../auth/access';
import { authPolicy } from '../auth/auth-policy';
import { ApiError } from '../errors';
import { applyBatch } from '../sync/apply-batch';
import { pullChangesJson } from '../sync/pull-changes';

// The body is checked here rather than by a route schema so that each mutation is validated on its own (a bad
// one is `rejected`, the others apply) and so that an oversized batch gets its own clear code.
const pushBodySchema = z.object({ deviceId: z.string(), mutations: z.array(z.unknown()) });

export const syncRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/push', { schema: { response: { 200: pushResponseSchema } } }, async (request) => {
    const principal = principalOf(request);
    const body = pushBodySchema.safeParse(request.body);
    if (!body.success) throw new ApiError(400, 'invalid-request', 'Send { deviceId, mutations: [...] }.');
    if (body.data.mutations.length > MAX_PUSH_BATCH) {
      throw new ApiError(413, 'batch-too-large', `Send at most ${MAX_PUSH_BATCH} mutations per batch.`);
    }
    if (body.data.deviceId !== principal.deviceId) {
      throw new ApiError(403, 'device-mismatch', 'This batch names another tablet than the signed-in one.');
    }
    const results = await applyBatch(app.store, principal, body.data.mutations, {
      now: authPolicy().now(),
      onStorageError: (error, mutationId) =>
        request.log.warn({ err: error, mutationId }, 'the database refused one mutation: rejected'),
    });
    return { results };
  });

  // The body comes serialised from the store (pullChangesJson), so no response schema re-validates it here.
  app.get('/pull', { schema: { querystring: pullQuerySchema } }, async (request, reply) => {
    const principal = principalOf(request);
    const { after, limit } = request.query;
    const body = await pullChangesJson(app.store, principal.role, after, limit);
    return reply.type('application/json; charset=utf-8').send(body);
  });
};
