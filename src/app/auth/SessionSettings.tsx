import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AUTO_LOCK_CHOICES, setAutoLockMinutes, useSessionSettings } from '@/session/settings';
import { sessionDeps, useSession } from '@/session/session-store';

/** Settings: the idle time before auto-lock (kept on this tablet), and signing out of this tablet. */
export function SessionSettings() {
  const { t } = useTranslation();
  const minutes = useSessionSettings((s) => s.autoLockMinutes);
  const choices: readonly number[] = AUTO_LOCK_CHOICES.includes(minutes as never)
    ? AUTO_LOCK_CHOICES
    : [...AUTO_LOCK_CHOICES, minutes].sort((a, b) => a - b);
  return (
    <section aria-labelledby="session-settings-title" data-testid="session-settings">
      <h2 id="session-settings-title">{t('session.settingsTitle')}</h2>
      <fieldset className="choice">
        <legend>{t('session.autoLock')}</legend>
        {choices.map((choice) => (
          <label key={choice}>
            <input
              type="radio"
              name="auto-lock"
              value={choice}
              checked={minutes === choice}
              onChange={() => setAutoLockMinutes(choice)}
            />
            {t('session.minutes', { count: choice })}
          </label>
        ))}
      </fieldset>
      <p className="muted">{t('session.autoLockHint')}</p>
      <SignOut />
    </section>
  );
}

function SignOut() {
  const { t } = useTranslation();
  const userId = useSession((s) => s.person?.userId);
  const [confirming, setConfirming] = useState(false);
  const db = sessionDeps().db();
  const unsent = useLiveQuery(
    () =>
      userId && confirming
        ? db.revisions
            .where('status')
            .equals('pending')
            .filter((r) => r.userId === userId)
            .count()
        : 0,
    [db, userId, confirming],
  );
  if (!userId) return null;
  if (!confirming) {
    return (
      <button type="button" className="secondary" onClick={() => setConfirming(true)}>
        {t('session.signOut')}
      </button>
    );
  }
  return (
    <div className="panel" role="group" aria-label={t('session.signOut')}>
      <p>{t('session.signOutExplain')}</p>
      {!!unsent && (
        <p role="alert" className="field-error">
          {t('session.signOutPending', { count: unsent })}
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={() => void useSession.getState().signOut()}>
          {t('session.signOutConfirm')}
        </button>
        <button type="button" className="secondary" onClick={() => setConfirming(false)}>
          {t('session.cancel')}
        </button>
      </div>
    </div>
  );
}
