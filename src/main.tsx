import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { router } from './app/router';
import { registerServiceWorker } from './app/pwa';
import { startTabLock, TabGate } from './app/TabGate';
import { initI18n } from './i18n';
import { useSession } from './session/session-store';
import './app/app.css';

// Who may unlock this tablet is read from IndexedDB while the catalogue initialises, not after the first render.
void useSession.getState().init();
// One active tab per tablet: claimed once, before the first render.
startTabLock();
await initI18n();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <TabGate>
      <RouterProvider router={router} />
    </TabGate>
  </StrictMode>,
);
registerServiceWorker();
// The alarms run for the life of the page, locked or not (architecture.md, "Time-critical bedside work"). Loaded
// after the first screen: their sources read the workflows' records (Dexie, zod schemas), which are not shell code
// and would put the initial JS over its budget (issue 12); the due list is derived from records, so nothing is missed.
void import('./app/alarms/start-alarms').then(({ startTabletAlarms }) => startTabletAlarms());
