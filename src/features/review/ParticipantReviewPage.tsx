import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { getDb } from '@/db/database';
import { RecordHistory } from '@/session/RecordHistory';
import { useRole } from '@/session/session-store';
import '@/session/store-review-messages';
import { TRIAL_KINDS } from './trial-kinds';

/**
 * One participant as the store holds it (issue 24 item 1): every record about them, each with its whole history
 * and signatures. Signatures show under the record they sign, not as records of their own. Without a participant
 * (`/review/trial`), the same for the records about the trial as a whole.
 */
export default function ParticipantReviewPage() {
  const { t } = useTranslation();
  const role = useRole();
  const { patientId } = useParams();
  const records = useLiveQuery(
    () =>
      (patientId === undefined
        ? getDb().records.where('kind').anyOf(TRIAL_KINDS)
        : getDb().records.where('patientId').equals(patientId)
      )
        .toArray()
        .then((list) =>
          list
            .filter((r) => r.kind !== 'signature')
            // The participant's own record first, then by clinical time.
            .sort(
              (a, b) =>
                Number(b.kind === 'participant') - Number(a.kind === 'participant') ||
                a.sortAt.localeCompare(b.sortAt),
            ),
        ),
    [patientId],
  );
  if (role !== 'data-manager' && role !== 'physician')
    return <p role="alert">{t('storeReview.onlyReviewers')}</p>;
  if (!records) return null;
  const participant = records.find((r) => r.kind === 'participant');
  return (
    <section data-testid="participant-review">
      <p>
        <Link to="/review">{t('storeReview.back')}</Link>
      </p>
      {patientId === undefined ? (
        <h1>{t('storeReview.trial.title')}</h1>
      ) : !participant ? (
        <p role="alert">{t('storeReview.notFound')}</p>
      ) : (
        <h1>
          {String(participant.data.trialNumber)} · {String(participant.data.initials)}
        </h1>
      )}
      {records.map((record) => (
        <article key={record.id} className="panel" data-testid="review-record" data-kind={record.kind}>
          <h2>
            {t(`conflicts.kind.${record.kind}`, { defaultValue: record.kind })}{' '}
            {record.voided === 1 && (
              <span className="pill pill-danger">{t('storeReview.record.voided')}</span>
            )}{' '}
            {record.inConflict === 1 && (
              <span className="pill pill-danger">{t('storeReview.record.inConflict')}</span>
            )}
          </h2>
          <RecordHistory record={record} />
          <Link to={`/queries/records/${record.id}`}>{t('storeReview.record.queries')}</Link>
        </article>
      ))}
    </section>
  );
}
