import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { watchIdle } from '@/session/idle-lock';
import { useSession } from '@/session/session-store';
import { useSessionSettings } from '@/session/settings';
import { requestSync } from '@/sync/trigger';
import { LanguageSwitch } from '../LanguageSwitch';
import { LockNotice } from './LockNotice';
import { LockScreen } from './LockScreen';
import { LoginScreen } from './LoginScreen';
import { PinSetupScreen } from './PinSetupScreen';

/**
 * Shows the sign-in, PIN or lock screen until someone is unlocked, then the app.
 *
 * While locked the app's tree is unmounted, not hidden: nothing clinical stays in the DOM (screen readers,
 * inspection). Nothing is lost: forms autosave their drafts to IndexedDB per person and flush on unmount, and the
 * router keeps the URL, so the same screen and the same draft come back at unlock.
 */
export function AuthGate({ children }: { children: ReactNode }) {
  const screen = useSession((s) => s.screen);
  const pending = useSession((s) => s.pending);
  const userId = useSession((s) => s.person?.userId);

  useEffect(() => {
    void useSession.getState().init();
  }, []);

  // Someone unlocked: let the sync run for them (it waits while nobody is unlocked).
  useEffect(() => {
    if (userId) requestSync();
  }, [userId]);

  if (screen === 'unlocked') {
    return (
      <>
        <IdleLock />
        {children}
      </>
    );
  }
  return (
    <AuthFrame>
      {screen === 'starting' ? (
        <StartingScreen />
      ) : screen === 'set-pin' && pending ? (
        <PinSetupScreen pending={pending} />
      ) : screen === 'locked' ? (
        <LockScreen />
      ) : (
        <LoginScreen />
      )}
    </AuthFrame>
  );
}

function StartingScreen() {
  const { t } = useTranslation();
  return <p aria-busy="true">{t('loading')}</p>;
}

function AuthFrame({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <div className="shell auth-shell">
      <header className="topbar">
        <span className="brand">{t('app.name')}</span>
        <span className="topbar-spacer" />
        <LanguageSwitch />
      </header>
      <main id="main" className="auth-main" tabIndex={-1}>
        <LockNotice />
        {children}
      </main>
    </div>
  );
}

/** Locks after the idle time set in Settings (default 5 minutes) without a touch or a key. */
function IdleLock() {
  const minutes = useSessionSettings((s) => s.autoLockMinutes);
  useEffect(
    () => watchIdle({ timeoutMs: minutes * 60_000, onIdle: () => useSession.getState().lock() }),
    [minutes],
  );
  return null;
}
