import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readConfig } from '../config';
import { acquireDataLock, DataDirLockedError, type DataLock } from '../store/data-lock';
import { openStore } from '../store/open-store';
import type { Store } from '../store/store';

// What every shell command on the store shares (`npm run user`, `npm run export`): the store of the environment
// (DATABASE_URL, or DATA_DIR / the demo store with --demo), never the embedded one while the server holds it, and
// the process exit code from the command's answer.

/**
 * Runs `work` on the configured store. The embedded store is locked for the command's time (one process at a
 * time may open it); while another holds it, `refused` is told why and the answer is 75 (EX_TEMPFAIL).
 */
export async function onConfiguredStore(
  argv: readonly string[],
  command: string,
  refused: (message: string) => void,
  work: (store: Store) => Promise<number>,
): Promise<number> {
  const config = readConfig(process.env, argv);
  // PostgreSQL serves many clients; the embedded store must not be opened while the server has it.
  let lock: DataLock | null;
  try {
    lock = config.databaseUrl ? null : await acquireDataLock(config.dataDir, `an \`${command}\` command`);
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    refused(`Refused: ${error.message}`);
    return 75; // EX_TEMPFAIL (sysexits.h): try again once the server has stopped.
  }
  const store = await openStore({
    databaseUrl: config.databaseUrl,
    migrationUrl: config.migrationUrl,
    dataDir: config.dataDir,
  });
  try {
    return await work(store);
  } finally {
    await store.close();
    lock?.release();
  }
}

/** Runs `main` with the process arguments when `moduleUrl` is the script node was started with. */
export function runIfEntryPoint(moduleUrl: string, main: (argv: readonly string[]) => Promise<number>): void {
  const isEntryPoint =
    process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(moduleUrl);
  if (!isEntryPoint) return;
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
