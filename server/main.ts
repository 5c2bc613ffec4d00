import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { buildApp } from './app';
import { readConfig, StartupError, type ServerConfig } from './config';
import { seedDemo } from './demo/seed';
import { STATIC_DIR } from './paths';
import { acquireDataLock, DataDirLockedError } from './store/data-lock';
import { openStore } from './store/open-store';

/** Internal: create and migrate the embedded store, then exit (see below). */
const CREATE_STORE_FLAG = '--create-store-only';

async function main(config: ServerConfig) {
  const createStoreOnly = process.argv.includes(CREATE_STORE_FLAG);
  if (!config.databaseUrl && !createStoreOnly && !existsSync(join(config.dataDir, 'PG_VERSION'))) {
    // Creating a PGlite database (initdb) grows its WASM memory to ~550 MB, and a process never gives WASM memory
    // back: a short-lived run of this same program creates the store, and this one opens it (RSS ~190 MB, not 750).
    const created = spawnSync(
      process.execPath,
      [...process.execArgv, ...process.argv.slice(1), CREATE_STORE_FLAG],
      {
        stdio: 'inherit',
      },
    );
    if (created.status !== 0) process.exit(created.status ?? 1);
  }
  // PGlite is single-process: the lock makes a second server or the user CLI refuse clearly.
  if (!config.databaseUrl) await acquireDataLock(config.dataDir);
  const store = await openStore({
    databaseUrl: config.databaseUrl,
    migrationUrl: config.migrationUrl,
    dataDir: config.dataDir,
    warn: (message) => console.warn(`Warning: ${message}`),
  });
  if (createStoreOnly) {
    await store.close();
    process.exit(0);
  }
  const app = await buildApp({
    store,
    staticDir: STATIC_DIR,
    logger: true,
    trustProxy: config.trustProxy,
  });

  if (config.demo) {
    const lines = await seedDemo(store);
    console.log(['', 'Chevet demo store — fictional data only', ...lines, ''].join('\n'));
  }

  let closing = false;
  async function shutdown(signal: string) {
    if (closing) return;
    closing = true;
    app.log.info(`${signal}: finishing in-flight requests, then closing the store`);
    // app.close() stops accepting connections and waits for in-flight requests; the store closes after them.
    await app.close();
    await store.close();
    process.exit(0);
  }
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.port, host: config.host });
  const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`;
  console.log(`Chevet is running on http://localhost:${config.port} — store: ${where}`);
}

const FOLDER_ERRORS = new Set(['EACCES', 'EPERM', 'EROFS', 'ENOTDIR', 'EEXIST', 'ENOSPC', 'EISDIR']);

/**
 * What an operator can fix (a configuration, a data folder that is read-only or in use, a port taken) ends the
 * server with one line and exit code 1, never a stack trace; anything else is a bug and keeps its stack.
 */
function explain(error: unknown, config: ServerConfig | undefined): string | null {
  if (error instanceof StartupError || error instanceof DataDirLockedError) return error.message;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const syscall = (error as NodeJS.ErrnoException | undefined)?.syscall;
  if (code === 'EADDRINUSE' && syscall === 'listen')
    return `Port ${config?.port} is already in use: stop what holds it, or set PORT.`;
  if (code && FOLDER_ERRORS.has(code) && config && !config.databaseUrl)
    return (
      `The data folder ${config.dataDir} cannot be used (${code}: ${(error as Error).message}): ` +
      "give the server's user write access to it, or set DATA_DIR to another folder."
    );
  if (code === 'ECONNREFUSED' || code === '28P01' || code === '3D000')
    return `Cannot connect to PostgreSQL (${code}): ${(error as Error).message}. Check DATABASE_URL.`;
  return null;
}

let config: ServerConfig | undefined;
try {
  config = readConfig(process.env, process.argv.slice(2));
  await main(config);
} catch (error) {
  const line = explain(error, config);
  if (!line) throw error;
  console.error(`Chevet cannot start: ${line}`);
  process.exit(1);
}
