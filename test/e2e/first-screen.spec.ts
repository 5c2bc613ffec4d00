import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { createUser, signInWithNewPin } from './support';

// Issue 25: the sign-in and lock screens are prerendered into index.html and put into the page by a boot script
// before the app's bundle runs; React then hydrates them. What the person typed meanwhile is not lost, and a form
// sent before the app could handle it is neither sent by the browser (a GET with the password) nor forgotten.
// Here the app's entry module is held back until the test lets it go: the screen is the prerendered one.

// Requests answered by a service worker do not go through page.route: this spec runs without it.
test.use({ serviceWorkers: 'block' });

const NURSE = {
  username: 'e2e-first-screen',
  password: 'e2e-first-screen-password-1',
  displayName: 'Inès Premier-Écran',
  role: 'nurse' as const,
};
const PIN = '730514';

/** Holds the app's entry module back; the returned function lets it load. */
async function holdTheApp(page: Page) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\/assets\/index-[^/]+\.js$/, async (route) => {
    await released;
    await route.continue();
  });
  return release;
}

const hydrated = (page: Page) =>
  page.evaluate(() => (window as { chevetBoot?: { hydrated?: boolean } }).chevetBoot?.hydrated ?? false);

/**
 * Holds back the boot script's read of IndexedDB (the page's first `indexedDB.open`, answered once the test lets
 * it go: the browser's own request then, its events passed on); the returned function lets it go.
 */
async function holdTheBootRead(page: Page) {
  await page.addInitScript(() => {
    const realOpen = IDBFactory.prototype.open;
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    (window as { releaseBootRead?: () => void }).releaseBootRead = release;
    let first = true;
    IDBFactory.prototype.open = function (this: IDBFactory, ...args: [string, number?]) {
      if (!first) return realOpen.apply(this, args);
      first = false;
      const held: Record<string, unknown> = {};
      void released.then(() => {
        const request = realOpen.apply(this, args);
        Object.defineProperties(held, {
          result: { get: () => request.result },
          transaction: { get: () => request.transaction },
        });
        for (const type of ['success', 'error', 'upgradeneeded', 'blocked'])
          request.addEventListener(type, (event) =>
            (held[`on${type}`] as ((event: Event) => void) | undefined)?.call(request, event),
          );
      });
      return held as unknown as IDBOpenDBRequest;
    };
  });
  return () => page.evaluate(() => (window as { releaseBootRead?: () => void }).releaseBootRead?.());
}

const storedHint = (page: Page) => page.evaluate(() => localStorage.getItem('chevet.firstScreen'));

/** The nurse signed in on this tablet with a PIN: its next start is the lock screen. */
async function nurseWithPinOnThisTablet(page: Page, request: APIRequestContext) {
  await createUser(request, NURSE);
  await page.goto('/');
  await signInWithNewPin(page, NURSE, PIN);
}

/** Once the app has hydrated, the PIN typed before it is still in the field, and the Unlock button takes it. */
async function unlocksWithThePinTypedEarlier(page: Page) {
  await expect.poll(() => hydrated(page)).toBe(true);
  await expect(page.locator('#unlock-pin')).toHaveValue(PIN);
  await page.getByRole('button', { name: 'Déverrouiller' }).click();
  await expect(page.getByTestId('session-who')).toContainText(NURSE.displayName);
}

test('the sign-in form filled and sent before the app has loaded signs in once it has', async ({
  page,
  request,
}) => {
  await createUser(request, NURSE);
  const release = await holdTheApp(page);
  await page.goto('/');
  await expect(page.getByTestId('login-screen')).toBeVisible();
  await page.getByLabel('Identifiant').fill(NURSE.username);
  await page.getByLabel('Mot de passe').fill(NURSE.password);
  await page.getByLabel('Nom de cette tablette').fill('Tablette premier écran');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  expect(await hydrated(page)).toBe(false);
  // Not sent by the browser: no navigation, the password in no address.
  expect(new URL(page.url()).search).toBe('');
  await expect(page.getByLabel('Mot de passe')).toHaveValue(NURSE.password);

  release();
  await expect(page.getByTestId('pin-setup')).toBeVisible();
  await page.getByLabel('Nouveau code PIN').fill(PIN);
  await page.getByLabel('Confirmez le code PIN').fill(PIN);
  await page.getByRole('button', { name: 'Enregistrer mon code PIN' }).click();
  await expect(page.getByTestId('session-who')).toContainText(NURSE.displayName);
});

