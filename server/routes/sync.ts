import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { outboxOldestAtSchema } from '../../src/schema/review';
import { MAX_PUSH_BATCH, pullQuerySchema, type PushResponse } from '../../src/schema/sync';
import { principalOf } from '../auth/access';
import { authPolicy } from '../auth/auth-policy';
import { ApiError } from '../errors';
import { applyBatch } from '../sync/apply-batch';
import { pullPagesOf } from '../sync/pull-changes';
import { recordPull, recordPush } from '../review/device-sync';

// The body is checked here rather than by a route schema so that each mutation is validated on its own (a bad
// one is `rejected`, the others apply) and so that an oversized batch gets its own clear code.
// `outboxOldestAt` (optional, issue 24) is the tablet's outbox report: one that is not a time is ignored, never a
// reason to fail the batch.
const pushBodySchema = z.object({
  deviceId: z.string(),
  mutations: z.array(z.unknown()),
  outboxOldestAt: z.unknown().optional(),
});

export const syncRoutes: FastifyPluginAsyncZod = async (app) => {
  // The answer is built here from PushResult values (pushResponseSchema's type), so no response schema parses
  // its thousand results again before they are stringified (the sync tests parse every answer with it).
  app.post('/push', async (request): Promise<PushResponse> => {
    const principal = principalOf(request);
    const body = pushBodySchema.safeParse(request.body);
    if (!body.success) throw new ApiError(400, 'invalid-request', 'Send { deviceId, mutations: [...] }.');
    if (body.data.mutations.length > MAX_PUSH_BATCH) {
      throw new ApiError(413, 'batch-too-large', `Send at most ${MAX_PUSH_BATCH} mutations per batch.`);
    }
    if (body.data.deviceId !== principal.deviceId) {
      throw new ApiError(403, 'device-mismatch', 'This batch names another tablet than the signed-in one.');
    }
    const now = authPolicy().now();
    const results = await applyBatch(app.store, principal, body.data.mutations, {
      now,
      onStorageError: (error, mutationId) =>
        request.log.warn({ err: error, mutationId }, 'the database refused one mutation: rejected'),
    });
    const report = outboxOldestAtSchema.safeParse(body.data.outboxOldestAt);
    await recordPush(app.store, principal.deviceId, now, report.success ? report.data : undefined);
    return { results };
  });

  // The body comes serialised from the store (pull-changes.ts), so no response schema re-validates it here.
  const pages = pullPagesOf(app.store);
  app.addHook('onClose', () => pages.settled());
  app.get('/pull', { schema: { querystring: pullQuerySchema } }, async (request, reply) => {
    const principal = principalOf(request);
    const { after, limit } = request.query;
    const body = await pages.page(principal.role, after, limit);
    await recordPull(app.store, principal.deviceId, authPolicy().now());
    return reply.type('application/json; charset=utf-8').send(body);
  });
};
