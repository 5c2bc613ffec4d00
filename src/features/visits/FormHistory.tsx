import { useTranslation } from 'react-i18next';
import { usePeopleNames, useRevisions } from './queries';

/** Every revision of a form, oldest first, with who, when, why and where it stands with the store. */
export function FormHistory({ recordId }: { recordId: string }) {
  const { t, i18n } = useTranslation();
  const revisions = useRevisions(recordId);
  const names = usePeopleNames();
  if (!revisions?.length) return null;
  return (
    <ol className="form-history" data-testid="revision-list">
      {revisions.map((revision) => {
        const via = revision.data.respondent === 'participant' ? String(revision.data.via ?? '') : '';
        const who = names?.get(revision.userId) ?? revision.userId.slice(0, 8);
        return (
          <li key={revision.mutationId} data-testid="revision-entry" data-status={revision.status}>
            {t('visits.historyEntry', {
              rev: revision.rev,
              action: t(`visits.historyAction.${revision.op}`),
              who: via ? t('visits.respondentParticipant', { via: who }) : who,
              at: new Date(revision.at).toLocaleString(i18n.language),
            })}{' '}
            <span
              className={
                revision.status === 'conflict' || revision.status === 'rejected' ? 'pill pill-danger' : 'pill'
              }
            >
              {t(`visits.historyStatus.${revision.status}`)}
            </span>
            {revision.reason && (
              <div className="muted">{t('visits.historyReason', { reason: revision.reason })}</div>
            )}
          </li>
        );
      })}
    </ol>
  );
}
