import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { createHydratable } from '@/boot/hydration';
import {
  browserLocks,
  claimTab,
  type LockManagerLike,
  type TabLock,
  type TabState,
} from '@/session/tab-lock';
import { stopSync } from './sync/start-sync';

type TabStatus = { state: TabState; lost: boolean; lock?: TabLock };
// Hydratable: the prerendered first screen is hydrated once the tab is known to be the active one (main.tsx).
const useTab = createHydratable<TabStatus>(() => ({ state: 'checking', lost: false }));

/** The tab's state once the lock has answered (`active` or `elsewhere`). */
export function tabSettled(): Promise<TabState> {
  return new Promise((resolve) => {
    const settled = (state: TabState) => state !== 'checking' && (resolve(state), true);
    if (settled(useTab.getState().state)) return;
    const stop = useTab.subscribe(({ state }) => settled(state) && stop());
  });
}

/** Set by a tab that lost the lock and is taken back: after its reload it takes the lock over at once. */
const TAKE_OVER_KEY = 'chevet.takeOverTab';

/**
 * Claims this tab as the tablet's active one, once per page (before the first render: a component mounted
 * twice would race with itself for the lock). Losing it to another tab stops this tab's sync engine at once.
 */
export function startTabLock(locks: LockManagerLike | undefined = browserLocks()) {
  useTab.getState().lock?.release();
  useTab.setState({ state: 'checking', lost: false });
  let takeOver = false;
  try {
    takeOver = sessionStorage.getItem(TAKE_OVER_KEY) === '1';
    sessionStorage.removeItem(TAKE_OVER_KEY);
  } catch {
    // No session storage (private mode): this tab waits for the lock like any other.
  }
  const lock = claimTab(
    locks,
    (state, lost) => {
      if (lost) stopSync();
      useTab.setState((previous) => ({ state, lost: previous.lost || lost }));
    },
    takeOver,
  );
  useTab.setState({ lock });
  return lock;
}

function reloadTakingOver() {
  try {
    sessionStorage.setItem(TAKE_OVER_KEY, '1');
  } catch {
    // Without it the reloaded tab offers "use here" once more.
  }
  location.reload();
}

/**
 * Runs the app in one tab of this tablet only. Another tab of Chevet says so and offers to take over; the tab
 * that lost the lock has stopped its sync engine and unmounts the app (no second lock screen, no second sync on
 * the same IndexedDB). Taking over again after losing reloads the page: it starts locked, as a fresh tab does.
 */
export function TabGate({
  children,
  reload = reloadTakingOver,
}: {
  children: ReactNode;
  reload?: () => void;
}) {
  const { t } = useTranslation();
  const { state, lost, lock } = useTab();
  if (state === 'active') return <>{children}</>;
  if (state === 'checking') return null;
  return (
    <div className="shell auth-shell">
      <main id="main" className="auth-main" tabIndex={-1}>
        <section className="panel" role="alert" data-testid="other-tab">
          <h1>{t('tab.title')}</h1>
          <p>{t(lost ? 'tab.lost' : 'tab.explain')}</p>
          <button type="button" onClick={() => (lost ? reload() : lock?.takeOver())}>
            {t('tab.useHere')}
          </button>
        </section>
      </main>
    </div>
  );
}
