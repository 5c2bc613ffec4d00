import { useTranslation } from 'react-i18next';
import { useAlarms } from '@/alarms/state';
import { formatCheckTime, useCheckLabel } from '../alarms/check-label';

/**
 * On the lock and sign-in screens: the first due check (from the alarms' due list) with its alarm, else the next
 * one coming. Which check and when, never patient data.
 */
export function LockNotice() {
  const { t, i18n } = useTranslation();
  const first = useAlarms((s) => s.due[0]);
  const next = useAlarms((s) => s.next);
  const label = useCheckLabel();
  if (!first && !next) return null;
  return (
    <div className={first ? 'lock-notice lock-notice-alarm' : 'lock-notice'} data-testid="lock-notice">
      {first ? (
        <>
          <p data-testid="lock-due">
            {t(first.state === 'overdue' ? 'alarms.lockOverdue' : 'alarms.lockDue', {
              check: label(first.item),
              time: formatCheckTime(first.item.dueAt, i18n.language),
            })}
          </p>
          <p role="alert">{t('lock.alarm')}</p>
        </>
      ) : (
        next && (
          <p role="status">
            {t('lock.nextCheck', { time: formatCheckTime(next.item.dueAt, i18n.language) })}
          </p>
        )
      )}
    </div>
  );
}
