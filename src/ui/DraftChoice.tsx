import { useTranslation } from 'react-i18next';
import { formatDateTime } from './format';
import './ui.css';

export type DraftStatus = 'loading' | 'none' | 'offered' | 'restored';

/** What a form's draft hook (src/session/use-draft) tells this notice. */
export type DraftChoiceState = {
  status: DraftStatus;
  /** When the draft shown was saved; null when none is shown. */
  savedAt: string | null;
  /** Whose draft it is (drafts are per person: the person signed in). */
  ownerName?: string;
  keep(): void;
  discard(): Promise<void>;
};

/**
 * At the top of a form holding an unsaved draft: whose it is and from when, and the choice. An offered draft
 * (from before this session) waits, read-only, for "keep" or "discard"; a restored one (this session, e.g. after
 * a lock) can still be discarded. Nothing shows once the draft is saved or discarded.
 */
export function DraftChoice({
  draft,
  testId = 'draft-restored',
}: {
  draft: DraftChoiceState;
  testId?: string;
}) {
  const { t, i18n } = useTranslation();
  if ((draft.status !== 'offered' && draft.status !== 'restored') || !draft.savedAt) return null;
  const when = formatDateTime(draft.savedAt, i18n.language);
  const offered = draft.status === 'offered';
  const text = draft.ownerName
    ? t(offered ? 'ui.draft.offeredBy' : 'ui.draft.restoredBy', { name: draft.ownerName, when })
    : t(offered ? 'ui.draft.offered' : 'ui.draft.restored', { when });
  return (
    <div
      className={offered ? 'draft-choice draft-choice-offered' : 'draft-choice'}
      role={offered ? 'alert' : 'status'}
      data-testid={testId}
      data-draft-status={draft.status}
    >
      <p>{text}</p>
      {offered && <p className="muted">{t('ui.draft.offeredHint')}</p>}
      <div className="actions">
        {offered && (
          <button type="button" onClick={() => draft.keep()}>
            {t('ui.draft.keep')}
          </button>
        )}
        <button type="button" className="secondary" onClick={() => void draft.discard()}>
          {t('ui.draft.discard')}
        </button>
      </div>
    </div>
  );
}
