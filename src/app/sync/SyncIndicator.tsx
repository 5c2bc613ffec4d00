import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { getDb } from '@/db/database';
import { maySync } from '@/schema/sync-access';
import { useRole, useSession } from '@/session/session-store';
import { useSyncStatus } from '@/sync/status-store';
import { requestSync } from '@/sync/trigger';
import { Icon } from '@/ui/Icon';
import { useOnline } from '@/ui/use-online';
import { RelativeTime } from './RelativeTime';

/** What the tablet's sync stands at: live queries, so it follows every write. */
function useSyncView() {
  const online = useOnline();
  const status = useSyncStatus();
  const role = useRole();
  const syncUserId = useSession((s) => s.syncUser?.userId);
  const db = getDb();
  const counts = useLiveQuery(async () => {
    // Shared tablet: another person's entries go only with that person's own session (per-author push).
    const authors = new Set<string>();
    await db.outbox.each((entry) => {
      if (entry.userId !== syncUserId) authors.add(entry.userId);
    });
    const people = await db.people.bulkGet([...authors]);
    return {
      pending: await db.outbox.filter((entry) => !syncUserId || entry.userId === syncUserId).count(),
      waitingFor: syncUserId ? [...authors].map((id, i) => people[i]?.displayName ?? id) : [],
      // Set aside and not yet acknowledged by their author (an acknowledged one stays stored, but needs nobody).
      rejected: await db.revisions
        .where('status')
        .equals('rejected')
        .filter((r) => !r.acknowledgedAt)
        .count(),
      conflicts: await db.records.where('inConflict').equals(1).count(),
      // Kept with the cursor: after a reload (offline too) the last sync is still known.
      lastSuccessAt: (await db.meta.get('sync'))?.lastSuccessAt,
    };
  }, [db, syncUserId]);
  const lastSuccessAt = latest(status.lastSuccessAt, counts?.lastSuccessAt);
  // The administrator's account holds no clinical data: nothing to sync, and nothing failed.
  const state = !maySync(role)
    ? 'notApplicable'
    : !online
      ? 'offline'
      : status.syncing
        ? 'syncing'
        : status.lastError
          ? 'error'
          : counts?.pending
            ? 'pending'
            : 'ok';
  return { online, status, counts, lastSuccessAt, state };
}

/**
 * In the app bar, always visible: the sync state and when the last sync succeeded, what is still only on this
 * tablet, and "Sync now". Two short lines, so the bar stays one row on an upright tablet.
 */
export function SyncIndicator() {
  const { t } = useTranslation();
  const { online, status, counts, lastSuccessAt, state } = useSyncView();
  return (
    <section
      className={`sync-indicator sync-${state}`}
      aria-label={t('sync.title')}
      data-testid="sync-indicator"
    >
      <span className="sync-lines">
        <span className="sync-line">
          <span className="sync-state" data-testid="sync-state">
            {t(`sync.state.${state}`)}
          </span>
          {state !== 'notApplicable' && (
            <span className="sync-last" data-testid="sync-last">
              {' · '}
              {lastSuccessAt ? <RelativeTime iso={lastSuccessAt} /> : t('sync.never')}
            </span>
          )}
        </span>
        {state !== 'notApplicable' && (
          <span className="sync-line" data-testid="sync-pending">
            {t('sync.pending', { count: counts?.pending ?? 0 })}
          </span>
        )}
      </span>
      {state !== 'notApplicable' && (
        <button
          type="button"
          className="icon-button sync-now"
          aria-label={t('sync.now')}
          title={t('sync.now')}
          onClick={() => requestSync()}
          disabled={!online || status.syncing}
        >
          <Icon name="sync" size={22} />
        </button>
      )}
    </section>
  );
}

/** Under the app bar, only when something needs the person: conflicts, refusals, the last error. */
export function SyncNotices() {
  const { t } = useTranslation();
  const { online, status, counts, state } = useSyncView();
  if (state === 'notApplicable') return null;
  const error = status.lastError && online ? status.lastError : undefined;
  const waitingFor = counts?.waitingFor ?? [];
  if (!counts?.conflicts && !counts?.rejected && !error && !waitingFor.length) return null;
  return (
    <div className="banner banner-warn sync-notices" data-testid="sync-notices">
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
      {waitingFor.map((name) => (
        <span key={name} className="pill" data-testid="sync-waiting-for">
          {t('sync.waitingFor', { name })}
        </span>
      ))}
      {error && (
        <span className="sync-error" role="alert">
          {t(`sync.error.${error.kind}`)}
        </span>
      )}
    </div>
  );
}

const latest = (a?: string, b?: string) => (!a ? b : !b ? a : a > b ? a : b);
