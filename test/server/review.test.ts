import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { buildApp } from '../../server/app';
import { setAuthPolicy } from '../../server/auth/auth-policy';
import { deviceSyncListSchema, peopleDirectorySchema } from '../../src/schema/review';
import { addSignedInUser, type SignedInUser } from './people-fixtures';
import { newMutation } from './sync-fixtures';
import { createTestStore, STORE_KIND, type TestStore } from './test-store';

// Issue 24: the people directory every clinical role reads, and the devices' last sync and outbox report that
// the data manager's review shows.
describe(`people directory and devices' sync (${STORE_KIND})`, () => {
  let testStore: TestStore;
  let app: FastifyInstance;
  let physician: SignedInUser;
  let nurse: SignedInUser;
  let dataManager: SignedInUser;
  let admin: SignedInUser;
  let restore: (() => void) | undefined;

  beforeAll(async () => {
    testStore = await createTestStore();
    app = await buildApp({ store: testStore.store });
    physician = await addSignedInUser(testStore.store, 'physician');
    nurse = await addSignedInUser(testStore.store, 'nurse');
    dataManager = await addSignedInUser(testStore.store, 'data-manager');
    admin = await addSignedInUser(testStore.store, 'admin');
    await testStore.store.query(`update users set display_name = 'Dr Léa Martin' where id = $1`, [
      physician.userId,
    ]);
  });
  afterAll(async () => {
    await app.close();
    await testStore.drop();
  });
  afterEach(() => restore?.());

  const at = (iso: string) => {
    restore?.();
    restore = setAuthPolicy({ now: () => new Date(iso) });
  };
  const get = (user: SignedInUser, url: string) => app.inject({ method: 'GET', url, headers: user.headers });
  const push = (user: SignedInUser, body: Record<string, unknown>) =>
    app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: user.headers,
      payload: { deviceId: user.deviceId, mutations: [], ...body },
    });
  const deviceOf = async (user: SignedInUser) => {
    const res = await get(dataManager, '/api/review/devices');
    expect(res.statusCode).toBe(200);
    return deviceSyncListSchema.parse(res.json()).devices.find((d) => d.id === user.deviceId)!;
  };

  it('names every account by name and role, and every device, to each clinical role', async () => {
    for (const reader of [nurse, physician, dataManager]) {
      const res = await get(reader, '/api/people');
      expect(res.statusCode).toBe(200);
      const directory = peopleDirectorySchema.parse(res.json());
      expect(directory.people).toContainEqual({
        id: physician.userId,
        username: physician.username,
        displayName: 'Dr Léa Martin',
        role: 'physician',
      });
      // The administrator too: an account's name never depends on who reads it.
      expect(directory.people.map((p) => p.id)).toContain(admin.userId);
      expect(directory.devices).toContainEqual({
        id: nurse.deviceId,
        name: `tablet of ${nurse.username}`,
        userId: nurse.userId,
      });
      // Public columns only.
      expect(res.body).not.toContain('fixture');
      expect(res.body).not.toContain('password');
    }
  });

  it('refuses the devices review to a nurse and an administrator', async () => {
    for (const user of [nurse, admin]) {
      const res = await get(user, '/api/review/devices');
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('forbidden');
    }
    expect((await get(admin, '/api/people')).statusCode).toBe(403);
    expect((await get(physician, '/api/review/devices')).statusCode).toBe(200);
  });

  it("stores each push's time and outbox report, and each pull's time", async () => {
    const before = await deviceOf(nurse);
    expect(before).toMatchObject({
      lastPushAt: null,
      lastPullAt: null,
      outboxOldestAt: null,
      outboxReportedAt: null,
    });

    at('2026-03-04T10:00:00.000Z');
    expect((await push(nurse, { outboxOldestAt: '2026-03-02T08:30:00+01:00' })).statusCode).toBe(200);
    expect(await deviceOf(nurse)).toMatchObject({
      lastPushAt: '2026-03-04T10:00:00.000Z',
      outboxOldestAt: '2026-03-02T07:30:00.000Z',
      outboxReportedAt: '2026-03-04T10:00:00.000Z',
      lastPullAt: null,
    });

    // A push without a report (an older tablet) leaves the last report as it was.
    at('2026-03-04T11:00:00.000Z');
    expect((await push(nurse, {})).statusCode).toBe(200);
    expect(await deviceOf(nurse)).toMatchObject({
      lastPushAt: '2026-03-04T11:00:00.000Z',
      outboxOldestAt: '2026-03-02T07:30:00.000Z',
      outboxReportedAt: '2026-03-04T10:00:00.000Z',
    });

    // A report that is not a time is ignored, and the batch still applies.
    const participant = uuidv7();
    at('2026-03-04T11:30:00.000Z');
    const odd = await app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: physician.headers,
      payload: {
        deviceId: physician.deviceId,
        outboxOldestAt: 'yesterday',
        mutations: [
          newMutation({
            recordId: participant,
            patientId: participant,
            kind: 'participant',
            data: { trialNumber: 'MSC-LES-93', initials: 'RV' },
          }),
        ],
      },
    });
    expect(odd.json().results[0].status).toBe('applied');
    expect(await deviceOf(physician)).toMatchObject({
      lastPushAt: '2026-03-04T11:30:00.000Z',
      outboxOldestAt: null,
      outboxReportedAt: null,
    });

    // Nothing left waiting: null clears the report.
    at('2026-03-04T12:00:00.000Z');
    expect((await push(nurse, { outboxOldestAt: null })).statusCode).toBe(200);
    expect(await deviceOf(nurse)).toMatchObject({
      outboxOldestAt: null,
      outboxReportedAt: '2026-03-04T12:00:00.000Z',
    });

    at('2026-03-04T12:05:00.000Z');
    expect((await get(nurse, '/api/sync/pull')).statusCode).toBe(200);
    expect((await deviceOf(nurse)).lastPullAt).toBe('2026-03-04T12:05:00.000Z');
  });
});