test('a PIN typed into the prerendered lock screen before the app has loaded unlocks it', async ({
  page,
  request,
}) => {
  await nurseWithPinOnThisTablet(page, request);

  const release = await holdTheApp(page);
  await page.reload();
  const field = page.locator('#unlock-pin');
  await expect(page.getByTestId('lock-screen')).toContainText(NURSE.displayName);
  await expect(field).toBeFocused();
  await field.pressSequentially(PIN);
  await field.press('Enter');
  expect(await hydrated(page)).toBe(false);
  await expect(field).toHaveValue(PIN);

  release();
  // The PIN and its Enter, taken over by the app: unlocked without typing again.
  await expect(page.getByTestId('session-who')).toContainText(NURSE.displayName);
  expect(await hydrated(page)).toBe(true);
});

test('a PIN typed before the app has loaded is still there for the Unlock button', async ({
  page,
  request,
}) => {
  await nurseWithPinOnThisTablet(page, request);

  const release = await holdTheApp(page);
  await page.reload();
  await page.locator('#unlock-pin').pressSequentially(PIN);
  release();
  await unlocksWithThePinTypedEarlier(page);
});

test('the lock screen is painted at once from the tablet’s hint, before IndexedDB answers', async ({
  page,
  request,
}) => {
  await nurseWithPinOnThisTablet(page, request);
  // Written by the app when the PIN was set: names and roles only, nothing secret.
  await expect.poll(() => storedHint(page)).toContain(NURSE.displayName);
  expect(await storedHint(page)).not.toMatch(/salt|hash|token|ciphertext/i);

  const releaseRead = await holdTheBootRead(page);
  const releaseApp = await holdTheApp(page);
  await page.reload();
  // IndexedDB has not answered the boot script, the app has not loaded: the screen is the hint's.
  await expect(page.getByTestId('lock-screen')).toContainText(NURSE.displayName);
  await page.locator('#unlock-pin').pressSequentially(PIN);
  await releaseRead();
  releaseApp();
  await unlocksWithThePinTypedEarlier(page);
});

test('a hint the database does not confirm is corrected before the app starts, and rewritten', async ({
  page,
}) => {
  // A tablet whose hint names someone its database does not hold (here: a new tablet, no database at all).
  await page.addInitScript(() => {
    if (localStorage.getItem('chevet.firstScreen') === null)
      localStorage.setItem(
        'chevet.firstScreen',
        JSON.stringify([
          { userId: 'u-ghost', displayName: 'Personne Fantôme', role: 'nurse', offlineUnlockDisabled: false },
        ]),
      );
  });
  const releaseRead = await holdTheBootRead(page);
  const releaseApp = await holdTheApp(page);
  await page.goto('/');
  await expect(page.getByTestId('lock-screen')).toContainText('Personne Fantôme');
  await releaseRead();
  // The boot script's read answered: the right screen, the prerendered sign-in form, still before the app.
  await expect(page.getByTestId('login-screen')).toBeVisible();
  await expect(page.getByTestId('lock-screen')).toHaveCount(0);
  const field = await page.locator('#login-username').elementHandle();
  releaseApp();
  await expect.poll(() => hydrated(page)).toBe(true);
  // Hydrated as it was (the same field), not rendered again; and the hint now says what the database says.
  expect(await field!.evaluate((input) => input.isConnected)).toBe(true);
  await expect.poll(() => storedHint(page)).toBe('[]');
});
