import { expect, test } from '@playwright/test';
import {
  createUser,
  openControlledApp,
  openFromMenu,
  signInWithNewPin,
  syncNow,
  type E2eUser,
} from './support';

// Issue 24 item 4 in Chromium: the data manager opens the DSMB tolerance report from the exports screen; its
// decision says what the dose-decision screen says on the same records (the tablet's own computation after a full
// sync, against the store's); printed, only the report remains, a cohort to a page, and Chromium makes the PDF.
// It writes no participant (the e2e store is shared; MSC-LES-97..99 are this spec's should it ever need some): it
// reads whatever cohort 1 holds, so the run order does not matter. Named to run after the screening and monitoring
// specs (files run in name order), so that cohort 1 then holds their participants.

const MANAGER: E2eUser = {
  username: 'e2e-dsmb-manager',
  password: 'dsmb-manager-password-1',
  displayName: 'Gestion DSMB',
  role: 'data-manager',
};
const NURSE: E2eUser = {
  username: 'e2e-dsmb-nurse',
  password: 'dsmb-nurse-password-1',
  displayName: 'Infirmière DSMB',
  role: 'nurse',
};
const PIN = '640218';

test('the DSMB report: from the exports screen, the dose-decision screen’s numbers, printable to PDF', async ({
  page,
  request,
}) => {
  test.setTimeout(120_000);
  await createUser(request, MANAGER);
  await createUser(request, NURSE);

  // A nurse's token is refused (the screen never offers it to her; the store refuses it too).
  const login = await request.post('/api/auth/login', {
    data: { username: NURSE.username, password: NURSE.password, deviceName: 'e2e dsmb' },
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const refused = await request.get('/api/reports/dsmb', {
    headers: { authorization: `Bearer ${accessToken}` },
  });
  expect(refused.status()).toBe(403);

  await openControlledApp(page);
  await signInWithNewPin(page, MANAGER, PIN, 'Poste DSMB');
  await syncNow(page, 60_000);

  // The tablet's dose decision for cohort 1, from the records it pulled.
  await page.getByRole('link', { name: 'Participants' }).click();
  await page.getByRole('link', { name: 'Décision de dose' }).click();
  const onTablet = await page.getByTestId('posterior-1').textContent();
  expect(onTablet).toContain('P(p > 0,3) =');

  await openFromMenu(page, 'Exports');
  await page.getByTestId('dsmb-report-link').click();
  const report = page.getByTestId('dsmb-report');
  await expect(report).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('dsmb-produced-by')).toContainText(
    'Produit par Gestion DSMB (Gestionnaire de données)',
  );
  await expect(page.getByTestId('dsmb-cohort-1')).toBeVisible();
  // The store's computation says what the tablet's says on the same records.
  await expect(page.getByTestId('dsmb-posterior-1')).toHaveText(onTablet!);
  await expect(page.getByTestId('dsmb-decision-1').getByTestId('posterior-chart')).toBeVisible();
  await expect(page.getByTestId('dsmb-rule')).toContainText('Beta(1, 1)');

  // Printed: the report alone, without the app bar or the buttons.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('app-bar')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Imprimer ou enregistrer en PDF' })).toBeHidden();
  await expect(report).toBeVisible();
  await expect(page.getByTestId('dsmb-decision-1').getByTestId('posterior-chart')).toBeVisible();
  const breakBefore = await page
    .getByTestId('dsmb-cohort-1')
    .evaluate((el) => getComputedStyle(el).breakBefore);
  expect(breakBefore).toBe('page');
  const pdf = await page.pdf({ format: 'A4', printBackground: false });
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  // The header and the rule on the first page, cohort 1 from the next: at least two pages.
  expect((pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length).toBeGreaterThanOrEqual(2);

  await page.emulateMedia({ media: 'screen' });
  await expect(page.getByTestId('app-bar')).toBeVisible();
});
