import { randomUUID } from 'node:crypto';
import { audit, type AuditActor } from '../audit';
import type { Store } from '../store/store';
import { SERVER_VERSION } from '../version';
import { buildCsvExport, type ExportFile } from './csv';
import { buildOdm } from './odm';
import { readSnapshot } from './snapshot';

export const EXPORT_FORMATS = ['odm', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export type ExportResult = { exportId: string; takenAt: string; files: ExportFile[] };

/**
 * Reads the store once (one transaction: a consistent snapshot) and builds the export, audited in that same
 * transaction — who exported what (format, files, how many revisions and records), when, from where — so that no
 * export ever leaves the store without its trace.
 */
export async function runExport(
  store: Store,
  format: ExportFormat,
  actor: AuditActor,
): Promise<ExportResult> {
  const exportId = randomUUID();
  return store.transaction(async (tx) => {
    const snapshot = await readSnapshot(tx);
    const stamp = snapshot.takenAt.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
    const files =
      format === 'odm'
        ? [
            {
              name: `chevet-odm-${stamp}.xml`,
              contentType: 'application/xml; charset=utf-8',
              content: Buffer.from(
                buildOdm(snapshot, { fileOid: `CHEVET.${exportId}`, sourceSystemVersion: SERVER_VERSION }),
                'utf8',
              ),
            },
          ]
        : buildCsvExport(snapshot);
    await audit(tx, {
      action: 'export',
      subject: `export:${exportId}`,
      ...actor,
      detail: {
        format,
        files: files.map((file) => file.name),
        revisions: snapshot.revisions.length,
        records: new Set(snapshot.revisions.map((r) => r.recordId)).size,
        lastSeq: snapshot.revisions.at(-1)?.seq ?? 0,
      },
    });
    return { exportId, takenAt: snapshot.takenAt, files };
  });
}
