import { expect, test } from '@playwright/test';
import {
  createUser,
  openControlledApp,
  openFromMenu,
  openMenu,
  signInWithNewPin,
  unlockWithPin,
  type E2eUser,
} from './support';

// Issue 3 on a real browser: first sign-in online, personal PIN, offline lock / unlock, wrong PINs, switch user,
// reload offline and still unlockable. Needs the e2e server's bootstrap admin (see support.ts) to create people.

const NURSE: E2eUser = {
  username: 'e2e-people-nurse',
  password: 'nurse-password-1',
  displayName: 'Infirmière E2E',
  role: 'nurse',
};
const DOCTOR: E2eUser = {
  username: 'e2e-people-doctor',
  password: 'doctor-password-1',
  displayName: 'Médecin E2E',
  role: 'physician',
};
const NURSE_PIN = '482913';
const DOCTOR_PIN = '735190';

test.beforeAll(async ({ request }) => {
  await createUser(request, NURSE);
  await createUser(request, DOCTOR);
});

test('sign in online, set a PIN, lock and unlock offline, switch user, reload offline', async ({
  page,
  context,
}) => {
  await openControlledApp(page);
  // Nothing of the app before sign-in.
  await expect(page.getByRole('heading', { name: 'Bienvenue' })).toHaveCount(0);
  await signInWithNewPin(page, NURSE, NURSE_PIN);
  await expect(page.getByTestId('session-who')).toHaveText('Infirmière E2E · Infirmier·e');
  await expect(page.getByRole('heading', { name: 'Bienvenue' })).toBeVisible();
  // The tablet name is remembered for the next sign-in.
  expect(await page.evaluate(() => localStorage.getItem('chevet.deviceName'))).toBe('Tablette E2E');
  // Neither the PIN nor a usable token is stored.
  const stored = await page.evaluate(
    () =>
      new Promise<string>((resolve, reject) => {
        const open = indexedDB.open('chevet');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const read = open.result.transaction('people').objectStore('people').getAll();
          read.onsuccess = () => resolve(JSON.stringify(read.result));
        };
      }),
  );
  expect(stored).toContain('PBKDF2-SHA256');
  expect(stored).not.toContain(NURSE_PIN);
  expect(stored).not.toContain('refreshToken":"');

  // Offline: lock on demand, nothing clinical behind the lock, unlock with the PIN.
  await context.setOffline(true);
  await page.getByRole('button', { name: 'Verrouiller' }).click();
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Bienvenue' })).toHaveCount(0);
  await expect(page.getByTestId('session-controls')).toHaveCount(0);
  await page.getByLabel('Code PIN — Infirmière E2E').fill('000001');
  await page.getByRole('button', { name: 'Déverrouiller' }).click();
  await expect(page.getByTestId('unlock-error')).toHaveText(
    'Code PIN incorrect. Encore 4 essais avant le blocage du déverrouillage hors ligne.',
  );
  await unlockWithPin(page, NURSE.displayName, NURSE_PIN);
  await expect(page.getByRole('heading', { name: 'Bienvenue' })).toBeVisible();

  // Switch user: a second person signs in (online for their first time) with their own PIN.
  await context.setOffline(false);
  await openMenu(page);
  await page.getByRole('button', { name: 'Changer d’utilisateur' }).click();
  await expect(page.getByText('Qui êtes-vous ?')).toBeVisible();
  await page.getByRole('button', { name: 'Connexion en ligne (nouvelle personne)' }).click();
  await signInWithNewPin(page, DOCTOR, DOCTOR_PIN);
  await expect(page.getByTestId('session-who')).toHaveText('Médecin E2E · Médecin');

  // Reload offline: both people are still there and unlock with their own PIN.
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  await expect(page.getByRole('button', { name: /Infirmière E2E/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /Médecin E2E/ })).toBeVisible();
  await unlockWithPin(page, NURSE.displayName, NURSE_PIN);
  await expect(page.getByTestId('session-who')).toHaveText('Infirmière E2E · Infirmier·e');
  await openMenu(page);
  await page.getByRole('button', { name: 'Changer d’utilisateur' }).click();
  await unlockWithPin(page, DOCTOR.displayName, DOCTOR_PIN);

  // The auto-lock setting lives on the tablet (default 5 minutes).
  await openFromMenu(page, 'Réglages');
  await expect(page.getByRole('radio', { name: '5 minutes', exact: true })).toBeChecked();
  await page.getByRole('radio', { name: '1 minute', exact: true }).check();
  await page.reload();
  await unlockWithPin(page, DOCTOR.displayName, DOCTOR_PIN);
  await expect(page.getByRole('radio', { name: '1 minute', exact: true })).toBeChecked();
});

test('server unreachable at sign-in: said plainly, and offline unlock offered to a known person', async ({
  page,
  context,
}) => {
  await openControlledApp(page);
  await signInWithNewPin(page, NURSE, NURSE_PIN);
  await page.getByRole('button', { name: 'Verrouiller' }).click();
  await page.getByRole('button', { name: 'Connexion en ligne (nouvelle personne)' }).click();
  await context.setOffline(true);
  await page.getByLabel('Identifiant').fill(NURSE.username);
  await page.getByLabel('Mot de passe').fill(NURSE.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByTestId('login-error')).toHaveText(
    'Le serveur central est injoignable. Vous avez déjà un code PIN sur cette tablette : vous pouvez déverrouiller hors ligne.',
  );
  await page.getByRole('button', { name: 'Déverrouiller hors ligne avec mon PIN' }).click();
  await unlockWithPin(page, NURSE.displayName, NURSE_PIN);
});

test('a wrong password is refused with a clear message and nothing is kept', async ({ page }) => {
  await openControlledApp(page);
  await page.getByLabel('Identifiant').fill(DOCTOR.username);
  await page.getByLabel('Mot de passe').fill('not-the-password');
  await page.getByLabel('Nom de cette tablette').fill('Tablette E2E');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByTestId('login-error')).toHaveText('Identifiant ou mot de passe incorrect.');
  await expect(page.getByLabel('Mot de passe')).toHaveValue('');
});

test('locks itself after the idle time set in Settings; the PIN unlocks back to the same screen', async ({
  page,
}) => {
  await page.clock.install();
  await openControlledApp(page);
  await signInWithNewPin(page, NURSE, NURSE_PIN);
  await openFromMenu(page, 'Réglages');
  await page.getByRole('radio', { name: '1 minute', exact: true }).check();
  await page.clock.fastForward('00:50');
  await expect(page.getByTestId('session-controls')).toBeVisible();
  await page.clock.fastForward('00:15');
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Réglages' })).toHaveCount(0);
  await unlockWithPin(page, NURSE.displayName, NURSE_PIN);
  await expect(page.getByRole('heading', { name: 'Réglages' })).toBeVisible();
});
