import { useTranslation } from 'react-i18next';
import './alarms.css';
import { Link } from 'react-router';
import { isMuted, silenceAlarms, useAlarms, useAlarmSettings } from '@/alarms/state';
import { useCheckLabel } from './check-label';
import { checkTimeValues } from '@/ui/format';

/**
 * Over every screen of the unlocked app: the first due or overdue check (red once overdue, until done or declared
 * missed), one tap to its entry, the others counted; and what keeps an alarm from being heard (muted tablet,
 * sound not yet unlocked, screen not kept on).
 */
export function AlarmBanner() {
  const { t, i18n } = useTranslation();
  const due = useAlarms((s) => s.due);
  const bedside = useAlarms((s) => s.bedside);
  const sound = useAlarms((s) => s.sound);
  const wakeLock = useAlarms((s) => s.wakeLock);
  const now = useAlarms((s) => s.now);
  const muted = useAlarmSettings(isMuted);
  const label = useCheckLabel();
  const first = due[0];
  const watching = bedside || due.length > 0;
  return (
    <>
      {first && (
        <div
          role="alert"
          className={first.state === 'overdue' ? 'alarm-banner alarm-banner-overdue' : 'alarm-banner'}
          data-testid="alarm-banner"
          data-state={first.state}
        >
          <span className="alarm-banner-text">
            <strong>{first.state === 'overdue' ? t('alarms.overdue') : t('alarms.due')}</strong>{' '}
            {first.subject} · {label(first.item)} ·{' '}
            {t('alarms.dueAt', checkTimeValues(first.item.dueAt, i18n.language, now))}
            {due.length > 1 && <> · {t('alarms.more', { count: due.length - 1 })}</>}
          </span>
          <Link
            className="button alarm-banner-enter"
            to={`${first.route}?check=${encodeURIComponent(first.item.id)}`}
            data-testid="alarm-enter"
          >
            {t('alarms.enter')}
          </Link>
          {!muted && (
            <button type="button" className="secondary" onClick={silenceAlarms}>
              {t('alarms.silence')}
            </button>
          )}
        </div>
      )}
      {watching && muted && (
        <p className="banner banner-warn" data-testid="alarm-muted">
          {t('alarms.muted')}
        </p>
      )}
      {watching && !muted && sound === 'locked' && (
        <p className="banner banner-warn" data-testid="alarm-sound-locked">
          {t('alarms.soundLocked')}
        </p>
      )}
      {bedside && (wakeLock === 'refused' || wakeLock === 'unsupported') && (
        <p className="banner banner-warn" data-testid="wake-lock-refused">
          {t(wakeLock === 'refused' ? 'alarms.wakeLockRefused' : 'alarms.wakeLockUnsupported')}
        </p>
      )}
    </>
  );
}
