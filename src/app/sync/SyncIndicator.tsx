import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { getDb } from '@/db/database';
import { useSyncStatus } from '@/sync/status-store';
import { requestSync } from '@/sync/trigger';
import { useOnline } from '@/ui/use-online';
import { RelativeTime } from './RelativeTime';

/**
 * Always visible: what is still only on this tablet, when the last sync succeeded, whether the store is
 * reachable, and the last error in plain words. Counts are live queries, so they follow every write.
 */
export function SyncIndicator() {
  const { t } = useTranslation();
  const online = useOnline();
  const status = useSyncStatus();
  const db = getDb();
  const counts = useLiveQuery(
    async () => ({
      pending: await db.outbox.count(),
      // Set aside and not yet acknowledged by their author (an acknowledged one stays stored, but needs nobody).
      rejected: await db.revisions
        .where('status')
        .equals('rejected')
        .filter((r) => !r.acknowledgedAt)
        .count(),
      conflicts: await db.records.where('inConflict').equals(1).count(),
    }),
    [db],
  );
  const state = !online
    ? 'offline'
    : status.syncing
      ? 'syncing'
      : status.lastError
        ? 'error'
        : counts?.pending
          ? 'pending'
          : 'ok';
  return (
    <section
      className={`sync-indicator sync-${state}`}
      aria-label={t('sync.title')}
      data-testid="sync-indicator"
    >
      <span className="sync-state" data-testid="sync-state">
        {t(`sync.state.${state}`)}
      </span>
      <span data-testid="sync-pending">{t('sync.pending', { count: counts?.pending ?? 0 })}</span>
      {!!counts?.conflicts && (
        <Link to="/conflicts" className="pill pill-warn" data-testid="sync-conflicts">
          {t('sync.conflicts', { count: counts.conflicts })}
        </Link>
      )}
      {!!counts?.rejected && (
        <span className="pill pill-danger" data-testid="sync-rejected">
          {t('sync.rejected', { count: counts.rejected })}
        </span>
      )}
      <span className="sync-last">
        {status.lastSuccessAt ? (
          <>
            {t('sync.lastSuccess')} <RelativeTime iso={status.lastSuccessAt} />
          </>
        ) : (
          t('sync.never')
        )}
      </span>
      {status.lastError && online && (
        <span className="sync-error" role="alert">
          {t(`sync.error.${status.lastError.kind}`)}
        </span>
      )}
      <button
        type="button"
        className="secondary"
        onClick={() => requestSync()}
        disabled={!online || status.syncing}
      >
        {t('sync.now')}
      </button>
    </section>
  );
}
