import { spawn } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, SOURCE_SERVER } from './server-process';

// Issue 17, "server hygiene" at start: what an operator can fix ends the server with ONE clear line and exit
// code 1, never a stack trace (a short token secret, a read-only or locked data folder).

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function tempFolder() {
  const folder = mkdtempSync(join(tmpdir(), 'chevet-start-'));
  folders.push(folder);
  return folder;
}

async function start(env: Record<string, string>, uid?: number) {
  const child = spawn(process.execPath, SOURCE_SERVER, {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(await freePort()), DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    ...(uid !== undefined ? { uid, gid: uid } : {}),
  });
  let stderr = '';
  let stdout = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  return { code, stderr: stderr.trim(), stdout };
}

const expectOneClearLine = (stderr: string, pattern: RegExp) => {
  expect(stderr.split('\n')).toHaveLength(1);
  expect(stderr).toMatch(/^Chevet cannot start: /);
  expect(stderr).toMatch(pattern);
  expect(stderr).not.toMatch(/\n\s+at |node:internal/);
};

describe('the server refuses to start clearly', () => {
  it('with a CHEVET_TOKEN_SECRET shorter than 32 bytes', async () => {
    const result = await start({ DATA_DIR: join(tempFolder(), 'data'), CHEVET_TOKEN_SECRET: 'x' });
    expect(result.code).toBe(1);
    expectOneClearLine(result.stderr, /CHEVET_TOKEN_SECRET is 1 bytes long: it must have at least 32/);
  });

  // Root writes anywhere: the server runs as `nobody` for the read-only folder.
  const asRoot = process.getuid?.() === 0;
  it.runIf(asRoot)('with a read-only data folder', async () => {
    const parent = tempFolder();
    chmodSync(parent, 0o755);
    const data = join(parent, 'data');
    mkdirSync(data);
    chownSync(data, 0, 0);
    chmodSync(data, 0o555);
    const result = await start({ DATA_DIR: data, HOME: parent }, 65534);
    expect(result.code).toBe(1);
    expectOneClearLine(result.stderr, /The data folder .*data cannot be used \(EACCES/);
  });

  it('with a data folder that is a file', async () => {
    const file = join(tempFolder(), 'data');
    writeFileSync(file, 'not a folder');
    const result = await start({ DATA_DIR: file });
    expect(result.code).toBe(1);
    expectOneClearLine(result.stderr, /The data folder .*data cannot be used \((ENOTDIR|EEXIST)/);
  });

  it('with a data folder locked by another running process', async () => {
    const data = join(tempFolder(), 'data');
    mkdirSync(data);
    writeFileSync(join(data, 'PG_VERSION'), '17');
    // The test runner itself is a live process holding the lock.
    writeFileSync(join(data, 'chevet.lock'), `${process.pid}\nthe Chevet server\n`);
    const result = await start({ DATA_DIR: data });
    expect(result.code).toBe(1);
    expectOneClearLine(result.stderr, /The data folder is in use by the Chevet server \(pid \d+\)/);
  });
});
