import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Participant } from '@/schema/participant';
import { SyncBadge } from '@/ui/SyncBadge';
import { DoseCard } from './DoseCard';
import { EligibilityForm } from './EligibilityForm';
import { useEligibility, useParticipantRecord } from './queries';
import { StoreRefusal } from './StoreRefusal';
import { VerdictPanel } from './VerdictPanel';
import { WithdrawalPanel } from './WithdrawalPanel';
import './screening.css';
import './messages';

/** Today on this tablet's calendar, 'YYYY-MM-DD'. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The physician's first workflow for one participant: eligibility, verdict and signature, inclusion, dose. */
export default function ScreeningPage() {
  const { t } = useTranslation();
  const { participantId = '' } = useParams();
  const participant = useParticipantRecord(participantId);
  const eligibility = useEligibility(participantId);
  if (participant === undefined || eligibility === undefined) return <p aria-busy="true">{t('loading')}</p>;
  if (!participant || participant.kind !== 'participant')
    return <p role="alert">{t('participants.notFound')}</p>;
  const p = participant.data as Participant;
  const today = localToday();
  return (
    <section className="screening">
      <p>
        <Link to={`/participants/${participant.id}`}>← {t('screening.back')}</Link>
      </p>
      <h1 data-testid="screening-title">
        {p.trialNumber} · {p.initials} <SyncBadge state={participant.syncState} />
      </h1>
      <p className="muted">
        {t('screening.title')} —{' '}
        {p.status ? t(`participants.statuses.${p.status}`) : t('participants.statuses.screening')}
      </p>
      <StoreRefusal participant={participant} />
      <DoseCard participant={participant} eligibility={eligibility ?? undefined} />
      <WithdrawalPanel participant={participant} today={today} />
      {eligibility && <VerdictPanel participant={participant} eligibility={eligibility} today={today} />}
      <EligibilityForm
        key={participant.id}
        participantId={participant.id}
        record={eligibility ?? undefined}
        today={today}
      />
    </section>
  );
}
