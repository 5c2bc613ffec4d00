import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../audit';
import { runDsmbReport } from '../export/dsmb-report';

/**
 * The DSMB tolerance report (issue 24 item 4; export/dsmb-report.ts) for the data manager and the physicians
 * (route-access.ts): computed from the store at each call and audited like the exports. JSON: the app's printable
 * page puts it in words.
 */
export const dsmbReportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/dsmb', async (request, reply) => {
    const report = await runDsmbReport(app.store, actorOf(request));
    return reply.header('cache-control', 'no-store').send(report);
  });
};
