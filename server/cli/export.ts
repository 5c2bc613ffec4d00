import { mkdir, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { AuditActor } from '../audit';
import { EXPORT_FORMATS, runExport, type ExportFormat } from '../export/run-export';
import type { Store } from '../store/store';
import { onConfiguredStore, runIfEntryPoint } from './store-command';

// `npm run export -- --format odm|csv --out DIR`: the exports of issue 24 from the server's shell, on the embedded
// store (DATA_DIR, or the demo store with --demo) or on PostgreSQL (DATABASE_URL). Audited like a download, the
// actor being the shell's user (`cli:<name>`).

export const USAGE = `Usage: npm run export -- --format <odm|csv> --out <folder> [--demo]
  odm: one CDISC ODM 1.3.2 transactional XML file
  csv: one CSV file per record kind and dictionary.csv (UTF-8 with BOM)`;

export type ExportIo = { out(line: string): void; err(line: string): void };

/** Runs the export on an open store into `--out`; answers the process exit code. */
export async function runExportCommand(store: Store, argv: readonly string[], io: ExportIo): Promise<number> {
  let format: ExportFormat;
  let out: string;
  try {
    const { values } = parseArgs({
      args: [...argv],
      options: { format: { type: 'string' }, out: { type: 'string' }, demo: { type: 'boolean' } },
    });
    if (!EXPORT_FORMATS.includes(values.format as ExportFormat))
      throw new Error('--format must be odm or csv.');
    if (!values.out) throw new Error('--out <folder> is required.');
    format = values.format as ExportFormat;
    out = resolve(values.out);
  } catch (error) {
    io.err(error instanceof Error ? error.message : String(error));
    io.err(USAGE);
    return 64; // EX_USAGE (sysexits.h)
  }
  const actor: AuditActor = { address: `cli:${userInfo().username}` };
  const result = await runExport(store, format, actor);
  await mkdir(out, { recursive: true });
  for (const file of result.files) {
    await writeFile(join(out, file.name), file.content);
    io.out(join(out, file.name));
  }
  io.out(
    `Export ${result.exportId} (${format}, store as of ${result.takenAt}): ${result.files.length} file(s).`,
  );
  return 0;
}

async function main(argv: readonly string[]): Promise<number> {
  const io: ExportIo = { out: (line) => console.log(line), err: (line) => console.error(line) };
  const refused = (message: string) =>
    io.err(`${message} Download the export from the app instead, or stop the server.`);
  return onConfiguredStore(argv, 'npm run export', refused, (store) => runExportCommand(store, argv, io));
}

runIfEntryPoint(import.meta.url, main);
