import { expect, request, test } from '@playwright/test';
import { serveArgs } from '../../scripts/serve-command.mjs';
import { ServerProcess } from '../server/server-process';
import {
  createParticipant,
  createUser,
  E2E_ADMIN,
  openControlledApp,
  recordVitals,
  signInWithNewPin,
  syncNow,
  type E2eUser,
} from './support';

// Issue 4: the central store killed with SIGKILL while a tablet's push is on its way, then restarted; the tablet
// resends what it never saw acknowledged, and the store holds every record exactly once. This spec runs a
// server of its own (the shared e2e server must live on), as `npm start` runs it, on a throw-away store.

const PHYSICIAN: E2eUser = {
  username: 'e2e-crash-physician',
  password: 'crash-physician-password-1',
  displayName: 'Dr C',
  role: 'physician',
};

/** Every change the store holds, read back through its own pull API. */
async function storeChanges(store: ServerProcess, user: E2eUser) {
  const login = await fetch(`${store.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: user.username, password: user.password, deviceName: 'e2e check' }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const changes: { kind: string; recordId: string; mutationId: string; data: { hr?: number } }[] = [];
  for (let after = 0, more = true; more;) {
    const page = (await (
      await fetch(`${store.url}/api/sync/pull?after=${after}&limit=1000`, {
        headers: { authorization: `Bearer ${accessToken}` },
      })
    ).json()) as { changes: typeof changes; cursor: number; hasMore: boolean };
    changes.push(...page.changes);
    after = page.cursor;
    more = page.hasMore;
  }
  return changes;
}

test('the store killed mid-push and restarted holds every record exactly once after the tablet resends', async ({
  browser,
}) => {
  // Two SIGKILLs and three cold starts of a server of its own: on a loaded 2-core machine the whole run takes 50–80 s.
  test.setTimeout(180_000);
  const store = await ServerProcess.create(serveArgs());
  store.addUser('admin', E2E_ADMIN.username, E2E_ADMIN.password);
  await store.start();
  const context = await browser.newContext({ baseURL: store.url, serviceWorkers: 'allow' });
  try {
    const admin = await request.newContext({ baseURL: store.url });
    await createUser(admin, PHYSICIAN);
    await admin.dispose();

    const page = await context.newPage();
    await openControlledApp(page);
    await signInWithNewPin(page, PHYSICIAN, '482910', 'Tablette chambre 3');
    await createParticipant(page, 'MSC-LES-41', 'KM');
    await syncNow(page, 30_000);

    // 1. The store commits the push and dies before answering: the tablet never learns that it was stored.
    await context.setOffline(true);
    for (const hr of [61, 62, 63, 64, 65]) await recordVitals(page, { hr: String(hr) });
    let answerLost = false;
    await context.route('**/api/sync/push', async (route) => {
      if (answerLost) return route.abort('connectionrefused');
      const response = await route.fetch();
      expect(response.status()).toBe(200);
      await store.stop('SIGKILL');
      answerLost = true;
      await route.abort('connectionreset');
    });
    // Back online, the tablet pushes by itself.
    await context.setOffline(false);
    await expect.poll(() => answerLost, { timeout: 20_000 }).toBe(true);
    await context.unroute('**/api/sync/push');
    await expect(page.getByTestId('sync-pending')).toHaveText('5 saisies en attente d’envoi');

    // 2. Restarted, the store answers the resend with duplicates: nothing is written twice.
    await store.start();
    await syncNow(page, 30_000);

    // 3. Killed again while the next push is on its way (wherever the store was in it), then restarted.
    await context.setOffline(true);
    for (const hr of [71, 72, 73, 74, 75]) await recordVitals(page, { hr: String(hr) });
    let pushSent = false;
    page.on('request', (sent) => {
      if (!pushSent && sent.url().endsWith('/api/sync/push')) {
        pushSent = true;
        void store.stop('SIGKILL');
      }
    });
    await context.setOffline(false);
    await expect.poll(() => pushSent, { timeout: 20_000 }).toBe(true);
    await store.stop('SIGKILL');
    await store.start();
    await syncNow(page, 30_000);

    // The store holds each of the ten vital-sign sets once, and so does the tablet.
    const vitals = (await storeChanges(store, PHYSICIAN)).filter((c) => c.kind === 'vitalSigns');
    expect(vitals.map((c) => c.data.hr).sort()).toEqual([61, 62, 63, 64, 65, 71, 72, 73, 74, 75]);
    expect(new Set(vitals.map((c) => c.recordId)).size).toBe(10);
    expect(new Set(vitals.map((c) => c.mutationId)).size).toBe(10);
    await expect(page.getByTestId('vitals-row')).toHaveCount(10);
  } finally {
    await context.close();
    await store.remove();
  }
});
