// One tablet, one active tab (issue 17, item 9): two tabs of Chevet on one origin would run two sync engines
// and two lock screens on one IndexedDB. The active tab holds a Web Lock for as long as it lives; another tab
// finds it taken and says so, and may take it over (`steal`), which ends the first tab's hold: that tab stops
// its sync and says Chevet is open elsewhere.

export const TAB_LOCK_NAME = 'chevet-active-tab';

/** `checking` until the lock answers; `active`: this tab runs Chevet; `elsewhere`: another tab does. */
export type TabState = 'checking' | 'active' | 'elsewhere';

/** The part of the Web Locks API used here (`navigator.locks`), so that tests can pass a fake. */
export type LockManagerLike = {
  request(
    name: string,
    options: { ifAvailable?: boolean; steal?: boolean },
    callback: (lock: unknown) => Promise<unknown> | unknown,
  ): Promise<unknown>;
};

export type TabLock = {
  /** Takes the lock from the tab holding it (that tab is told it lost it). */
  takeOver(): void;
  /** Lets the lock go (tests; a closed tab lets it go by itself). */
  release(): void;
};

/**
 * Claims the active-tab lock if it is free, and reports every change of state. `lost` is true when the state
 * becomes `elsewhere` because another tab took the lock over from this one (it had been running Chevet).
 * Without the Web Locks API (old browsers) the tab is simply active.
 */
export function claimTab(
  locks: LockManagerLike | undefined,
  onChange: (state: TabState, lost: boolean) => void,
  /** Take the lock even when another tab holds it (the person asked for this tab). */
  steal = false,
): TabLock {
  let release: (() => void) | undefined;
  let generation = 0;
  let ended = false;
  const request = (options: { ifAvailable?: boolean; steal?: boolean }) => {
    const mine = ++generation;
    const hold = (lock: unknown) => {
      // Released meanwhile, or superseded by a later request of this tab (a take-over): let it go at once.
      if (ended || mine !== generation) return undefined;
      if (!lock) {
        onChange('elsewhere', false);
        // Wait in line: when the other tab closes (or reloads), this one becomes the active tab by itself.
        request({});
        return undefined;
      }
      onChange('active', false);
      return new Promise<void>((resolve) => {
        release = resolve;
      });
    };
    locks!.request(TAB_LOCK_NAME, options, hold).catch((error: unknown) => {
      // Stolen by another tab: the request's promise rejects (AbortError) while this tab held it.
      if (!ended && mine === generation && (error as { name?: string })?.name === 'AbortError') {
        release = undefined;
        onChange('elsewhere', true);
      }
    });
  };
  if (!locks) {
    onChange('active', false);
    return { takeOver() {}, release() {} };
  }
  request(steal ? { steal: true } : { ifAvailable: true });
  return {
    takeOver: () => request({ steal: true }),
    release() {
      ended = true;
      release?.();
      release = undefined;
    },
  };
}

/** The browser's lock manager, when it has one (secure contexts of current browsers). */
export function browserLocks(): LockManagerLike | undefined {
  return typeof navigator !== 'undefined' && 'locks' in navigator
    ? (navigator.locks as unknown as LockManagerLike)
    : undefined;
}
