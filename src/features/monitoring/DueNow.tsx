import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SAE_ALARM_LABEL, useAlarms, type AlarmEntry } from '@/alarms/state';
import { formatDuration } from '@/ui/duration';
import { checkTimeValues } from '@/ui/format';
import './monitoring.css';

/**
 * The home screen's "due now" across every participant on the tablet, from the one alarm mechanism's due list:
 * first the serious adverse events counting down to the sponsor's 24-hour deadline (red), then the overdue and
 * due checks (overdue first), then the next check coming — what to do next, first.
 */
export function DueNow() {
  const { t, i18n } = useTranslation();
  const due = useAlarms((s) => s.due);
  const next = useAlarms((s) => s.next);
  const now = useAlarms((s) => s.now);
  const saes = due.filter((e) => e.item.label === SAE_ALARM_LABEL);
  const checks = due.filter((e) => e.item.label !== SAE_ALARM_LABEL);
  const link = (e: AlarmEntry) => `${e.route}?check=${encodeURIComponent(e.item.id)}`;
  return (
    <section className="panel due-now" aria-labelledby="due-now-title" data-testid="due-now">
      <h2 id="due-now-title">{t('dueNow.title')}</h2>
      {due.length === 0 && <p className="muted">{t('dueNow.empty')}</p>}
      {saes.length > 0 && (
        <ul className="due-now-list" aria-label={t('dueNow.saes')}>
          {saes.map((e) => (
            <li key={e.key} data-testid="due-now-sae">
              <Link to={e.route} className="sae-countdown">
                <strong>{e.subject}</strong>{' '}
                {t(e.state === 'overdue' ? 'sae.overdue' : 'sae.countdown', {
                  remaining: formatDuration(e.item.dueAt - now),
                })}
              </Link>
            </li>
          ))}
        </ul>
      )}
      {checks.length > 0 && (
        <ul className="due-now-list" aria-label={t('dueNow.checks')}>
          {checks.map((e) => (
            <li key={e.key} className={e.state} data-testid="due-now-check" data-state={e.state}>
              <Link to={link(e)}>
                <strong>{e.subject}</strong> {t(e.item.label, e.item.labelParams ?? {})}{' '}
                <span className={`pill state-${e.state}`}>{t(`monitoring.state.${e.state}`)}</span>{' '}
                {t('monitoring.due', checkTimeValues(e.item.dueAt, i18n.language, now))}
              </Link>
            </li>
          ))}
        </ul>
      )}
      {next && (
        <p className="muted" data-testid="due-now-next">
          {t('monitoring.nextUp')} : {next.subject} — {t(next.item.label, next.item.labelParams ?? {})}{' '}
          {t('monitoring.due', checkTimeValues(next.item.dueAt, i18n.language, now))}
        </p>
      )}
    </section>
  );
}
