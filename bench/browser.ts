import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/e2e/chromium';
import type { BenchAccount } from './servers';

// The browser figures, in Debian's Chromium driven by Playwright as the e2e suite does.

const TABLET = { width: 1138, height: 712 };

export function launch() {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

declare global {
  interface Window {
    coldStart: { lcp: number; control: number };
  }
}

/**
 * Figure 2, one sample: the browser itself started afresh on a profile where the app's service worker is
 * installed, the network off and the CPU throttled 4×; largest contentful paint and the moment the first usable
 * control (`selector`) is in the page, both from navigation start.
 */
async function coldStartOnce(profile: string, url: string, selector: string) {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    serviceWorkers: 'allow',
    offline: true,
    viewport: TABLET,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    // A string, not a function: tsx would wrap named functions in a helper the page does not have.
    await page.addInitScript({
      content: `
        window.coldStart = { lcp: 0, control: 0 };
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) window.coldStart.lcp = entry.startTime;
        }).observe({ type: 'largest-contentful-paint', buffered: true });
        const coldStartObserver = new MutationObserver(() => {
          if (window.coldStart.control || !document.querySelector(${JSON.stringify(selector)})) return;
          window.coldStart.control = performance.now();
          coldStartObserver.disconnect();
        });
        coldStartObserver.observe(document, { childList: true, subtree: true });
      `,
    });
    await page.goto(url);
    await page.waitForFunction(() => window.coldStart.control > 0, null, { timeout: 60_000 });
    // Let paint settle so the last LCP candidate is reported.
    await page.waitForTimeout(500);
    return await page.evaluate(() => window.coldStart);
  } finally {
    await context.close();
  }
}

/**
 * Installs the app in a fresh profile (online), so that later starts are served by its service worker; `setUp`
 * then brings the profile to the state the cold starts are measured in (e.g. someone signed in with a PIN).
 */
async function installIn(profile: string, url: string, setUp?: (page: Page) => Promise<void>) {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    serviceWorkers: 'allow',
    viewport: TABLET,
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(url);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.reload();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
    await setUp?.(page);
  } finally {
    await context.close();
  }
}

export type ColdStart = { lcp: number[]; control: number[] };

/** Figure 2 for both apps, alternating samples so that the machine's noise falls on both alike. */
export async function coldStarts(
  apps: { name: string; url: string; selector: string; setUp?: (page: Page) => Promise<void> }[],
  samples: number,
): Promise<Record<string, ColdStart>> {
  const profiles = apps.map(() => mkdtempSync(join(tmpdir(), 'chevet-bench-profile-')));
  try {
    for (const [i, app] of apps.entries()) await installIn(profiles[i]!, app.url, app.setUp);
    const results = Object.fromEntries(apps.map((a) => [a.name, { lcp: [], control: [] } as ColdStart]));
    for (let s = 0; s < samples; s++) {
      for (const [i, app] of apps.entries()) {
        const { lcp, control } = await coldStartOnce(profiles[i]!, app.url, app.selector);
        results[app.name]!.lcp.push(lcp);
        results[app.name]!.control.push(control);
      }
    }
    return results;
  } finally {
    for (const profile of profiles) rmSync(profile, { recursive: true, force: true });
  }
}

/** Serves the built harness (bench/.harness-dist) at `/__bench/` on the app's own origin. */
async function routeHarness(context: BrowserContext, appUrl: string, harnessDir: string) {
  await context.route(`${appUrl}/__bench/**`, async (route) => {
    const path = normalize(new URL(route.request().url()).pathname.replace(/^\/__bench\//, ''));
    if (path.startsWith('..')) return route.fulfill({ status: 404 });
    try {
      const body = readFileSync(join(harnessDir, path || 'index.html'));
      const type = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' }[extname(path)];
      await route.fulfill({ status: 200, body, contentType: type ?? 'application/octet-stream' });
    } catch {
      await route.fulfill({ status: 404 });
    }
  });
}

/**
 * A context on the app's origin with the harness page open. Service workers are blocked here: the app's worker
 * would answer `/__bench/` with the app shell (its navigation fallback).
 */
export async function openHarness(browser: Browser, appUrl: string, harnessDir: string) {
  const context = await browser.newContext({ serviceWorkers: 'block', viewport: TABLET });
  await routeHarness(context, appUrl, harnessDir);
  const page = await context.newPage();
  await page.goto(`${appUrl}/__bench/index.html`);
  await page.waitForFunction(() => 'chevetBench' in window);
  return { context, page };
}

/** Runs `work` with the page's CPU throttled (the CDP session must stay attached: detaching resets it). */
export async function throttled<T>(page: Page, rate: number, work: () => Promise<T>): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  try {
    return await work();
  } finally {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await cdp.detach();
  }
}

/** JS heap in use by a page after a full garbage collection, in MB. */
export async function heapMb(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 1024 / 1024;
}

export const BENCH_PIN = '314159';

/** The app's first sign-in on this tablet (online), and the PIN chosen after it: the app is then unlocked. */
export async function signInWithPin(app: Page, account: BenchAccount) {
  await app.getByLabel('Identifiant').fill(account.username);
  await app.getByLabel('Mot de passe').fill(account.password);
  await app.getByLabel('Nom de cette tablette').fill('Tablette banc de mesure');
  await app.getByRole('button', { name: 'Se connecter' }).click();
  await app.getByLabel('Nouveau code PIN').fill(BENCH_PIN);
  await app.getByLabel('Confirmez le code PIN').fill(BENCH_PIN);
  await app.getByRole('button', { name: 'Enregistrer mon code PIN' }).click();
  await app.getByTestId('session-who').waitFor();
}

/**
 * Figure 8, tablet side: the real app signed in, showing a participant whose timeline holds `records` vital-sign
 * sets (seeded into the app's own database by the harness, on the same origin).
 */
export async function participantHeap(
  browser: Browser,
  appUrl: string,
  harnessDir: string,
  account: BenchAccount,
  records: number,
) {
  const { context, page: harness } = await openHarness(browser, appUrl, harnessDir);
  try {
    const app = await context.newPage();
    await app.goto(`${appUrl}/`);
    await signInWithPin(app, account);

    const { patientIds } = await harness.evaluate(
      ({ records }) => window.chevetBench.seed('chevet', records, 1),
      { records },
    );
    await harness.close();
    // A full load of the participant's page: the app comes back locked (its keys live in memory) and opens there.
    await app.goto(`${appUrl}/participants/${patientIds[0]}`);
    await app.locator('#unlock-pin').fill(BENCH_PIN);
    await app.getByTestId('unlock-form').locator('button[type="submit"]').click();
    await app.getByTestId('vitals-timeline').waitFor({ timeout: 60_000 });
    const rows = await app.getByTestId('vitals-timeline').locator('tbody tr').count();
    return { heapMb: await heapMb(app), rowsShown: rows };
  } finally {
    await context.close();
  }
}
