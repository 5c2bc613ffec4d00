import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { migrationLevel } from '../store/migrate';
import { SERVER_VERSION } from '../version';

export const healthResponse = z.object({
  status: z.literal('ok'),
  version: z.string(),
  store: z.enum(['pglite', 'postgres']),
  migrationLevel: z.number().int(),
});

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/health', { schema: { response: { 200: healthResponse } } }, async () => ({
    status: 'ok' as const,
    version: SERVER_VERSION,
    store: app.store.kind,
    migrationLevel: await migrationLevel(app.store),
  }));
};
