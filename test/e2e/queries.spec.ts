import { readFileSync } from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import {
  createParticipant,
  createUser,
  openControlledApp,
  openFromMenu,
  openMenu,
  openParticipant,
  recordVitals,
  signInWithNewPin,
  syncNow,
  type E2eUser,
} from './support';

// Issue 24 item 2 on real browsers: the data manager raises a query on one field of a synced record; the
// physician's tablet receives it, answers it OFFLINE with a correction of the value, syncs; the data manager sees
// the answer and the corrected value, closes the query; then downloads both exports (ODM, CSV) from /exports, both
// holding the query's thread. Trial number MSC-LES-95 (each spec its own on the shared e2e store).

const MANAGER: E2eUser = {
  username: 'e2e-queries-dm',
  password: 'queries-password-dm1',
  displayName: 'Data Manager Q',
  role: 'data-manager',
};
const PHYSICIAN: E2eUser = {
  username: 'e2e-queries-md',
  password: 'queries-password-md1',
  displayName: 'Dr Requête',
  role: 'physician',
};

test.beforeAll(async ({ request }) => {
  await createUser(request, MANAGER);
  await createUser(request, PHYSICIAN);
});

async function tablet(browser: Browser, user: E2eUser, pin: string) {
  const context = await browser.newContext({
    baseURL: test.info().project.use.baseURL,
    serviceWorkers: 'allow',
  });
  const page = await context.newPage();
  await openControlledApp(page);
  await signInWithNewPin(page, user, pin, `Poste ${user.displayName}`);
  return { context, page };
}

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
  const md = await tablet(browser, PHYSICIAN, '975310');
  await createParticipant(md.page, 'MSC-LES-95', 'QR');
  await recordVitals(md.page, { sbp: '250' });
  await syncNow(md.page);

  // The data manager, online: the record's fields, a query on the systolic pressure.
  const dm = await tablet(browser, MANAGER, '864200');
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
