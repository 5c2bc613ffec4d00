import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ParticipantMonitoring } from '@/domain/monitoring';
import { formatDateTime, formatTime } from './time';

/**
 * The 10-day strip of a participant: every check from the end of the infusion to day 10, upcoming / due /
 * overdue / done / missed, with its time; each due, overdue or upcoming day check opens its checklist.
 */
export function MonitoringStrip({
  patientId,
  monitoring,
  current,
}: {
  patientId: string;
  monitoring: ParticipantMonitoring;
  current?: string;
}) {
  const { t, i18n } = useTranslation();
  return (
    <ol className="strip" data-testid="strip" aria-label={t('monitoring.strip')}>
      {monitoring.strip.map(({ item, state, doneAt, byPhone }) => {
        const label = t(item.label, item.labelParams ?? {});
        const when =
          doneAt !== undefined
            ? t('monitoring.doneAt', { time: formatDateTime(doneAt, i18n.language, { year: false }) })
            : item.day !== undefined && item.id !== 'day-1'
              ? `${formatDateTime(item.windowStart, i18n.language, { year: false })}–${formatTime(item.windowEnd, i18n.language)}`
              : formatDateTime(item.dueAt, i18n.language, { year: false });
        const opens = item.id.startsWith('day-');
        const body = (
          <>
            <strong>{label}</strong>
            <span className={`pill state-${state}`}>{t(`monitoring.state.${state}`)}</span>
            <span className="strip-time">{when}</span>
            {byPhone && <span className="muted">{t('monitoring.byPhoneBadge')}</span>}
          </>
        );
        return (
          <li
            key={item.id}
            className={`strip-item strip-${state}${current === item.id ? ' strip-current' : ''}`}
            data-testid={`strip-${item.id}`}
            data-state={state}
          >
            {opens ? (
              <Link
                to={`/participants/${patientId}/monitoring?check=${item.id}`}
                aria-label={t('monitoring.openCheck', { check: label })}
              >
                {body}
              </Link>
            ) : (
              <span>{body}</span>
            )}
          </li>
        );
      })}
    </ol>
  );
}
