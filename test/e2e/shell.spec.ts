import { expect, test } from '@playwright/test';
import {
  openControlledApp,
  openFromMenu,
  openMenu,
  signInWithNewPin,
  unlockWithPin,
  type E2eUser,
} from './support';

// The app is behind the sign-in (issue 3): a seeded nurse signs in once, then each reload unlocks with the PIN.
const NURSE: E2eUser = {
  username: 'e2e-nurse',
  password: 'e2e-nurse-password-1',
  displayName: 'e2e-nurse',
  role: 'nurse',
};
const PIN = '482913';

test('the web manifest makes Chevet installable', async ({ page, request }) => {
  await page.goto('/');
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBeTruthy();
  const manifest = await (await request.get(href!)).json();
  expect(manifest).toMatchObject({
    name: 'Chevet',
    short_name: 'Chevet',
    display: 'standalone',
    start_url: '/',
    orientation: 'any',
    theme_color: expect.stringMatching(/^#[0-9a-f]{6}$/i),
  });
  const sizes = manifest.icons.map(
    (icon: { sizes: string; purpose?: string }) => `${icon.sizes}:${icon.purpose ?? 'any'}`,
  );
  expect(sizes).toEqual(expect.arrayContaining(['192x192:any', '512x512:any', '512x512:maskable']));
  for (const icon of manifest.icons) {
    const res = await request.get(icon.src);
    expect(res.status(), icon.src).toBe(200);
    expect(res.headers()['content-type']).toBe('image/png');
    const dimensions = await page.evaluate(async (src) => {
      const image = new Image();
      image.src = src;
      await image.decode();
      return `${image.naturalWidth}x${image.naturalHeight}`;
    }, icon.src);
    expect(dimensions).toBe(icon.sizes);
  }
});

test('the service worker takes control of the page', async ({ page }) => {
  await openControlledApp(page);
  await signInWithNewPin(page, NURSE, PIN);
  const scriptURL = await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL);
  expect(scriptURL).toMatch(/\/sw\.js$/);
  await expect(page.getByTestId('offline-ready')).toBeVisible();
});

test('offline, the app still starts, reloads and changes route', async ({ page, context }) => {
  await openControlledApp(page);
  await signInWithNewPin(page, NURSE, PIN);
  await context.setOffline(true);
  await page.reload();
  await unlockWithPin(page, NURSE.displayName, PIN);
  await expect(page.getByRole('heading', { name: 'Bienvenue' })).toBeVisible();
  await expect(page.getByTestId('sync-state')).toHaveText('Hors ligne');
  await openFromMenu(page, 'Réglages');
  await expect(page.getByRole('heading', { name: 'Réglages' })).toBeVisible();
  // A deep link typed or restored offline is served the shell by the service worker.
  await page.goto('/settings');
  await unlockWithPin(page, NURSE.displayName, PIN);
  await expect(page.getByRole('heading', { name: 'Réglages' })).toBeVisible();
  await page.goto('/');
  await unlockWithPin(page, NURSE.displayName, PIN);
  await expect(page.getByRole('heading', { name: 'Bienvenue' })).toBeVisible();
});

type Watched = Window & { cspViolations: string[]; chevetBoot?: { rendered?: string; hydrated?: boolean } };

test('the page breaks none of its content security policy, online and from the service worker offline', async ({
  page,
  context,
}) => {
  // Issue 25: the boot script and the style sheets are inline, allowed by their hashes alone.
  await page.addInitScript(() => {
    const watched = window as unknown as Watched;
    watched.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) =>
      watched.cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  const violations = () => page.evaluate(() => (window as unknown as Watched).cspViolations);
  const boot = () => page.evaluate(() => (window as unknown as Watched).chevetBoot);
  await openControlledApp(page);
  // Painted by the inline boot script, then taken over by the app; styled by the inline style sheets.
  await expect(page.getByTestId('login-screen')).toBeVisible();
  await expect.poll(boot).toMatchObject({ rendered: 'sign-in', hydrated: true });
  await expect(page.locator('.topbar')).toHaveCSS('background-color', 'rgb(11, 93, 107)');
  await signInWithNewPin(page, NURSE, PIN);
  await page.waitForLoadState('networkidle');
  expect(await violations()).toEqual([]);

  await context.setOffline(true);
  await page.reload();
  await expect.poll(boot).toMatchObject({ rendered: 'locked', hydrated: true });
  await unlockWithPin(page, NURSE.displayName, PIN);
  await expect(page.getByRole('heading', { name: 'Bienvenue' })).toBeVisible();
  await expect(page.locator('html')).toHaveCSS('background-color', 'rgb(246, 247, 249)');
  expect(await violations()).toEqual([]);
});

test('the interface is French by default, switches to English and keeps it across a reload', async ({
  page,
  context,
}) => {
  await openControlledApp(page);
  await signInWithNewPin(page, NURSE, PIN);
  await expect(page.locator('html')).toHaveAttribute('lang', 'fr');
  await expect(page.getByRole('heading', { name: 'Bienvenue' })).toBeVisible();
  await openMenu(page);
  await page.getByRole('button', { name: /Langue/ }).click();
  await expect(page.getByRole('heading', { name: 'Welcome' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.reload();
  await unlockWithPin(page, NURSE.displayName, PIN);
  await expect(page.getByRole('heading', { name: 'Welcome' })).toBeVisible();
  // The English catalogue was loaded on demand and is cached: it still works offline.
  await context.setOffline(true);
  await page.reload();
  await unlockWithPin(page, NURSE.displayName, PIN);
  await expect(page.getByRole('heading', { name: 'Welcome' })).toBeVisible();
  await openFromMenu(page, 'Settings');
  // The radio follows the language once its catalogue is loaded: click, then wait for the French screen.
  await page.getByRole('radio', { name: 'Français' }).click();
  await expect(page.getByRole('heading', { name: 'Réglages' })).toBeVisible();
});
