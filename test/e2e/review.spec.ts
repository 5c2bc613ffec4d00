import { readFileSync } from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import {
  createParticipant,
  createUser,
  newTablet,
  openFromMenu,
  openMenu,
  openParticipant,
  recordVitals,
  syncNow,
  type E2eUser,
} from './support';

// Issue 24 on real browsers: the data manager's review of the central store (MSC-LES-93), and the data queries'
// lifecycle (MSC-LES-95): the data manager raises a query on one field of a synced record; the physician's tablet
// receives it, answers it OFFLINE with a correction of the value, syncs; the data manager sees the answer and the
// corrected value, closes the query; then downloads both exports (ODM, CSV) from /exports, both holding the
// query's thread. Each spec its own trial numbers on the shared e2e store.

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

const Q_MANAGER: E2eUser = {
  username: 'e2e-queries-dm',
  password: 'queries-password-dm1',
  displayName: 'Data Manager Q',
  role: 'data-manager',
};
const Q_PHYSICIAN: E2eUser = {
  username: 'e2e-queries-md',
  password: 'queries-password-md1',
  displayName: 'Dr Requête',
  role: 'physician',
};

test.beforeAll(async ({ request }) => {
  for (const user of [DR_A, DR_B, MANAGER, Q_MANAGER, Q_PHYSICIAN]) await createUser(request, user);
});

function tablet(browser: Browser, user: E2eUser, pin: string, devicePrefix = 'Tablette') {
  return newTablet(browser, { signIn: { user, pin, deviceName: `${devicePrefix} ${user.displayName}` } });
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

/**
 * The queries screen from the app bar's menu, whose entry counts the queries waiting on the person (other specs
 * on the shared store may have left queries of their own: at least this one's then).
 */
async function openQueries(page: Page, waiting: boolean) {
  await openMenu(page);
  const entry = page.getByTestId('nav-queries');
  await expect(entry).toHaveText(waiting ? /^Requêtes \([1-9]\d*\)$/ : /^Requêtes/);
  await entry.click();
}

const sbpField = (page: Page) => page.locator('[data-testid="record-field"][data-field="sbp"]');

test('a query raised by the data manager is answered offline on a tablet, synced, closed, and exported', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const md = await tablet(browser, Q_PHYSICIAN, '975310', 'Poste');
  await createParticipant(md.page, 'MSC-LES-95', 'QR');
  await recordVitals(md.page, { sbp: '250' });
  await syncNow(md.page);

  // The data manager, online: the record's fields, a query on the systolic pressure.
  const dm = await tablet(browser, Q_MANAGER, '864200', 'Poste');
  await syncNow(dm.page);
  await openQueries(dm.page, false);
  await expect(dm.page.getByRole('heading', { level: 1 })).toHaveText('Requêtes ouvertes');
  await dm.page.getByTestId('query-participant').selectOption({ label: 'MSC-LES-95 · QR' });
  await dm.page.locator('[data-testid="query-record"][data-kind="vitalSigns"]').click();
  await expect(sbpField(dm.page)).toContainText('250');
  await sbpField(dm.page).getByTestId('query-raise-open').click();
  await dm.page.getByTestId('query-raise-text').fill('PAS 250 mmHg : merci de vérifier le document source.');
  await dm.page.getByTestId('query-raise').click();
  await expect(sbpField(dm.page).getByTestId('query-marker')).toHaveText('1 requête');
  await syncNow(dm.page);

  // The physician's tablet receives it, then answers with no network: the correction and the answer stay queued.
  await syncNow(md.page);
  // The query shows on the queried value where the physician reads it: the participant's vital-signs history.
  await openParticipant(md.page, 'MSC-LES-95');
  await expect(md.page.getByTestId('vitals-row').first().getByTestId('field-query-marker')).toHaveAttribute(
    'aria-label',
    'PA systolique (mmHg) — requête : Ouverte. Ouvrir le fil',
  );
  await md.context.setOffline(true);
  await openQueries(md.page, true);
  await expect(md.page.getByRole('heading', { level: 1 })).toHaveText('Requêtes à traiter');
  await md.page.getByTestId('query-item').filter({ hasText: 'MSC-LES-95' }).getByRole('link').click();
  const thread = md.page.getByTestId('query-thread');
  await expect(thread).toContainText('PAS 250 mmHg');
  await expect(thread.getByTestId('query-status')).toHaveText('Ouverte');
  await md.page.getByTestId('query-answer-text').fill('Erreur de transcription : 125 sur la feuille.');
  await md.page.getByTestId('query-correct').check();
  await md.page.getByTestId('query-new-value').fill('125');
  await md.page.getByTestId('query-reason').fill('erreur de transcription');
  await md.page.getByTestId('query-answer').click();
  await expect(thread.getByTestId('query-status')).toHaveText('Répondue');
  await expect(thread.getByTestId('query-correction')).toHaveText('Valeur corrigée : 125');
  await expect(thread).toContainText('Pas encore synchronisé');
  await expect(md.page.getByTestId('sync-pending')).toHaveText('2 saisies en attente d’envoi');
  await md.context.setOffline(false);
  await syncNow(md.page);
  // The corrected set is the participant's timeline value now.
  await openParticipant(md.page, 'MSC-LES-95');
  await expect(md.page.getByTestId('vitals-row').first()).toContainText('125');

  // The data manager sees the answer and the correction, and closes the query.
  await syncNow(dm.page);
  await openQueries(dm.page, true);
  const item = dm.page.getByTestId('query-item').filter({ hasText: 'MSC-LES-95' });
  await expect(item).toContainText('Répondue');
  await item.getByRole('link').click();
  const dmThread = dm.page.getByTestId('query-thread');
  await expect(dmThread.getByTestId('query-correction')).toHaveText('Valeur corrigée : 125');
  await expect(dmThread).toContainText('Réponse de');
  await dm.page.getByTestId('query-close-text').fill('Correction vérifiée.');
  await dm.page.getByTestId('query-close').click();
  await expect(dmThread.getByTestId('query-status')).toHaveText('Close');
  await syncNow(dm.page);

  // Both exports, downloaded from the app, hold the thread.
  await openFromMenu(dm.page, 'Exports');
  const odmDownload = dm.page.waitForEvent('download');
  await dm.page.getByRole('button', { name: 'Télécharger l’export CDISC ODM 1.3.2' }).click();
  const odm = readFileSync((await (await odmDownload).path())!, 'utf8');
  expect(odm).toContain('FileType="Transactional"');
  expect(odm).toContain('F.dataQuery');
  expect(odm).toContain('Correction vérifiée.');
  const csvDownload = dm.page.waitForEvent('download');
  await dm.page.getByRole('button', { name: 'Télécharger l’export CSV' }).click();
  const csv = await csvDownload;
  expect(csv.suggestedFilename()).toMatch(/\.zip$/);
  const zip = readFileSync((await csv.path())!);
  expect(zip.subarray(0, 2).toString('latin1')).toBe('PK');
  expect(zip.includes(Buffer.from('dataQuery.csv'))).toBe(true);

  await md.context.close();
  await dm.context.close();
});
