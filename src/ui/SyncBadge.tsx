import { useTranslation } from 'react-i18next';

export type SyncBadgeState = 'pending' | 'synced' | 'conflict' | 'rejected';

/** Per-record sync state where it matters: anything not yet on the central store shows. */
export function SyncBadge({ state, hideSynced = true }: { state: SyncBadgeState; hideSynced?: boolean }) {
  // Most records are synced: their rows (timelines, lists) then render nothing, not even the translation hook.
  if (state === 'synced' && hideSynced) return null;
  return <Badge state={state} />;
}

function Badge({ state }: { state: SyncBadgeState }) {
  const { t } = useTranslation();
  const tone = state === 'synced' ? 'ok' : state === 'pending' ? 'warn' : 'danger';
  return (
    <span className={`pill pill-${tone}`} data-testid={`badge-${state}`}>
      {t(`sync.badge.${state}`)}
    </span>
  );
}
