import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';

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

type TabletOptions = {
  viewport?: { width: number; height: number };
  timezoneId?: string;
  /** The first sign-in on this tablet and its new PIN: the tablet then ends unlocked. */
  signIn?: { user: E2eUser; pin: string; deviceName: string };
};

/**
 * A tablet of its own: a browser context with its own storage and service worker, on the e2e store, the app open
 * and controlled by its service worker (then signed in, when asked).
 */
export async function newTablet(browser: Browser, options: TabletOptions = {}) {
  const { viewport, signIn, timezoneId } = options;
  const context = await browser.newContext({
    baseURL: test.info().project.use.baseURL,
    serviceWorkers: 'allow',
    ...(viewport ? { viewport, screen: viewport } : {}),
    ...(timezoneId ? { timezoneId } : {}),
  });
  const page = await context.newPage();
  await openControlledApp(page);
  if (signIn) await signInWithNewPin(page, signIn.user, signIn.pin, signIn.deviceName);
  return { context, page };
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

/** From the Participants screen, a new participant; ends on its page. */
export async function createParticipant(page: Page, trialNumber: string, initials: string) {
  await page.getByRole('link', { name: 'Participants' }).click();
  await page.getByRole('button', { name: 'Nouveau participant' }).click();
  await page.getByLabel('Numéro d’essai').fill(trialNumber);
  await page.getByLabel('Initiales').fill(initials);
  await page.getByRole('button', { name: 'Créer le participant' }).click();
  await expect(page.getByTestId('participant-title')).toContainText(`${trialNumber} · ${initials}`);
}

/** In-app navigation (a full reload would lock the tablet: the session keys live in memory only). */
export async function openParticipant(page: Page, trialNumber: string) {
  await page.getByRole('link', { name: 'Participants' }).click();
  await page.getByRole('link', { name: new RegExp(trialNumber) }).click();
  await expect(page.getByTestId('participant-title')).toContainText(trialNumber);
}

const VITALS_LABELS = {
  sbp: 'PA systolique (mmHg)',
  dbp: 'PA diastolique (mmHg)',
  hr: 'Fréquence cardiaque (/min)',
  temperature: 'Température (°C)',
  spo2: 'SpO₂ (%)',
  rr: 'Fréquence respiratoire (/min)',
} as const;
const NORMAL_VITALS: Record<keyof typeof VITALS_LABELS, string> = {
  sbp: '121',
  dbp: '74',
  hr: '72',
  temperature: '37,2',
  spo2: '97',
  rr: '16',
};

/**
 * One vital-sign set through the participant page's form (normal values unless given, as typed in French);
 * returns once its row is in the timeline: the "saved" notice stays up between two saves, so it proves nothing.
 */
export async function recordVitals(page: Page, values: Partial<typeof NORMAL_VITALS> = {}) {
  const rows = await page.getByTestId('vitals-row').count();
  const typed = { ...NORMAL_VITALS, ...values };
  for (const field of Object.keys(VITALS_LABELS) as (keyof typeof VITALS_LABELS)[])
    await page.getByLabel(VITALS_LABELS[field], { exact: true }).fill(typed[field]);
  await page.getByRole('button', { name: 'Enregistrer les constantes' }).click();
  await expect(page.getByText('Constantes enregistrées.')).toBeVisible();
  await expect(page.getByTestId('vitals-row')).toHaveCount(rows + 1);
}

/** Presses "Synchroniser" and waits until the outbox is empty and the round is over. */
export async function syncNow(page: Page, timeout = 20_000) {
  await page.getByRole('button', { name: 'Synchroniser' }).click();
  await expect(page.getByTestId('sync-pending')).toHaveText('Tout est envoyé', { timeout });
  await expect(page.getByTestId('sync-state')).toHaveText('Synchronisé', { timeout });
}

/** Opens the app bar's menu (the other screens, the language, switch user), if it is not open yet. */
export async function openMenu(page: Page) {
  const button = page.getByTestId('app-menu-button');
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  await expect(page.getByTestId('app-menu')).toBeVisible();
}

/** A screen reached from the menu (Settings, Conflicts, Administration, Home). */
export async function openFromMenu(page: Page, name: string) {
  await openMenu(page);
  await page.getByTestId('app-menu').getByRole('link', { name, exact: true }).click();
}
