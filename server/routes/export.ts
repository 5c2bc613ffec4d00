import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { actorOf } from '../audit';
import { runExport, type ExportFormat } from '../export/run-export';
import { zip } from '../export/zip';

/**
 * Export downloads for the data manager and the physician (issue 24; route-access.ts): the ODM 1.3.2 file, or the
 * CSV files and their dictionary in one ZIP archive. Each download is audited (export/run-export.ts).
 */
export const exportRoutes: FastifyPluginAsyncZod = async (app) => {
  const send = (format: ExportFormat) =>
    app.get(`/${format}`, async (request, reply) => {
      const result = await runExport(app.store, format, actorOf(request));
      const stamp = result.takenAt.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
      const [file] = result.files;
      const body = format === 'odm' && file ? file.content : zip(result.files);
      const name = format === 'odm' && file ? file.name : `chevet-csv-${stamp}.zip`;
      return reply
        .header('content-type', format === 'odm' ? 'application/xml; charset=utf-8' : 'application/zip')
        .header('content-disposition', `attachment; filename="${name}"`)
        .header('cache-control', 'no-store')
        .send(body);
    });
  send('odm');
  send('csv');
};
