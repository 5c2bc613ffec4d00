import { expect, type APIRequestContext, type Page } from '@playwright/test';

/** Opens the app and waits until its service worker controls the page (one reload after the first install). */
export async function openControlledApp(page: Page, path = '/') {
  await page.goto(path);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.reload();
  await expect
    .poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 15_000 })
    .toBe(true);
}

/** The administrator the e2e server starts with (scripts/e2e-server.mjs creates it with the user CLI). */
export const E2E_ADMIN = { username: 'e2e-admin', password: 'e2e-admin-password-1' };

export type E2eUser = {
  username: string;
  password: string;
  displayName: string;
  role: 'nurse' | 'physician' | 'data-manager' | 'admin';
};

/** Creates an account through the admin API (as the bootstrap admin); an existing one is left as it is. */
export async function createUser(request: APIRequestContext, user: E2eUser) {
  const login = await request.post('/api/auth/login', {
    data: { username: E2E_ADMIN.username, password: E2E_ADMIN.password, deviceName: 'e2e setup' },
  });
  expect(login.status(), await login.text()).toBe(200);
  const { accessToken } = (await login.json()) as { accessToken: string };
  const created = await request.post('/api/admin/users', {
    headers: { authorization: `Bearer ${accessToken}` },
    data: user,
  });
  expect([200, 201, 409], await created.text()).toContain(created.status());
  return user;
}

/** The first sign-in on this tablet (online), then the personal PIN chosen twice; ends on the unlocked app. */
export async function signInWithNewPin(page: Page, user: E2eUser, pin: string, deviceName = 'Tablette E2E') {
  await expect(page.getByTestId('login-screen')).toBeVisible();
  await page.getByLabel('Identifiant').fill(user.username);
  await page.getByLabel('Mot de passe').fill(user.password);
  await page.getByLabel('Nom de cette tablette').fill(deviceName);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByTestId('pin-setup')).toBeVisible();
  await page.getByLabel('Nouveau code PIN').fill(pin);
  await page.getByLabel('Confirmez le code PIN').fill(pin);
  await page.getByRole('button', { name: 'Enregistrer mon code PIN' }).click();
  await expect(page.getByTestId('session-who')).toContainText(user.displayName);
}

/**
 * Unlocks the lock screen with a PIN, choosing the person first when the lock screen asks who. Works in either
 * language (a reload always comes back locked: the session keys live in memory only).
 */
export async function unlockWithPin(page: Page, displayName: string, pin: string) {
  await expect(page.getByTestId('lock-screen')).toBeVisible();
  const pinField = page.locator('#unlock-pin');
  if (!(await pinField.isVisible()))
    await page.getByRole('button', { name: new RegExp(displayName) }).click();
  await pinField.fill(pin);
  await page.getByTestId('unlock-form').locator('button[type="submit"]').click();
  await expect(page.getByTestId('session-who')).toContainText(displayName);
}
