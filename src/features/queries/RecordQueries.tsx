import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { raiseQuery } from '@/db/data-queries';
import { getDb } from '@/db/database';
import type { StoredRecord } from '@/db/types';
import { recordFields, type QueryThread } from '@/domain/data-query';
import { mayQuery } from '@/schema/data-query';
import { useRole, useWriteContext } from '@/session/session-store';
import { Field } from '@/ui/Field';
import { fieldLabel, fieldValue } from '@/session/field-labels';
import { useQueryThreads } from './data';
import { QueryForm, QueryThreadView } from './QueryThread';
import './messages';
import './queries.css';

/**
 * A record's fields, each with the queries raised on it (a marker and their threads), and, for the data manager,
 * the way to raise one. The one place a query shows on the field it targets: every screen that shows a record's
 * fields for review uses it (the record page of the queries, the review screens).
 */
export function RecordQueries({ record, openQueryId }: { record: StoredRecord; openQueryId?: string }) {
  const { t } = useTranslation();
  const threads = useQueryThreads();
  const onRecord = threads?.filter((q) => q.target.recordId === record.id) ?? [];
  const fields = recordFields(record.data);
  return (
    <table className="query-fields" data-testid="record-fields">
      <caption>{t('queries.fields')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('queries.field')}</th>
          <th scope="col">{t('queries.value')}</th>
        </tr>
      </thead>
      <tbody>
        {fields.map(({ path, value }) => (
          <FieldRow
            key={path}
            record={record}
            path={path}
            value={value}
            threads={onRecord.filter((q) => q.target.field === path)}
            openQueryId={openQueryId}
          />
        ))}
      </tbody>
    </table>
  );
}

function FieldRow({
  record,
  path,
  value,
  threads,
  openQueryId,
}: {
  record: StoredRecord;
  path: string;
  value: unknown;
  threads: readonly QueryThread[];
  openQueryId?: string;
}) {
  const { t, i18n } = useTranslation();
  const role = useRole();
  // Open on the query the person came for (the threads load after the first render), then as they toggle it.
  const [toggled, setOpen] = useState<boolean | null>(null);
  const open = toggled ?? threads.some((q) => q.id === openQueryId);
  const [raising, setRaising] = useState(false);
  const label = path
    .split('.')
    .map((part) => (/^\d+$/.test(part) ? `#${Number(part) + 1}` : fieldLabel(t, i18n, record.kind, part)))
    .join(' › ');
  const waiting = threads.filter((q) => q.status !== 'closed').length;
  return (
    <>
      <tr data-testid="record-field" data-field={path} className={waiting > 0 ? 'queried' : undefined}>
        <th scope="row">{label}</th>
        <td>
          {fieldValue(t, i18n, record.kind, path, value)}{' '}
          {threads.length > 0 && (
            <button
              type="button"
              className={`query-marker ${waiting > 0 ? 'pill-warn' : 'pill-ok'}`}
              aria-expanded={open}
              onClick={() => setOpen(!open)}
              data-testid="query-marker"
            >
              {t('queries.marker', { count: threads.length })}
            </button>
          )}
          {mayQuery('raise', role) && !raising && (
            <button
              type="button"
              className="secondary"
              onClick={() => setRaising(true)}
              data-testid="query-raise-open"
            >
              {t('queries.raise')}
            </button>
          )}
        </td>
      </tr>
      {(open || raising) && (
        <tr className="query-row">
          <td colSpan={2}>
            {open && threads.map((thread) => <QueryThreadView key={thread.id} thread={thread} />)}
            {raising && (
              <RaiseForm
                record={record}
                field={path}
                onDone={() => {
                  setRaising(false);
                  setOpen(true);
                }}
              />
            )}
          </td>
        </tr>
      )}
    </>
  );
}

function RaiseForm({ record, field, onDone }: { record: StoredRecord; field: string; onDone: () => void }) {
  const { t } = useTranslation();
  const ctx = useWriteContext();
  const id = useId();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    if (!ctx) return;
    if (!text.trim()) return setError(t('queries.textRequired'));
    const result = await raiseQuery(getDb(), ctx, { recordId: record.id, field, text: text.trim() });
    if (result.ok) onDone();
    else setError(t(`queries.error.${result.code === 'forbidden' ? 'forbidden' : 'other'}`));
  };
  return (
    <QueryForm onSubmit={submit}>
      <Field id={`${id}-text`} label={t('queries.raiseText')}>
        <textarea
          id={`${id}-text`}
          value={text}
          onChange={(e) => setText(e.target.value)}
          data-testid="query-raise-text"
        />
      </Field>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      <button type="submit" data-testid="query-raise">
        {t('queries.raiseSubmit')}
      </button>
    </QueryForm>
  );
}
