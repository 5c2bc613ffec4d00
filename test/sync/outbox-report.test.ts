import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { createRecord } from '@/db/commands';
import type { SyncApi } from '@/sync/api';
import { pushOutbox } from '@/sync/push';
import { listDeviceSync } from '../../server/review/device-sync';
import { injectApi, SimServer, SimTablet } from './harness';

// Issue 24: each push tells the store since when the tablet's oldest unsent entry waits (any author's), so the
// data manager's review can warn about a tablet holding unsent data for more than 24 hours.
describe("the tablet's outbox report on each push", () => {
  let server: SimServer;
  let tablet: SimTablet;

  beforeAll(async () => {
    server = await SimServer.start();
    tablet = await SimTablet.signIn(server, 'physician');
  });
  afterAll(async () => {
    await tablet.close();
    await server.stop();
  });

  /** The real store's API, recording each push body's report. */
  const recording = () => {
    const api = injectApi(server, tablet.user);
    const reports: (string | null | undefined)[] = [];
    const wrapped: SyncApi = {
      ...api,
      push: (body) => {
        reports.push(body.outboxOldestAt);
        return api.push(body);
      },
    };
    return { api: wrapped, reports };
  };
  const stored = async () =>
    (await listDeviceSync(server.testStore.store)).find((d) => d.id === tablet.user.deviceId)!;
  const participant = async (trialNumber: string) => {
    const id = uuidv7();
    const created = await createRecord(tablet.db, tablet.ctx, {
      kind: 'participant',
      recordId: id,
      patientId: id,
      data: { trialNumber, initials: 'AB' },
    });
    expect(created.ok).toBe(true);
  };

  it('reports what still waits after each batch, and null once the outbox is empty', async () => {
    await participant('MSC-LES-01');
    await participant('MSC-LES-02');
    await participant('MSC-LES-03');
    const [, second, third] = await tablet.db.outbox.orderBy('order').toArray();
    const { api, reports } = recording();
    await pushOutbox(tablet.db, api, tablet.user.deviceId, 1);
    // Batches of one: after the first, the second waits; after the second, the third; then nothing.
    expect(reports).toEqual([second!.queuedAt, third!.queuedAt, null]);
    expect(await stored()).toMatchObject({ outboxOldestAt: null, outboxReportedAt: expect.any(String) });
  });

  it("reports another person's unsent entries on a shared tablet, and that they left, with no batch to send", async () => {
    await participant('MSC-LES-04');
    const [waiting] = await tablet.db.outbox.toArray();
    const { api, reports } = recording();
    // Another person unlocked: the physician's entry waits for the physician's own session.
    await pushOutbox(tablet.db, api, tablet.user.deviceId, undefined, 'someone-else');
    expect(reports).toEqual([waiting!.queuedAt]);
    expect((await stored()).outboxOldestAt).toBe(new Date(waiting!.queuedAt).toISOString());
    // Nothing changed: nothing more is sent.
    await pushOutbox(tablet.db, api, tablet.user.deviceId, undefined, 'someone-else');
    expect(reports).toHaveLength(1);
    // The physician's own sync sends it: the report is null again.
    await pushOutbox(tablet.db, api, tablet.user.deviceId);
    expect(reports).toEqual([waiting!.queuedAt, null]);
    expect((await stored()).outboxOldestAt).toBeNull();
  });
});
