// The device means of an alarm: vibration, system notification (through the service worker's registration, so
// it shows while the app is in the background), Screen Wake Lock. Each degrades silently where unsupported; the
// store says what worked so the screens can tell the nurse.

export function vibrate(): boolean {
  try {
    // Before the first tap on the page (an alarm due when the app starts) the browser refuses, and logs an error:
    // not asked then. The next alarm after a tap vibrates.
    if (navigator.userActivation && !navigator.userActivation.hasBeenActive) return false;
    return typeof navigator.vibrate === 'function' && navigator.vibrate([400, 200, 400, 200, 400]);
  } catch {
    return false;
  }
}

export function notificationPermission(): NotificationPermission | 'unsupported' {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

/** Asks once, from a tap (browsers want a gesture). */
export async function requestNotificationPermission(): Promise<NotificationPermission | 'unsupported'> {
  if (typeof Notification === 'undefined') return 'unsupported';
  if (Notification.permission !== 'default') return Notification.permission;
  try {
    return await Notification.requestPermission();
  } catch {
    return Notification.permission;
  }
}

/** A system notification; `tag` replaces an older one of the same check. */
export async function showSystemNotification(title: string, body: string, tag: string): Promise<boolean> {
  if (notificationPermission() !== 'granted') return false;
  const options: NotificationOptions & { renotify?: boolean } = {
    body,
    tag,
    renotify: true,
    requireInteraction: true,
  };
  try {
    const registration = await navigator.serviceWorker?.getRegistration();
    if (registration) {
      await registration.showNotification(title, options);
      return true;
    }
    new Notification(title, options);
    return true;
  } catch {
    return false;
  }
}

type Sentinel = {
  released: boolean;
  release(): Promise<void>;
  addEventListener(t: 'release', f: () => void): void;
};
type WakeLockApi = { request(type: 'screen'): Promise<Sentinel> };

/**
 * Keeps the screen on while `wanted`; the browser drops the lock whenever the page is hidden, so `refresh()` is
 * called again on every visibility change. Reports 'held', 'refused' (the browser said no: low battery, policy)
 * or 'unsupported'.
 */
export function createWakeLock(onState: (state: 'off' | 'held' | 'refused' | 'unsupported') => void) {
  let sentinel: Sentinel | undefined;
  let wanted = false;
  let pending = false;
  const api = (): WakeLockApi | undefined => (navigator as unknown as { wakeLock?: WakeLockApi }).wakeLock;

  async function refresh() {
    if (!wanted) {
      const held = sentinel;
      sentinel = undefined;
      if (held && !held.released) await held.release().catch(() => undefined);
      onState('off');
      return;
    }
    if (!api()) return onState('unsupported');
    if ((sentinel && !sentinel.released) || pending || document.visibilityState !== 'visible') return;
    pending = true;
    try {
      sentinel = await api()!.request('screen');
      sentinel.addEventListener('release', () => {
        // Hidden pages lose the lock by design (re-acquired when visible); a visible one lost it to the browser.
        onState(wanted && document.visibilityState === 'visible' ? 'refused' : 'off');
      });
      onState('held');
    } catch {
      onState('refused');
    } finally {
      pending = false;
    }
  }

  return {
    set(want: boolean) {
      if (want === wanted) return;
      wanted = want;
      void refresh();
    },
    refresh: () => void refresh(),
  };
}
