import { useTranslation } from 'react-i18next';
import { QueryMarker, useOpenQueries } from '@/features/queries';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { adverseEventTermFor, isBedsideTermId } from '@/domain/safety/ctcae';
import type { AdverseEvent, CtcaeGrade } from '@/schema/adverse-events';
import { AdverseEventForm } from './AdverseEventForm';
import { GradeHistory } from './GradingForm';
import { useAdverseEvents, useRecord } from './queries';
import { SponsorNotification } from './SponsorNotification';
import './adverse-events.css';

/**
 * /participants/:participantId/adverse-events/new — a new report; `?term=<bedside term id>&grade=3&checkId=…`
 * prefill it (the infusion workflow opens a report from a grade ≥ 3 infusion reaction this way).
 * /participants/:participantId/adverse-events/:adverseEventId — the report, its grade over time, the SAE.
 */
export default function AdverseEventPage() {
  const { t } = useTranslation();
  const { participantId = '', adverseEventId = 'new' } = useParams();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const participant = useRecord(participantId);
  const events = useAdverseEvents(participantId);
  const openQueries = useOpenQueries();
  if (participant === undefined || events === undefined) return <p aria-busy="true">{t('loading')}</p>;
  if (!participant || participant.kind !== 'participant')
    return <p role="alert">{t('participants.notFound')}</p>;
  const title = `${String(participant.data.trialNumber)} · ${String(participant.data.initials)}`;
  const event = adverseEventId === 'new' ? undefined : events.find((e) => e.record.id === adverseEventId);
  if (adverseEventId !== 'new' && !event) return <p role="alert">{t('form.notFound')}</p>;
  return (
    <section className="ae-page">
      <p>
        <Link to={`/participants/${participantId}`}>← {t('ae.backToParticipant')}</Link>
      </p>
      <h1 data-testid="ae-page-title">{title}</h1>
      {event ? (
        <>
          {openQueries?.has(event.record.id) && (
            <p className="actions">
              <QueryMarker threads={openQueries.get(event.record.id)} />
            </p>
          )}
          <SponsorNotification event={event} />
          {event.data.serious && (
            <p>
              <Link
                className="button secondary"
                to={`/participants/${participantId}/adverse-events/${event.record.id}/sae-report`}
                data-testid="sae-report-link"
              >
                {t('sae.print')}
              </Link>
            </p>
          )}
          <AdverseEventForm key={event.record.id} patientId={participantId} event={event} />
          <GradeHistory event={event} />
        </>
      ) : (
        <AdverseEventForm
          patientId={participantId}
          initial={prefill(search)}
          onCreated={(id) =>
            void navigate(`/participants/${participantId}/adverse-events/${id}`, { replace: true })
          }
        />
      )}
    </section>
  );
}

function prefill(search: URLSearchParams): Partial<AdverseEvent> | undefined {
  const termId = search.get('term');
  const grade = Number(search.get('grade'));
  const checkId = search.get('checkId');
  const out: Partial<AdverseEvent> = {};
  if (termId && isBedsideTermId(termId)) out.term = adverseEventTermFor(termId);
  if ([1, 2, 3, 4, 5].includes(grade)) out.grade = grade as CtcaeGrade;
  if (checkId) out.checkId = checkId.slice(0, 64);
  return Object.keys(out).length ? out : undefined;
}
