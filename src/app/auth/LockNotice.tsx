import { useTranslation } from 'react-i18next';
import { useLockScreenNotice } from '@/session/lock-screen-notice';

/** On the lock and sign-in screens during an infusion: the next due check and its alarm, never patient data. */
export function LockNotice() {
  const { t, i18n } = useTranslation();
  const { nextCheckAt, alarm } = useLockScreenNotice();
  if (!alarm && nextCheckAt === undefined) return null;
  return (
    <div className={alarm ? 'lock-notice lock-notice-alarm' : 'lock-notice'} data-testid="lock-notice">
      {nextCheckAt !== undefined && (
        <p role="status">
          {t('lock.nextCheck', {
            time: new Date(nextCheckAt).toLocaleTimeString(i18n.language, {
              hour: '2-digit',
              minute: '2-digit',
            }),
          })}
        </p>
      )}
      {alarm && <p role="alert">{t('lock.alarm')}</p>}
    </div>
  );
}
