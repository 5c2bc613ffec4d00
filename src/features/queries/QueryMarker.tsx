import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { QueryThread } from '@/domain/data-query';
import type { RecordKind } from '@/schema/records';
import { fieldLabel } from '@/session/field-labels';
import { useQueryThreads } from './data';
import './messages';

// A data query shows on the field it is about, wherever that record is shown (issue 24 item 2): the screens that
// list records read the open queries once (useOpenQueries) and put a marker on the queried value or record.

/** The queries not closed yet, by the record they target: read once per list, not once per cell. */
export function useOpenQueries(): Map<string, QueryThread[]> | undefined {
  const threads = useQueryThreads();
  if (!threads) return undefined;
  const byRecord = new Map<string, QueryThread[]>();
  for (const q of threads) {
    if (q.status === 'closed') continue;
    byRecord.set(q.target.recordId, [...(byRecord.get(q.target.recordId) ?? []), q]);
  }
  return byRecord;
}

/**
 * A marker for each open query on this record (on one field when `field` is given: its path or its last part),
 * each a link to its thread, saying which field and whether it waits for an answer or for the data manager.
 */
export function QueryMarker({ threads, field }: { threads: QueryThread[] | undefined; field?: string }) {
  const { t, i18n } = useTranslation();
  const shown = (threads ?? []).filter(
    (q) => field === undefined || q.target.field === field || q.target.field.split('.').at(-1) === field,
  );
  if (!shown.length) return null;
  return (
    <>
      {shown.map((q) => {
        const kind = q.target.kind as RecordKind;
        const fieldName = fieldLabel(t, i18n, kind, q.target.field);
        const label = t('queries.markerOn', { field: fieldName, status: t(`queries.status.${q.status}`) });
        return (
          <Link
            key={q.id}
            className="pill pill-warn query-marker"
            data-testid="field-query-marker"
            data-status={q.status}
            to={`/queries/records/${q.target.recordId}?query=${q.id}`}
            title={label}
            aria-label={label}
          >
            {/* On a value, a sign; on a whole record, which field too. */}
            {field === undefined ? `? ${fieldName}` : '?'}
          </Link>
        );
      })}
    </>
  );
}
