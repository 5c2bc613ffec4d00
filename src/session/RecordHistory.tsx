import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { ChevetDb } from '@/db/database';
import type { StoredRecord } from '@/db/types';
import { formatDateTime } from '@/ui/format';
import { fieldLabel, fieldValue } from '@/session/field-labels';
import { authorLine, useNames } from './people-names';
import { recordHistory } from './record-history';
import { sessionDeps } from './session-store';
import { SignatureList } from './SignatureList';
import './store-review-messages';

/**
 * A record's whole history and its signatures, the one way to show them: each revision with who (by name and
 * role), which tablet, when (the tablet's time and the store's receipt), what changed from what to what in the
 * form's words, why, and where it stands with the store; then the signatures, an invalidated one marked.
 */
export function RecordHistory({ record, db }: { record: StoredRecord; db?: ChevetDb }) {
  const { t, i18n } = useTranslation();
  const database = db ?? sessionDeps().db();
  const revisions = useLiveQuery(
    () => database.revisions.where('recordId').equals(record.id).toArray(),
    [database, record.id],
  );
  const names = useNames(database);
  // Shown once the names are read too: never "an unknown person" for a moment before the author's name.
  if (!revisions || !names) return null;
  const show = (name: string, value: unknown) => fieldValue(t, i18n, record.kind, name, value);
  return (
    <div className="record-history" data-testid="record-history">
      <ol aria-label={t('storeReview.history.title')}>
        {recordHistory(revisions).map(({ revision, changes }) => (
          <li key={revision.mutationId} data-testid="history-entry" data-status={revision.status}>
            <span>
              {t('storeReview.history.entry', {
                rev: revision.rev,
                action: t(`storeReview.history.action.${revision.op}`),
                by: authorLine(t, names, revision, i18n.language),
              })}
            </span>{' '}
            <span className={revision.status === 'applied' ? 'pill' : 'pill pill-danger'}>
              {t(`storeReview.history.status.${revision.status}`)}
            </span>
            {revision.receivedAt && (
              <div className="muted">
                {t('storeReview.history.receivedAt', {
                  at: formatDateTime(revision.receivedAt, i18n.language),
                })}
              </div>
            )}
            {revision.reason && <div>{t('storeReview.history.reason', { reason: revision.reason })}</div>}
            {revision.status === 'rejected' && revision.rejectReason && (
              <div className="field-error">
                {t('storeReview.history.rejected', { reason: revision.rejectReason })}
              </div>
            )}
            {revision.op !== 'void' && (
              <ul className="history-changes" data-testid="history-changes">
                {changes.length === 0 && <li className="muted">{t('storeReview.history.noChange')}</li>}
                {changes.map((change) => (
                  <li key={change.name}>
                    {t(
                      revision.op === 'create' ? 'storeReview.history.created' : 'storeReview.history.change',
                      {
                        field: fieldLabel(t, i18n, record.kind, change.name),
                        before: show(change.name, change.before),
                        after: show(change.name, change.after),
                      },
                    )}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
      <SignatureList record={record} db={database} />
    </div>
  );
}
