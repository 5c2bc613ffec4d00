import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMigrations } from '../../server/store/migrate';
import { LOCK_FILE_NAME } from '../../server/store/data-lock';
import { ServerProcess } from './server-process';
import { STORE_KIND } from './test-store';

// The server process itself, started as `npm start` starts it on a machine that has no store yet.

function residentMb(pid: number) {
  const line = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(line![1]) / 1024;
}

describe.runIf(STORE_KIND === 'pglite')('the server on an empty data folder', () => {
  let server: ServerProcess;

  beforeAll(async () => {
    server = await ServerProcess.create();
    await server.start();
  }, 90_000);
  afterAll(() => server.remove());

  it('creates and migrates the store, then serves it', async () => {
    const health = (await (await fetch(`${server.url}/api/health`)).json()) as {
      store: string;
      migrationLevel: number;
    };
    expect(health).toMatchObject({ store: 'pglite', migrationLevel: (await loadMigrations()).length });
    expect(existsSync(join(server.dataDir, 'PG_VERSION'))).toBe(true);
  });

  it('does not keep the memory that creating the database took (a short-lived process did it)', () => {
    // Created in-process, PGlite's WASM memory stays at ~550 MB and the server near 750 MB for its lifetime.
    expect(residentMb(server.pid!)).toBeLessThan(450);
  });

  it('finishes on SIGTERM with exit code 0 and leaves the data folder unlocked', async () => {
    expect(await server.stop('SIGTERM')).toBe(0);
    expect(existsSync(join(server.dataDir, LOCK_FILE_NAME))).toBe(false);
  });
});
