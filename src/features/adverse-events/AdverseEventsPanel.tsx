import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AdverseEventView } from '@/db/adverse-events';
import { SyncBadge } from '@/ui/SyncBadge';
import { useAdverseEvents } from './queries';
import { SaeCountdown } from './SaeCountdown';
import { langOf, useTermInfo } from './terms';
import { formatDateTime } from './time';
import { useNow } from './use-now';

/** A participant's adverse events on their page: term, worst grade, onset, SAE countdown, link to the report. */
export function AdverseEventsPanel({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const events = useAdverseEvents(patientId);
  const now = useNow();
  return (
    <section className="panel" aria-labelledby="ae-panel-title" data-testid="ae-panel">
      <h2 id="ae-panel-title">{t('ae.title')}</h2>
      {events?.length === 0 && <p className="muted">{t('ae.none')}</p>}
      <ul className="ae-list">
        {events?.map((event) => (
          <AdverseEventRow key={event.record.id} event={event} patientId={patientId} now={now} />
        ))}
      </ul>
      <Link className="button" to={`/participants/${patientId}/adverse-events/new`} data-testid="ae-new">
        {t('ae.new')}
      </Link>
    </section>
  );
}

function AdverseEventRow({
  event,
  patientId,
  now,
}: {
  event: AdverseEventView;
  patientId: string;
  now: number;
}) {
  const { t, i18n } = useTranslation();
  const info = useTermInfo(event.data.term, langOf(i18n.language));
  return (
    <li className={`ae-row grade-${event.worstGrade}`} data-testid="ae-row">
      <Link to={`/participants/${patientId}/adverse-events/${event.record.id}`}>
        <strong>{info?.name}</strong> · {t('ae.worstGrade', { grade: event.worstGrade })} ·{' '}
        {formatDateTime(event.data.onsetAt, i18n.language)}
        {event.data.endedAt
          ? ` → ${formatDateTime(event.data.endedAt, i18n.language)}`
          : ` (${t('ae.ongoing')})`}
      </Link>{' '}
      <SyncBadge state={event.record.syncState} />
      {event.data.serious && <SaeCountdown event={event.data} now={now} compact label={info?.name} />}
    </li>
  );
}
