import { expect, type Page } from '@playwright/test';

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
