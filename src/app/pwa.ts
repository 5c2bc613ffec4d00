import { Workbox } from 'workbox-window';
import { create } from 'zustand';
import { isBusy, useActivity } from '@/session/activity-store';

type UpdateState = {
  /** A new version is installed and waiting for the person's go-ahead. */
  waiting: boolean;
  /** The new version took control but this page still runs the old code (reload when convenient). */
  reloadPending: boolean;
  /** The service worker controls the page: the app will start offline. */
  offlineReady: boolean;
  apply(): void;
};

let workbox: Workbox | undefined;
let updateRequestedHere = false;

export const useUpdate = create<UpdateState>(() => ({
  waiting: false,
  reloadPending: false,
  offlineReady: false,
  apply() {
    // Only on the person's tap, and never while a bedside session or a form is open (drafts are saved anyway).
    if (!workbox || isBusy(useActivity.getState())) return;
    updateRequestedHere = true;
    workbox.messageSkipWaiting();
  },
}));

export function registerServiceWorker() {
  if (!('serviceWorker' in navigator) || !import.meta.env.PROD) return;
  workbox = new Workbox('/sw.js', { scope: '/' });
  workbox.addEventListener('waiting', () => useUpdate.setState({ waiting: true }));
  workbox.addEventListener('controlling', (event) => {
    if (!event.isUpdate) return;
    // Another tab may have applied the update: this page reloads itself only if it asked and is not busy.
    if (updateRequestedHere && !isBusy(useActivity.getState())) window.location.reload();
    else useUpdate.setState({ waiting: false, reloadPending: true });
  });
  workbox.addEventListener('activated', () => useUpdate.setState({ offlineReady: true }));
  void workbox.register().then(() => {
    if (navigator.serviceWorker.controller) useUpdate.setState({ offlineReady: true });
  });
  // A tablet left open for days still learns of new versions.
  setInterval(() => void workbox?.update(), 60 * 60 * 1000);
}
