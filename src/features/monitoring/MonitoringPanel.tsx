import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useNow } from '@/features/adverse-events';
import { MonitoringStrip } from './MonitoringStrip';
import { useParticipantMonitoring } from './queries';
import './monitoring.css';

/** On the participant's page: the 10-day strip and the way to the checks and the tolerance summary. */
export function MonitoringPanel({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const now = useNow();
  const monitoring = useParticipantMonitoring(patientId, now);
  if (monitoring === undefined) return null;
  return (
    <section className="panel" aria-labelledby="monitoring-panel-title" data-testid="monitoring-panel">
      <h2 id="monitoring-panel-title">{t('monitoring.title')}</h2>
      {monitoring === null ? (
        <p className="muted">{t('monitoring.noInfusion')}</p>
      ) : (
        <>
          <MonitoringStrip
            patientId={patientId}
            monitoring={monitoring}
            current={monitoring.current?.item.id}
          />
          <Link className="button" to={`/participants/${patientId}/monitoring`} data-testid="monitoring-open">
            {t('monitoring.open')}
          </Link>
        </>
      )}
    </section>
  );
}
