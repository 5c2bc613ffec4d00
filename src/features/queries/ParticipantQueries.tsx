import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RecordKind } from '@/schema/records';
import { fieldLabel } from '@/session/field-labels';
import { useQueryThreads } from './data';
import './messages';

/** On a participant's page: the queries not closed yet on this participant's records, each to its thread. */
export function ParticipantQueries({ patientId }: { patientId: string }) {
  const { t, i18n } = useTranslation();
  const threads = useQueryThreads()?.filter((q) => q.patientId === patientId && q.status !== 'closed');
  if (!threads?.length) return null;
  return (
    <section className="panel" data-testid="participant-queries">
      <h2>{t('queries.title')}</h2>
      <ul>
        {threads.map((q) => {
          const kind = q.target.kind as RecordKind;
          return (
            <li key={q.id}>
              <Link to={`/queries/records/${q.target.recordId}?query=${q.id}`}>
                {t('queries.onField', {
                  kind: t(`queries.kind.${kind}`, { defaultValue: kind }),
                  field: fieldLabel(t, i18n, kind, q.target.field),
                })}
              </Link>{' '}
              <span className="pill pill-warn">{t(`queries.status.${q.status}`)}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
