import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { STORE_KIND } from './test-store';

// A real server process on a real embedded store, killed with SIGKILL in the middle of a push: after a restart,
// the tablet resends the whole batch and the store holds every record exactly once.

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe.runIf(STORE_KIND === 'pglite')('a server killed mid-push', () => {
  let dataDir: string;
  let port: number;
  let child: ChildProcess | undefined;
  const env = () => ({
    ...process.env,
    DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: '',
  });

  let exited: Promise<void> = Promise.resolve();
  async function startServer() {
    // Node itself (no npx wrapper), so that the child is the server: its exit is then observable.
    const server = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: env(),
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    server.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    let gone = false;
    exited = new Promise((resolve) => server.once('exit', () => resolve()));
    void exited.then(() => (gone = true));
    child = server;
    for (let i = 0; i < 600 && !gone; i++) {
      try {
        if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`server did not start${gone ? ' (it exited)' : ''}: ${stderr.slice(-2000)}`);
  }
  /** Kills the server and waits until it is gone, as a supervisor restarts a crashed server after its exit. */
  async function kill(signal: NodeJS.Signals) {
    if (!child) return;
    child.kill(signal);
    child = undefined;
    await exited;
  }

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'chevet-crash-'));
    port = await freePort();
    execFileSync(
      'npx',
      ['tsx', 'server/cli/user.ts', 'add', '--role', 'physician', '--password-stdin', 'crash-physician'],
      {
        env: env(),
        input: 'crash-test-password-1\n',
        stdio: ['pipe', 'ignore', 'inherit'],
      },
    );
    await startServer();
  }, 120_000);
  afterAll(async () => {
    await kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  });

  const signIn = async (username: string) => {
    const res = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        username,
        password: 'crash-test-password-1',
        deviceName: `tablet of ${username}`,
      }),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as { accessToken: string; deviceId: string };
  };
  const push = (session: { accessToken: string; deviceId: string }, mutations: unknown[]) =>
    fetch(`http://127.0.0.1:${port}/api/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${session.accessToken}` },
      body: JSON.stringify({ deviceId: session.deviceId, mutations }),
    });

  it('holds every record exactly once after the tablet resends the batch', async () => {
    const physician = await signIn('crash-physician');

    const patientId = uuidv7();
    const created = await push(physician, [
      {
        mutationId: uuidv7(),
        recordId: patientId,
        patientId,
        kind: 'participant',
        op: 'create',
        baseRev: null,
        at: '2026-03-02T09:00:00+01:00',
        data: { trialNumber: 'MSC-LES-07', initials: 'KL' },
      },
    ]);
    expect(created.status).toBe(200);
    const batch = Array.from({ length: 1000 }, (_, i) => ({
      mutationId: uuidv7(),
      recordId: uuidv7(),
      patientId,
      kind: 'vitalSigns',
      op: 'create',
      baseRev: null,
      at: '2026-03-02T09:00:00+01:00',
      data: {
        takenAt: '2026-03-02T09:00:00+01:00',
        sbp: 120,
        dbp: 70,
        hr: 60 + (i % 50),
        temperatureC: 36.6,
        spo2: 98,
        rr: 14,
      },
    }));
    // Kill the server while it is handling the push: the answer never comes.
    const pending = push(physician, batch).then(
      (res) => res.status,
      () => 'lost',
    );
    await new Promise((r) => setTimeout(r, 15));
    await kill('SIGKILL');
    expect(await pending).toBe('lost');

    await startServer();
    const again = await signIn('crash-physician');
    // The same tablet resends with its new session: the server knows the device by the sign-in.
    const res = await push({ ...again, deviceId: again.deviceId }, batch);
    expect(res.status).toBe(200);
    const statuses = ((await res.json()) as { results: { status: string }[] }).results.map((r) => r.status);
    expect(statuses.every((s) => s === 'applied' || s === 'duplicate')).toBe(true);

    const all: { patientId: string; mutationId: string }[] = [];
    for (let after = 0, more = true; more;) {
      const page = (await (
        await fetch(`http://127.0.0.1:${port}/api/sync/pull?after=${after}&limit=5000`, {
          headers: { authorization: `Bearer ${again.accessToken}` },
        })
      ).json()) as { changes: { patientId: string; mutationId: string }[]; cursor: number; hasMore: boolean };
      all.push(...page.changes);
      after = page.cursor;
      more = page.hasMore;
    }
    const vitals = all.filter((c) => c.patientId === patientId && c.mutationId !== undefined).slice(1);
    expect(vitals).toHaveLength(1000);
    expect(new Set(vitals.map((c) => c.mutationId)).size).toBe(1000);
    await kill('SIGTERM');
  }, 120_000);
});
