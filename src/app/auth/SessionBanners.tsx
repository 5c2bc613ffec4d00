import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { invalidateAccessToken, markDeviceRevoked, sessionDeps, useSession } from '@/session/session-store';
import { useSyncStatus } from '@/sync/status-store';

/**
 * The tablet's clock differs from the server's by more than 5 minutes (measured at sign-in and at each renewal
 * of the session): said on every screen, with the offset, until the clock is set right — never dismissed.
 */
export function ClockSkewWarning() {
  const { t, i18n } = useTranslation();
  const skew = useSession((s) => s.clockSkewMs);
  if (skew === undefined) return null;
  const offset = formatOffset(Math.abs(skew), i18n.language);
  return (
    <div role="alert" className="banner banner-warn" data-testid="clock-skew">
      {/* Server ahead of the tablet: the tablet's clock is behind. */}
      <span>{skew > 0 ? t('session.clockBehind', { offset }) : t('session.clockAhead', { offset })}</span>
    </div>
  );
}

/** "7 minutes", "2 heures 5 minutes", "3 jours", in the person's language. */
export function formatOffset(ms: number, language: string): string {
  const unit = (value: number, unit: 'minute' | 'hour' | 'day') =>
    new Intl.NumberFormat(language, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return unit(minutes, 'minute');
  if (minutes < 48 * 60) {
    const rest = minutes % 60;
    return rest
      ? `${unit(Math.floor(minutes / 60), 'hour')} ${unit(rest, 'minute')}`
      : unit(minutes / 60, 'hour');
  }
  return unit(Math.round(minutes / (24 * 60)), 'day');
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
