import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { getDb } from '@/db/database';
import { awaits, type QueryThread } from '@/domain/data-query';
import { mayQuery } from '@/schema/data-query';
import type { RecordKind } from '@/schema/records';
import { useRole } from '@/session/session-store';
import { fieldLabel } from '@/session/field-labels';
import { formatDateTime } from '@/ui/format';
import { useParticipantNames, useQueryThreads } from './data';
import './messages';
import './queries.css';

/** Where a query's thread is read and answered: its record's fields, the thread open on the queried one. */
export const queryPath = (q: Pick<QueryThread, 'id' | 'target'>) =>
  `/queries/records/${q.target.recordId}?query=${q.id}`;

/**
 * The queries waiting on this person (issue 24 item 2): for a nurse or physician, the open ones to answer; for the
 * data manager, those not closed yet, and the way to raise a new one. From the app bar's menu; works offline.
 */
export default function QueriesPage() {
  const { t } = useTranslation();
  const role = useRole();
  const threads = useQueryThreads();
  const manager = mayQuery('raise', role);
  const waiting = threads
    ?.filter((q) => awaits(q, role))
    .sort((a, b) => a.updatedAt.localeCompare(b.updatedAt));
  const closed = threads?.filter((q) => q.status === 'closed');
  return (
    <section data-testid="queries-page">
      <h1>{t(manager ? 'queries.open' : 'queries.toAnswer')}</h1>
      <p>{t(manager ? 'queries.openIntro' : 'queries.toAnswerIntro')}</p>
      {waiting === undefined ? (
        <p aria-busy="true">{t('loading')}</p>
      ) : waiting.length === 0 ? (
        <p data-testid="no-queries">{t('queries.none')}</p>
      ) : (
        <QueryList threads={waiting} testId="queries-waiting" />
      )}
      {manager && <RaisePicker />}
      {manager && closed && closed.length > 0 && (
        <details>
          <summary>
            {t('queries.closedList')} ({closed.length})
          </summary>
          <QueryList threads={closed} testId="queries-closed" />
        </details>
      )}
    </section>
  );
}

function QueryList({ threads, testId }: { threads: readonly QueryThread[]; testId: string }) {
  const { t, i18n } = useTranslation();
  const names = useParticipantNames();
  return (
    <ul className="query-list" data-testid={testId}>
      {threads.map((q) => {
        const kind = q.target.kind as RecordKind;
        const last = q.messages.at(-1)!;
        return (
          <li key={q.id} className="panel" data-testid="query-item">
            <Link to={queryPath(q)}>
              <strong>{q.patientId ? (names?.get(q.patientId) ?? '…') : t('queries.trialLevel')}</strong>
              {' · '}
              {t('queries.onField', {
                kind: t(`queries.kind.${kind}`, { defaultValue: kind }),
                field: fieldLabel(t, i18n, kind, q.target.field),
              })}{' '}
              <span className={`pill ${q.status === 'closed' ? 'pill-ok' : 'pill-warn'}`}>
                {t(`queries.status.${q.status}`)}
              </span>
              <br />
              <small>
                {'text' in last.data && last.data.text ? `« ${last.data.text} » · ` : ''}
                {formatDateTime(last.at, i18n.language)}
              </small>
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

/** The data manager chooses a participant, then one of its records, whose fields can then be queried. */
function RaisePicker() {
  const { t, i18n } = useTranslation();
  const names = useParticipantNames();
  const [patientId, setPatientId] = useState('');
  const records = useLiveQuery(
    () =>
      patientId
        ? getDb()
            .records.where('patientId')
            .equals(patientId)
            .filter((r) => r.kind !== 'dataQuery' && r.kind !== 'signature')
            .toArray()
        : [],
    [patientId],
  );
  return (
    <section className="panel" aria-labelledby="raise-title">
      <h2 id="raise-title">{t('queries.raiseTitle')}</h2>
      <p>{t('queries.raiseIntro')}</p>
      <div className="field">
        <label htmlFor="query-participant">{t('queries.participant')}</label>
        <select
          id="query-participant"
          value={patientId}
          onChange={(e) => setPatientId(e.target.value)}
          data-testid="query-participant"
        >
          <option value="">{t('queries.chooseParticipant')}</option>
          {[...(names ?? new Map<string, string>())]
            .sort((a, b) => a[1].localeCompare(b[1]))
            .map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
        </select>
      </div>
      {patientId && records && (
        <>
          <h3>{t('queries.records')}</h3>
          {records.length === 0 && <p>{t('queries.noRecords')}</p>}
          <ul className="query-list" data-testid="query-records">
            {[...records]
              .sort((a, b) => b.sortAt.localeCompare(a.sortAt))
              .map((r) => (
                <li key={r.id}>
                  <Link to={`/queries/records/${r.id}`} data-testid="query-record" data-kind={r.kind}>
                    {t('queries.record', {
                      kind: t(`queries.kind.${r.kind}`, { defaultValue: r.kind }),
                      at: formatDateTime(r.sortAt, i18n.language),
                    })}
                  </Link>
                </li>
              ))}
          </ul>
        </>
      )}
    </section>
  );
}
