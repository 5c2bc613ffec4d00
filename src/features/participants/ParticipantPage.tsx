import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ParticipantDossier } from './ParticipantDossier';
import { useRecord } from './queries';
import { VitalSignsForm } from './VitalSignsForm';
import { VitalSignsTimeline } from './VitalSignsTimeline';
import { useRole } from '@/session/session-store';
import { SyncBadge } from '@/ui/SyncBadge';
import { AdverseEventsPanel } from '@/features/adverse-events';
import { MonitoringPanel } from '@/features/monitoring/MonitoringPanel';
import { StoreRefusal } from '@/features/screening/StoreRefusal';
import { ParticipantQueries } from '@/features/queries';
import '@/features/screening/messages';
import '@/features/visits/messages';

export default function ParticipantPage() {
  const { t } = useTranslation();
  const { participantId = '' } = useParams();
  const participant = useRecord(participantId);
  const role = useRole();
  if (participant === undefined) return <p aria-busy="true">{t('loading')}</p>;
  if (!participant || participant.kind !== 'participant')
    return <p role="alert">{t('participants.notFound')}</p>;
  const links = (
    <p className="actions">
      <Link to={`/participants/${participant.id}/screening`} data-testid="open-screening">
        {t('screening.open')}
      </Link>
      <Link to={`/participants/${participant.id}/visits`} data-testid="visits-link">
        {t('visits.calendar')}
      </Link>
      <Link to={`/participants/${participant.id}/endpoints`}>{t('visits.endpointsLink')}</Link>
      <Link
        className="button-link"
        to={`/participants/${participant.id}/infusion`}
        data-testid="open-infusion"
      >
        {t('bedside.openInfusion')}
      </Link>
    </p>
  );
  return (
    <section>
      <h1 data-testid="participant-title">
        {String(participant.data.trialNumber)} · {String(participant.data.initials)}{' '}
        <SyncBadge state={participant.syncState} />
      </h1>
      {/* A refusal by the central store (trial number taken, cohort full), in words, with what to do. */}
      <StoreRefusal participant={participant} />
      {/* What each role came for comes first: the nurse records vital signs (the dossier is read-only for
          her; the 10-day strip follows, so the entry and its Save button stay in view on a tablet held flat),
          the physician keeps the monitoring, the dossier and the visits. */}
      {role !== 'physician' ? (
        <>
          <VitalSignsForm patientId={participant.id} />
          <MonitoringPanel patientId={participant.id} />
          {links}
          <VitalSignsTimeline patientId={participant.id} />
          <AdverseEventsPanel patientId={participant.id} />
          <ParticipantDossier participant={participant} />
        </>
      ) : (
        <>
          <MonitoringPanel patientId={participant.id} />
          {links}
          <ParticipantDossier participant={participant} />
          <VitalSignsForm patientId={participant.id} />
          <VitalSignsTimeline patientId={participant.id} />
          <AdverseEventsPanel patientId={participant.id} />
        </>
      )}
      <ParticipantQueries patientId={participant.id} />
    </section>
  );
}
