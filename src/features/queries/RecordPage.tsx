import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { getDb } from '@/db/database';
import { formatDateTime } from '@/ui/format';
import { SyncBadge } from '@/ui/SyncBadge';
import { useParticipantNames } from './data';
import { RecordQueries } from './RecordQueries';
import './messages';

/** One record's fields with their queries (raise, answer, close, re-open), reached from the queries' lists. */
export default function RecordPage() {
  const { t, i18n } = useTranslation();
  const { recordId = '' } = useParams();
  const [search] = useSearchParams();
  const record = useLiveQuery(async () => (await getDb().records.get(recordId)) ?? null, [recordId]);
  const corrected = useLiveQuery(
    async () =>
      record
        ? (await getDb()
            .records.where('patientId')
            .equals(record.patientId ?? '')
            .filter((r) => r.supersedes === record.id)
            .count()) > 0
        : false,
    [record],
  );
  const names = useParticipantNames();
  if (record === undefined) return <p aria-busy="true">{t('loading')}</p>;
  if (record === null) return <p role="alert">{t('queries.notFound')}</p>;
  return (
    <section data-testid="query-record-page">
      <p>
        <Link to="/queries">{t('queries.backToList')}</Link>
      </p>
      <h1>
        {t(`queries.kind.${record.kind}`, { defaultValue: record.kind })}
        {record.patientId && ` · ${names?.get(record.patientId) ?? ''}`}{' '}
        <SyncBadge state={record.syncState} />
      </h1>
      <p>
        {formatDateTime(record.sortAt, i18n.language)} · rev {record.rev}
      </p>
      {corrected && <p className="pill pill-warn">{t('queries.superseded')}</p>}
      <RecordQueries record={record} openQueryId={search.get('query') ?? undefined} />
    </section>
  );
}
