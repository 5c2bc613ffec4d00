import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { ServerProcess } from './server-process';
import { STORE_KIND } from './test-store';

// A real server process on a real embedded store, killed with SIGKILL in the middle of a push: after a restart,
// the tablet resends the whole batch and the store holds every record exactly once.

describe.runIf(STORE_KIND === 'pglite')('a server killed mid-push', () => {
  let server: ServerProcess;

  beforeAll(async () => {
    server = await ServerProcess.create();
    server.addUser('physician', 'crash-physician', 'crash-test-password-1');
    await server.start();
  }, 120_000);
  afterAll(() => server.remove());

  const signIn = async (username: string) => {
    const res = await fetch(`${server.url}/api/auth/login`, {
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
    fetch(`${server.url}/api/sync/push`, {
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
    await server.stop('SIGKILL');
    expect(await pending).toBe('lost');

    await server.start();
    const again = await signIn('crash-physician');
    // The same tablet resends with its new session: the server knows the device by the sign-in.
    const res = await push({ ...again, deviceId: again.deviceId }, batch);
    expect(res.status).toBe(200);
    const statuses = ((await res.json()) as { results: { status: string }[] }).results.map((r) => r.status);
    expect(statuses.every((s) => s === 'applied' || s === 'duplicate')).toBe(true);

    const all: { patientId: string; mutationId: string }[] = [];
    for (let after = 0, more = true; more;) {
      const page = (await (
        await fetch(`${server.url}/api/sync/pull?after=${after}&limit=5000`, {
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
    expect(await server.stop('SIGTERM')).toBe(0);
  }, 120_000);
});
