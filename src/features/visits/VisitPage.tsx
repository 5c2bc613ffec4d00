import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { commandMessage } from '@/db/command-message';
import { recordObservation, voidRecord } from '@/db/commands';
import { getDb } from '@/db/database';
import type { AssessmentForm } from '@/schema/assessments';
import { visitIdSchema } from '@/schema/schedule';
import { useWriteContext } from '@/session/session-store';
import { FormNotice, type Notice } from '@/ui/FormNotice';
import { useParticipant, useVisitRecords } from './queries';
import { useNow } from './use-now';
import { VisitStateBadge } from './VisitStateBadge';
import { visitCalendar, type FormStatus } from './visit-model';
import './visits.css';
import './messages';

/** Forms every visit may hold beside its contents: the biology (where sampled) and the treatment-failure facts. */
const EXTRA_FORMS: readonly AssessmentForm[] = ['treatmentFailure'];

function FormStateBadge({ status }: { status: FormStatus | undefined }) {
  const { t } = useTranslation();
  if (!status) return <span className="pill">{t('visits.formState.none')}</span>;
  if (status.finalised) return <span className="pill pill-ok">{t('visits.formState.finalised')}</span>;
  if (status.signatureInvalidated)
    return <span className="pill pill-danger">{t('visits.formState.invalidated')}</span>;
  return <span className="pill pill-warn">{t('visits.formState.saved')}</span>;
}

/** /participants/:participantId/visits/:visit — what the visit holds and where each form stands. */
export default function VisitPage() {
  const { t, i18n } = useTranslation();
  const { participantId = '', visit } = useParams();
  const participant = useParticipant(participantId);
  const records = useVisitRecords(participantId);
  const ctx = useWriteContext();
  const now = useNow();
  const [declaring, setDeclaring] = useState(false);
  const [reason, setReason] = useState('');
  const [notice, setNotice] = useState<Notice | null>(null);
  const visitId = visitIdSchema.safeParse(visit);
  if (!visitId.success) return <p role="alert">{t('notFound.title')}</p>;
  if (participant === undefined || records === undefined) return <p aria-busy="true">{t('loading')}</p>;
  if (!participant) return <p role="alert">{t('participants.notFound')}</p>;
  const entry = visitCalendar(participant.data.infusionDate as string | undefined, records, now).find(
    (e) => e.visit === visitId.data,
  );
  if (!entry) return <p role="alert">{t('visits.noInfusionDate')}</p>;
  const samples = entry.item.contents?.samples ?? [];
  const forms: AssessmentForm[] = [
    ...entry.required,
    ...(samples.includes('biology') ? (['biology'] as const) : []),
    ...EXTRA_FORMS,
  ];
  const declaration = records.missed.find((r) => r.data.visit === entry.visit);
  const base = `/participants/${participantId}/visits/${entry.visit}`;

  const declare = async () => {
    if (!ctx) return;
    const result = await recordObservation(getDb(), ctx, {
      kind: 'visitMissed',
      patientId: participantId,
      data: { visit: entry.visit, reason: reason.trim(), declaredAt: ctx.now().toISOString() },
    });
    if (!result.ok) return setNotice({ tone: 'error', text: commandMessage(t, result) });
    setDeclaring(false);
    setReason('');
    setNotice(null);
  };
  const withdraw = async () => {
    if (!ctx || !declaration) return;
    const result = await voidRecord(getDb(), ctx, {
      recordId: declaration.id,
      reason: t('visits.undoMissedReason'),
    });
    if (!result.ok) setNotice({ tone: 'error', text: commandMessage(t, result) });
  };
  const date = (iso: string | undefined) =>
    iso ? new Date(`${iso}T12:00:00`).toLocaleDateString(i18n.language, { dateStyle: 'medium' }) : '—';

  return (
    <section data-testid="visit-page">
      <p>
        <Link to={`/participants/${participantId}/visits`}>{t('visits.backToCalendar')}</Link>
      </p>
      <h1>
        {t(`visits.visit.${entry.visit}`)} — {String(participant.data.trialNumber)} ·{' '}
        {String(participant.data.initials)} <VisitStateBadge state={entry.state} />
      </h1>
      <p className="muted">
        {t('visits.window', {
          from: date(entry.item.windowStartDate),
          to: date(entry.item.windowEndDate),
          target: date(entry.item.targetDate),
          day: entry.item.day,
        })}
      </p>
      {entry.missedReason && <p>{t('visits.missedBecause', { reason: entry.missedReason })}</p>}
      <h2>{t('visits.contents')}</h2>
      <ul className="cards" data-testid="visit-forms">
        {forms.map((form) => (
          <li key={form} className="card" data-testid={`form-${form}`}>
            <Link to={`${base}/${form}`} className="card-link">
              {t(`visits.form.${form}`)}
            </Link>
            <FormStateBadge status={entry.forms[form]} />
          </li>
        ))}
        {samples
          .filter((sample) => sample !== 'biology')
          .map((sample) => (
            <li key={sample} className="card muted">
              {t(`visits.samples.${sample}`)}
            </li>
          ))}
      </ul>
      {ctx?.role === 'physician' && entry.state !== 'done' && (
        <div className="panel">
          {declaration ? (
            <button type="button" className="secondary" onClick={() => void withdraw()}>
              {t('visits.undoMissed')}
            </button>
          ) : declaring ? (
            <div className="actions">
              <label>
                {t('visits.missedReason')}{' '}
                <input value={reason} onChange={(event) => setReason(event.target.value)} />
              </label>
              <button type="button" onClick={() => void declare()}>
                {t('visits.confirmMissed')}
              </button>
              <button type="button" className="secondary" onClick={() => setDeclaring(false)}>
                {t('form.cancel')}
              </button>
            </div>
          ) : (
            <button type="button" className="secondary" onClick={() => setDeclaring(true)}>
              {t('visits.declareMissed')}
            </button>
          )}
          <FormNotice notice={notice} />
        </div>
      )}
    </section>
  );
}
