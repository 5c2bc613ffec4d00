import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useNow } from './use-now';
import { useParticipant, useVisitRecords } from './queries';
import { VisitStateBadge } from './VisitStateBadge';
import { visitCalendar } from './visit-model';
import './visits.css';
import './messages';

/** /participants/:participantId/visits — M0…M12 with their windows, states and progress. */
export default function VisitCalendarPage() {
  const { t, i18n } = useTranslation();
  const { participantId = '' } = useParams();
  const participant = useParticipant(participantId);
  const records = useVisitRecords(participantId);
  const now = useNow();
  if (participant === undefined || records === undefined) return <p aria-busy="true">{t('loading')}</p>;
  if (!participant) return <p role="alert">{t('participants.notFound')}</p>;
  const calendar = visitCalendar(participant.data.infusionDate as string | undefined, records, now);
  const date = (iso: string | undefined) =>
    iso ? new Date(`${iso}T12:00:00`).toLocaleDateString(i18n.language, { dateStyle: 'medium' }) : '—';
  return (
    <section>
      <p>
        <Link to={`/participants/${participantId}`}>
          ← {String(participant.data.trialNumber)} · {String(participant.data.initials)}
        </Link>
      </p>
      <h1 data-testid="calendar-title">
        {t('visits.calendar')} — {String(participant.data.trialNumber)} · {String(participant.data.initials)}
      </h1>
      <p className="actions">
        <Link className="button-link secondary" to={`/participants/${participantId}/endpoints`}>
          {t('visits.endpointsLink')}
        </Link>
      </p>
      {calendar.length === 0 && <p role="alert">{t('visits.noInfusionDate')}</p>}
      <ol className="visit-calendar" data-testid="visit-calendar">
        {calendar.map((entry) => (
          <li
            key={entry.visit}
            className={`visit-card state-${entry.state}`}
            data-testid={`visit-${entry.visit}`}
          >
            <Link to={`/participants/${participantId}/visits/${entry.visit}`} className="visit-link">
              <strong className="visit-name">{t(`visits.visit.${entry.visit}`)}</strong>
              <VisitStateBadge state={entry.state} />
              {entry.late && <span className="pill pill-warn">{t('visits.late')}</span>}
              <span className="muted">
                {t('visits.window', {
                  from: date(entry.item.windowStartDate),
                  to: date(entry.item.windowEndDate),
                  target: date(entry.item.targetDate),
                  day: entry.item.day,
                })}
              </span>
              <span>
                {t('visits.progress', { done: entry.finalisedCount, total: entry.required.length })}
              </span>
              {entry.missedReason && (
                <span className="muted">{t('visits.missedBecause', { reason: entry.missedReason })}</span>
              )}
              {entry.item.primaryEfficacy && <span className="pill">{t('visits.primaryEfficacy')}</span>}
              {entry.item.endOfFollowUp && <span className="pill">{t('visits.endOfFollowUp')}</span>}
            </Link>
          </li>
        ))}
      </ol>
    </section>
  );
}
