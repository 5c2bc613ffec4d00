import { expect, test, type Browser, type Page } from '@playwright/test';
import {
  createParticipant,
  createUser,
  openControlledApp,
  openFromMenu,
  openParticipant,
  signInWithNewPin,
  syncNow,
  type E2eUser,
} from './support';

// Issue 24 on real browsers: the data manager's review of the central store. Trial numbers MSC-LES-93 and 94
// (reserved for this spec; the queries lifecycle has its own describe block or spec).

const DR_A: E2eUser = {
  username: 'e2e-review-a',
  password: 'review-password-a1',
  displayName: 'Dr Revue A',
  role: 'physician',
};
const DR_B: E2eUser = {
  username: 'e2e-review-b',
  password: 'review-password-b1',
  displayName: 'Dr Revue B',
  role: 'physician',
};
const MANAGER: E2eUser = {
  username: 'e2e-review-dm',
  password: 'review-password-dm1',
  displayName: 'Data manager Revue',
  role: 'data-manager',
};

test.beforeAll(async ({ request }) => {
  for (const user of [DR_A, DR_B, MANAGER]) await createUser(request, user);
});

async function tablet(browser: Browser, user: E2eUser, pin: string) {
  const context = await browser.newContext({
    baseURL: test.info().project.use.baseURL,
    serviceWorkers: 'allow',
  });
  const page = await context.newPage();
  await openControlledApp(page);
  await signInWithNewPin(page, user, pin, `Tablette ${user.displayName}`);
  return { context, page };
}

async function editComment(page: Page, comment: string) {
  await page.getByLabel('Commentaire', { exact: true }).first().fill(comment);
  await page.getByLabel('Motif de la modification').fill('note de revue');
  await page.getByRole('button', { name: 'Enregistrer le dossier' }).click();
  await expect(page.getByText('Enregistré sur la tablette.')).toBeVisible();
}

test.describe('review', () => {
  test('the data manager’s tablet names authors it never saw, by name, role and tablet', async ({
    browser,
  }) => {
    const a = await tablet(browser, DR_A, '314159');
    const b = await tablet(browser, DR_B, '271828');
    await createParticipant(a.page, 'MSC-LES-93', 'RV');
    await syncNow(a.page);
    await syncNow(b.page);
    await openParticipant(b.page, 'MSC-LES-93');
    // Both physicians edit the same form offline: a conflict.
    await a.context.setOffline(true);
    await b.context.setOffline(true);
    await editComment(a.page, 'revue de A');
    await editComment(b.page, 'revue de B');
    await a.context.setOffline(false);
    await b.context.setOffline(false);
    await syncNow(a.page);
    await syncNow(b.page);
    await a.context.close();
    await b.context.close();

    // A tablet neither physician used: the store's people directory names them.
    const dm = await tablet(browser, MANAGER, '161803');
    await syncNow(dm.page);
    await dm.page.getByTestId('sync-conflicts').click();
    const card = dm.page.getByTestId('conflict-card').filter({ hasText: 'MSC-LES-93' });
    await expect(card).toContainText('par Dr Revue A · Médecin sur Tablette Dr Revue A');
    await expect(card).toContainText('par Dr Revue B · Médecin sur Tablette Dr Revue B');

    // The review: the open conflict and who must resolve it, the tablets' last sync, the participant's history.
    await openFromMenu(dm.page, 'Revue des données');
    await expect(dm.page.getByTestId('review-as-of')).toContainText('dernière synchronisation');
    const conflict = dm.page.getByTestId('review-conflict').filter({ hasText: 'MSC-LES-93' });
    await expect(conflict).toContainText('Dr Revue A · Médecin sur Tablette Dr Revue A');
    await expect(conflict.getByTestId('conflict-resolver')).toContainText('À résoudre par un médecin');
    await expect(conflict.getByTestId('conflict-resolver')).toContainText('Dr Revue B');
    const device = dm.page.getByTestId('review-device').filter({ hasText: 'Tablette Dr Revue A' });
    await expect(device).toContainText('Dr Revue A · Médecin');
    // Everything was sent: nothing waits on that tablet, no warning.
    await expect(device).toContainText('aucune');
    await expect(device.getByTestId('stale-outbox')).toHaveCount(0);
    await dm.page.getByRole('link', { name: /MSC-LES-93/ }).click();
    const history = dm.page.getByTestId('review-record').filter({ hasText: 'Dossier participant' });
    const entries = history.getByTestId('history-entry');
    await expect(entries.first()).toContainText('création par Dr Revue A · Médecin');
    await expect(entries.first()).toContainText('Numéro d’essai : MSC-LES-93');
    // Which of the two revisions the store received first depends on the tablets' own syncs as they come back
    // online: the first changes the comment from nothing, the second (in conflict) from the first one's value.
    await expect(history).toContainText(/Commentaire : — → revue de [AB]/);
    await expect(history).toContainText(/Commentaire : revue de ([AB]) → revue de (?!\1)[AB]/);
    await expect(history).toContainText('Motif : note de revue');
    await expect(history.locator('[data-status="conflict"]')).toHaveCount(1);
    await dm.context.close();
  });
});
