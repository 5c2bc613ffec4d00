import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { migrationLevel } from '../store/migrate';
import { SERVER_VERSION } from '../version';

export const healthResponse = z.object({
  status: z.literal('ok'),
  version: z.string(),
  store: z.enum(['pglite', 'postgres']),
  migrationLevel: z.number().int(),
  /** True only while the store has no account at all: the sign-in page then says how to create the first one. */
  needsFirstAdmin: z.boolean().optional(),
});

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/health', { schema: { response: { 200: healthResponse } } }, async () => {
    const { rows } = await app.store.query<{ any: boolean }>('select exists (select 1 from users) as any');
    return {
      status: 'ok' as const,
      version: SERVER_VERSION,
      store: app.store.kind,
      migrationLevel: await migrationLevel(app.store),
      needsFirstAdmin: !rows[0]!.any,
    };
  });
};
