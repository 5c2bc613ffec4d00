import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { serveArgs } from '../scripts/serve-command.mjs';

// The processes the benchmark measures against: Chevet's production server (as `npm start` runs it, on a
// throw-away embedded store or a throw-away PostgreSQL), the minimal PWA's static server, PostgreSQL itself.

export const ROOT = new URL('..', import.meta.url).pathname;

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export type BenchAccount = { username: string; password: string; role: string };

export type ChevetServer = {
  baseUrl: string;
  pid: number;
  /** The store's folder (PGlite) and the environment the server was started with, to start it again. */
  dataDir: string;
  env: NodeJS.ProcessEnv;
  /** Ends the process with `signal` and keeps its data folder (figure 9 starts the server again on it). */
  halt: (signal: NodeJS.Signals) => Promise<void>;
  stop: () => Promise<void>;
};

/** Starts the built server (dist-server/, as `npm start` runs it) with the accounts created through the real CLI first. */
export async function startChevet(options: {
  accounts: readonly BenchAccount[];
  databaseUrl?: string;
}): Promise<ChevetServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'chevet-bench-'));
  const port = await freePort();
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    DATABASE_URL: options.databaseUrl ?? '',
  };
  for (const account of options.accounts) {
    execFileSync(
      process.execPath,
      [
        '--import',
        'tsx',
        'server/cli/user.ts',
        'add',
        '--role',
        account.role,
        '--password-stdin',
        account.username,
      ],
      { cwd: ROOT, env, input: `${account.password}\n`, stdio: ['pipe', 'ignore', 'inherit'] },
    );
  }
  // One process (no npx/tsx wrapper), so its pid is the server's own for the RSS figure.
  const child = spawn(
    process.execPath,
    [...(process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? []), ...serveArgs()],
    {
      cwd: ROOT,
      env,
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitFor(`${baseUrl}/api/health`, child);
  return {
    baseUrl,
    pid: child.pid!,
    dataDir,
    env,
    halt: (signal) => stopChild(child, signal),
    stop: async () => {
      await stopChild(child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function waitFor(url: string, child: ChildProcess, everyMs = 100) {
  for (let i = 0; i < 60_000 / everyMs; i++) {
    if (child.exitCode !== null)
      throw new Error(`the server exited (${child.exitCode}) before answering ${url}`);
    const ok = await fetch(url)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  throw new Error(`no answer from ${url} after 60 s`);
}

export function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM') {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill(signal);
    setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
  });
}

/** Resident set size of a process, in MB (Linux /proc). */
export function rssMb(pid: number): number | null {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8').match(/^VmRSS:\s+(\d+) kB/m);
    return line ? Number(line[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** CPU time (user + system) a process has used so far, in ms (Linux /proc; 100 clock ticks a second). */
export function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.svg': 'image/svg+xml',
};

/** Serves bench/minimal-pwa/ as it is (no build), `/` being its index.html. */
export async function startMinimalPwa(): Promise<{ baseUrl: string; stop: () => Promise<void> }> {
  const folder = join(ROOT, 'bench', 'minimal-pwa');
  const files = new Set(readdirSync(folder));
  const server: Server = createServer((request, response) => {
    const name = new URL(request.url ?? '/', 'http://x').pathname.slice(1) || 'index.html';
    if (!files.has(name)) return response.writeHead(404).end();
    response.writeHead(200, { 'content-type': TYPES[extname(name)] ?? 'application/octet-stream' });
    response.end(readFileSync(join(folder, name)));
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * A throw-away PostgreSQL for the figure-5 comparison: `BENCH_DATABASE_URL` when given, else a cluster made in a
 * temporary folder with Debian's binaries (as .ci/run does), else none (the figure says it was skipped).
 */
export async function startPostgres(): Promise<{ url: string; stop: () => Promise<void> } | null> {
  if (process.env.BENCH_DATABASE_URL) return { url: process.env.BENCH_DATABASE_URL, stop: async () => {} };
  const versions = existsSync('/usr/lib/postgresql') ? readdirSync('/usr/lib/postgresql').sort() : [];
  const bin = versions.length ? `/usr/lib/postgresql/${versions.at(-1)}/bin` : null;
  if (!bin || !existsSync(`${bin}/initdb`)) return null;
  const dir = mkdtempSync(join(tmpdir(), 'chevet-bench-pg-'));
  const port = await freePort();
  // initdb refuses to run as root: then run it as the postgres account.
  const asRoot = process.getuid?.() === 0;
  const run = (command: string) =>
    asRoot
      ? execFileSync('su', ['postgres', '-s', '/bin/bash', '-c', command], { stdio: 'ignore' })
      : execFileSync('/bin/bash', ['-c', command], { stdio: 'ignore' });
  if (asRoot) execFileSync('chown', ['postgres', dir]);
  try {
    run(`${bin}/initdb -D ${dir}/data -U postgres -A trust`);
    run(
      `${bin}/pg_ctl -D ${dir}/data -o '-p ${port} -k ${dir} -c listen_addresses=127.0.0.1' -l ${dir}/log -w start`,
    );
    run(`${bin}/psql -h 127.0.0.1 -p ${port} -U postgres -qc 'create database chevet_bench'`);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    console.warn(`PostgreSQL could not start (${(error as Error).message.split('\n')[0]}): skipped`);
    return null;
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/chevet_bench`,
    stop: async () => {
      try {
        run(`${bin}/pg_ctl -D ${dir}/data -m fast stop`);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
