import { useTranslation } from 'react-i18next';
import { SAE_ALARM_LABEL, useAlarms, type AlarmEntry } from '@/alarms/state';
import { formatDuration } from '@/ui/duration';
import { useCheckLabel } from '../alarms/check-label';
import { checkTimeValues } from '@/ui/format';

/**
 * On the lock and sign-in screens: the first due check (from the alarms' due list) with its alarm, else the next
 * one coming. Which check and when, never patient data.
 */
export function LockNotice() {
  const { t, i18n } = useTranslation();
  const first = useAlarms((s) => s.due.find((e) => e.item.label !== SAE_ALARM_LABEL));
  const next = useAlarms((s) => s.next);
  const label = useCheckLabel();
  const due = useAlarms((s) => s.due);
  const now = useAlarms((s) => s.now);
  // Serious adverse events: the red countdown to the sponsor's 24-hour deadline, always shown (issue 22).
  const saes = due.filter((e: AlarmEntry) => e.item.label === SAE_ALARM_LABEL);
  if (!first && !next && saes.length === 0) return null;
  return (
    <div className={first ? 'lock-notice lock-notice-alarm' : 'lock-notice'} data-testid="lock-notice">
      {saes.map((e) => (
        <p key={e.key} className="sae-lock" role="alert" data-testid="lock-sae">
          {t(e.state === 'overdue' ? 'sae.lockOverdue' : 'sae.lockCountdown', {
            remaining: formatDuration(e.item.dueAt - now),
          })}
        </p>
      ))}
      {first ? (
        <>
          <p data-testid="lock-due">
            {t(first.state === 'overdue' ? 'alarms.lockOverdue' : 'alarms.lockDue', {
              check: label(first.item),
              ...checkTimeValues(first.item.dueAt, i18n.language, now),
            })}
          </p>
          <p role="alert">{t('lock.alarm')}</p>
        </>
      ) : (
        next && (
          <p role="status">{t('lock.nextCheck', checkTimeValues(next.item.dueAt, i18n.language, now))}</p>
        )
      )}
    </div>
  );
}
