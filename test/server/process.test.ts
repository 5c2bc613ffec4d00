import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMigrations } from '../../server/store/migrate';
import { LOCK_FILE_NAME } from '../../server/store/data-lock';
import { STORE_KIND } from './test-store';

// The server process itself, started as `npm start` starts it on a machine that has no store yet.

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function residentMb(pid: number) {
  const line = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(line![1]) / 1024;
}

describe.runIf(STORE_KIND === 'pglite')('the server on an empty data folder', () => {
  let dataDir: string;
  let port: number;
  let server: ChildProcess;
  let exited: Promise<number | null>;

  beforeAll(async () => {
    dataDir = join(await mkdtemp(join(tmpdir(), 'chevet-first-start-')), 'data');
    port = await freePort();
    server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: '' },
      stdio: 'ignore',
    });
    exited = new Promise((resolve) => server.once('exit', resolve));
    for (let i = 0; i < 600; i++) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error('the server did not start');
  }, 90_000);
  afterAll(async () => {
    server.kill('SIGKILL');
    await rm(join(dataDir, '..'), { recursive: true, force: true });
  });

  it('creates and migrates the store, then serves it', async () => {
    const health = (await (await fetch(`http://127.0.0.1:${port}/api/health`)).json()) as {
      store: string;
      migrationLevel: number;
    };
    expect(health).toMatchObject({ store: 'pglite', migrationLevel: (await loadMigrations()).length });
    expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(true);
  });

  it('does not keep the memory that creating the database took (a short-lived process did it)', () => {
    // Created in-process, PGlite's WASM memory stays at ~550 MB and the server near 750 MB for its lifetime.
    expect(residentMb(server.pid!)).toBeLessThan(450);
  });

  it('finishes on SIGTERM with exit code 0 and leaves the data folder unlocked', async () => {
    server.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(existsSync(join(dataDir, LOCK_FILE_NAME))).toBe(false);
  });
});
