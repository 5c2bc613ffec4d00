import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useAdverseEvents, useNow } from '@/features/adverse-events';
import { ChecklistForm } from './ChecklistForm';
import { MonitoringStrip } from './MonitoringStrip';
import { labBaselinesFromEligibility } from '@/domain/monitoring/lab-baselines';
import { formatNumber } from '@/ui/format';
import { labDefaults, previousLabValues, useMonitoringFacts, useParticipantMonitoring } from './queries';
import { TolerancePanel } from './TolerancePanel';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '@/db/database';
import { formatDateTime } from './time';
import './monitoring.css';

/**
 * /participants/:participantId/monitoring[?check=day-3] — the 10-day strip, the checklist of the chosen (or
 * current) day check, and the tolerance summary with the DLT determination.
 */
export default function MonitoringPage() {
  const { t, i18n } = useTranslation();
  const { participantId = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const now = useNow();
  const participant = useLiveQuery(() => getDb().records.get(participantId), [participantId]);
  const monitoring = useParticipantMonitoring(participantId, now);
  const facts = useMonitoringFacts(participantId);
  const events = useAdverseEvents(participantId);
  if (participant === undefined || monitoring === undefined || events === undefined)
    return <p aria-busy="true">{t('loading')}</p>;
  if (!participant) return <p role="alert">{t('participants.notFound')}</p>;
  const title = `${String(participant.data.trialNumber)} · ${String(participant.data.initials)}`;
  const wanted = search.get('check') ?? monitoring?.current?.item.id;
  const chosen = monitoring?.strip.find((s) => s.item.id === wanted && s.item.id.startsWith('day-'));
  const baselines = labBaselinesFromEligibility(facts?.screening?.facts);
  const format = (n: number) =>
    formatNumber(n, i18n.language, { maximumFractionDigits: 2, useGrouping: false });
  return (
    <section className="monitoring-page">
      <p>
        <Link to={`/participants/${participantId}`}>← {t('ae.backToParticipant')}</Link>
      </p>
      <h1 data-testid="monitoring-title">
        {title} — {t('monitoring.title')}
      </h1>
      {monitoring === null ? (
        <p className="muted">{t('monitoring.noInfusion')}</p>
      ) : (
        <>
          <MonitoringStrip patientId={participantId} monitoring={monitoring} current={chosen?.item.id} />
          {chosen && (
            <section aria-labelledby="check-title" className="check-section">
              <h2 id="check-title" data-testid="check-title">
                {t(chosen.item.label, chosen.item.labelParams ?? {})}{' '}
                <span className={`pill state-${chosen.state}`}>{t(`monitoring.state.${chosen.state}`)}</span>
              </h2>
              {chosen.state === 'done' ? (
                <p className="pill pill-ok" data-testid="check-done">
                  {t('monitoring.doneAt', { time: formatDateTime(chosen.doneAt!, i18n.language) })}
                </p>
              ) : (
                <ChecklistForm
                  key={chosen.item.id}
                  patientId={participantId}
                  item={chosen.item}
                  events={events}
                  previousLabs={labDefaults(baselines, previousLabValues(facts?.records ?? []), format)}
                  labScreening={
                    facts?.screening ? { date: facts.screening.screeningDate, values: baselines } : undefined
                  }
                  onSaved={() => setSearch({}, { replace: true })}
                />
              )}
            </section>
          )}
        </>
      )}
      <TolerancePanel patientId={participantId} />
    </section>
  );
}
