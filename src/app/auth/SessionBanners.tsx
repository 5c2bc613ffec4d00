import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { invalidateAccessToken, markDeviceRevoked, sessionDeps, useSession } from '@/session/session-store';
import { useSyncStatus } from '@/sync/status-store';

/** The tablet's clock differs from the server's by more than 2 minutes (measured at sign-in). */
export function ClockSkewWarning() {
  const { t } = useTranslation();
  const skew = useSession((s) => s.clockSkewMs);
  if (skew === undefined) return null;
  const minutes = Math.round(Math.abs(skew) / 60_000);
  return (
    <div role="alert" className="banner banner-warn" data-testid="clock-skew">
      {/* Server ahead of the tablet: the tablet's clock is behind. */}
      <span>{skew > 0 ? t('session.clockBehind', { minutes }) : t('session.clockAhead', { minutes })}</span>
      <button type="button" className="secondary" onClick={() => useSession.getState().dismissClockWarning()}>
        {t('session.dismiss')}
      </button>
    </div>
  );
}

/**
 * Session banners under the top bar: "sign in again" when the online session could not be renewed (work goes on
 * offline), a revoked tablet (nothing is discarded), and a skewed clock.
 */
export function SessionBanners() {
  const { t } = useTranslation();
  const person = useSession((s) => s.person);
  const signInNeeded = useSession((s) => s.syncSignInNeeded);
  const revokedBySession = useSession((s) => s.deviceRevoked);
  const syncError = useSyncStatus((s) => s.lastError?.kind);
  const revoked = revokedBySession || syncError === 'device-revoked';
  const db = sessionDeps().db();
  const unsent = useLiveQuery(() => (revoked ? db.outbox.count() : 0), [db, revoked]);

  // What the sync engine learns from the server reaches the session: a refused token is renewed next round, a
  // revoked registration is remembered (and said) until the next online sign-in.
  useEffect(() => {
    if (syncError === 'unauthorized') invalidateAccessToken();
    if (syncError === 'device-revoked') void markDeviceRevoked();
  }, [syncError]);

  if (!person) return null;
  return (
    <>
      {revoked && (
        <div role="alert" className="banner banner-danger" data-testid="device-revoked">
          <span>{t('session.revoked', { count: unsent ?? 0 })}</span>
        </div>
      )}
      {signInNeeded && !revoked && (
        <div role="status" className="banner banner-warn" data-testid="sign-in-again">
          <span>{t('session.signInAgain')}</span>
          <button type="button" onClick={() => useSession.getState().showSignIn(person.username)}>
            {t('session.signInAgainAction')}
          </button>
        </div>
      )}
      <ClockSkewWarning />
    </>
  );
}
