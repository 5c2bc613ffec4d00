import i18next from 'i18next';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { chevetBoot } from './boot/boot';
import { snapshotForHydration } from './boot/hydration';
import { AppRoot } from './app/AppRoot';
import { router } from './app/router';
import { registerServiceWorker } from './app/pwa';
import { startTabLock, tabSettled } from './app/TabGate';
import { initI18n } from './i18n';
import { keepFirstScreenHint } from './session/first-screen-hint';
import { useSession } from './session/session-store';
import './app/app.css';

// The page's policy forbids eval: zod is told not to probe for it (a reported violation each time). Through
// the global object zod keeps its settings in (its `config()` would bring 4 kB gz of zod into the first screen's
// code, which needs none); any copy of zod loaded later reads it.
const zodSettings = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
(zodSettings.__zod_globalConfig ??= {}).jitless = true;
// Who may unlock this tablet is read from IndexedDB while the catalogue initialises, not after the first render
// (read before the bundle by the boot script when the page has one: src/boot/early.ts).
void useSession.getState().init();
// One active tab per tablet: claimed once, before the first render.
startTabLock();
await initI18n();
const root = document.getElementById('root')!;
const app = (
  <AppRoot>
    <RouterProvider router={router} />
  </AppRoot>
);
if (await prerenderedScreenHolds()) {
  // The boot script put the prerendered sign-in or lock screen into the page: React takes it over as it is (the
  // PIN typed meanwhile included), with the very state it was prerendered from.
  snapshotForHydration();
  hydrateRoot(root, app);
} else {
  root.replaceChildren();
  createRoot(root).render(app);
}
registerServiceWorker();
// What the next start shows at once, before IndexedDB has answered (src/boot/first-screen-hint.ts).
keepFirstScreenHint();
// The alarms run for the life of the page, locked or not (architecture.md, "Time-critical bedside work"). Loaded
// after the first screen: their sources read the workflows' records (Dexie, zod schemas), which are not shell code
// and would put the initial JS over its budget (issue 12); the due list is derived from records, so nothing is missed.
void import('./app/alarms/start-alarms').then(({ startTabletAlarms }) => startTabletAlarms());

/** Whether the page holds a prerendered first screen that is the app's own first render now. */
async function prerenderedScreenHolds() {
  const rendered = chevetBoot()?.rendered;
  if (!rendered) return false;
  const [, tab] = await Promise.all([useSession.getState().init(), tabSettled()]);
  return tab === 'active' && i18next.language === 'fr' && useSession.getState().screen === rendered;
}
