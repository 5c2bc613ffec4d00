import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useTypedBeforeHydration } from '@/boot/hydration';
import { listPeopleWithPin } from '@/db/people';
import type { AuthFailure } from '@/session/auth-errors';
import { rememberedDeviceName } from '@/session/settings';
import { sessionDeps, useSession } from '@/session/session-store';
import { storeNeedsFirstAdmin } from '@/session/store-health';
import { useOnline } from '@/ui/use-online';
import { authFailureMessage } from './auth-messages';

/** Online sign-in with username and password (first time on this tablet, or to renew a session). */
export function LoginScreen() {
  const { t, i18n } = useTranslation();
  const online = useOnline();
  const db = sessionDeps().db();
  // Back to the lock screen only when someone can unlock this tablet with a PIN.
  const canGoBack = useLiveQuery(async () => (await listPeopleWithPin(db)).length > 0, [db]);
  const signIn = useSession((s) => s.signIn);
  const [username, setUsername] = useState(() => useSession.getState().signInUsername ?? '');
  const [password, setPassword] = useState('');
  const [deviceName, setDeviceName] = useState(rememberedDeviceName);
  const [busy, setBusy] = useState(false);
  // Prerendered: what was typed before the app ran is kept (and a submit is made again).
  const form = useTypedBeforeHydration({
    'login-username': setUsername,
    'login-password': setPassword,
    'login-device': setDeviceName,
  });
  const [failure, setFailure] = useState<
    { error: AuthFailure; offlineUnlockUserId?: string } | 'required' | null
  >(null);
  // A new store (no account at all) says so in its public health answer: the page tells how to create the first
  // administrator. Asked again when the tablet comes back online.
  const [needsFirstAdmin, setNeedsFirstAdmin] = useState(false);
  useEffect(() => {
    if (!online) return;
    let current = true;
    void storeNeedsFirstAdmin(sessionDeps().api).then((needed) => current && setNeedsFirstAdmin(needed));
    return () => {
      current = false;
    };
  }, [online]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!username.trim() || !password || !deviceName.trim()) return setFailure('required');
    setBusy(true);
    setFailure(null);
    try {
      const outcome = await signIn({ username, password, deviceName });
      if (!outcome.ok) {
        setFailure({ error: outcome.error, offlineUnlockUserId: outcome.offlineUnlockUserId });
        // The password is never kept after a refusal; the username and tablet name stay.
        setPassword('');
      }
    } finally {
      setBusy(false);
    }
  };

  const message =
    failure === 'required'
      ? t('auth.required')
      : failure?.offlineUnlockUserId
        ? t('auth.error.unreachableCanUnlock')
        : failure
          ? authFailureMessage(t, failure.error, i18n.language)
          : null;

  return (
    <section className="auth-card" aria-labelledby="login-title" data-testid="login-screen">
      <h1 id="login-title">{t('auth.title')}</h1>
      <p className="muted">{t('auth.intro')}</p>
      {!online && (
        <p className="pill pill-warn" role="status">
          {t('auth.offlineHint')}
        </p>
      )}
      {online && needsFirstAdmin && (
        <div className="first-admin" role="note" data-testid="first-admin-notice">
          <p>
            <strong>{t('auth.firstAdmin.title')}</strong>
          </p>
          <p>{t('auth.firstAdmin.body')}</p>
          <pre>
            <code>{t('auth.firstAdmin.command')}</code>
          </pre>
          <p className="muted">{t('auth.firstAdmin.embedded')}</p>
        </div>
      )}
      <form ref={form} id="login-form" onSubmit={(event) => void submit(event)} noValidate>
        <div className="field">
          <label htmlFor="login-username">{t('auth.username')}</label>
          <input
            id="login-username"
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="login-password">{t('auth.password')}</label>
          <input
            id="login-password"
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="login-device">{t('auth.deviceName')}</label>
          <input
            id="login-device"
            name="deviceName"
            value={deviceName}
            maxLength={100}
            aria-describedby="login-device-hint"
            onChange={(e) => setDeviceName(e.target.value)}
          />
          <small id="login-device-hint" className="muted">
            {t('auth.deviceNameHint')}
          </small>
        </div>
        {message && (
          <p role="alert" className="field-error" data-testid="login-error">
            {message}
          </p>
        )}
        <div className="actions">
          <button type="submit" disabled={busy} aria-busy={busy}>
            {busy ? t('auth.submitting') : t('auth.submit')}
          </button>
          {failure !== 'required' && failure?.offlineUnlockUserId && (
            <button
              type="button"
              className="secondary"
              onClick={() => useSession.getState().showLockScreen(failure.offlineUnlockUserId)}
            >
              {t('auth.unlockOffline')}
            </button>
          )}
          {canGoBack && (
            <button
              type="button"
              className="secondary"
              onClick={() => void useSession.getState().cancelSignIn()}
            >
              {t('auth.back')}
            </button>
          )}
        </div>
      </form>
    </section>
  );
}
