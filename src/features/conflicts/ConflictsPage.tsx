import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { resolveConflict } from '@/db/commands';
import { getDb } from '@/db/database';
import type { StoredRecord } from '@/db/types';
import { useWriteContext } from '@/session/session-store';
import { fieldLabel, fieldValue } from '@/session/field-labels';
import { authorLine, useNames } from '@/session/people-names';
import { conflictView, mergeChoices } from './conflict-view';

export default function ConflictsPage() {
  const { t } = useTranslation();
  const records = useLiveQuery(() => getDb().records.where('inConflict').equals(1).toArray(), []);
  return (
    <section>
      <h1>{t('conflicts.title')}</h1>
      <p>{t('conflicts.explain')}</p>
      {records?.length === 0 && <p data-testid="no-conflicts">{t('conflicts.none')}</p>}
      {records?.map((record) => (
        <ConflictCard key={record.id} record={record} />
      ))}
    </section>
  );
}

function ConflictCard({ record }: { record: StoredRecord }) {
  const { t, i18n } = useTranslation();
  const ctx = useWriteContext();
  const revisions = useLiveQuery(
    () => getDb().revisions.where('recordId').equals(record.id).toArray(),
    [record.id],
  );
  const [choices, setChoices] = useState<Record<string, 'stored' | 'competing'>>({});
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  // Authors by name, role and tablet, from the store's people directory (issue 24).
  const names = useNames();
  const view = revisions && conflictView(revisions);
  if (!view || !names) return null;
  const by = (r: { userId: string; deviceId: string; at: string }) => authorLine(t, names, r, i18n.language);
  const show = (name: string, value: unknown) => fieldValue(t, i18n, record.kind, name, value);

  const resolve = async () => {
    if (!ctx) return;
    const result = await resolveConflict(getDb(), ctx, {
      recordId: record.id,
      data: mergeChoices(view, choices),
      reason,
    });
    if (!result.ok)
      setError(
        result.code === 'reason-required'
          ? t('form.reasonRequired')
          : result.code === 'forbidden'
            ? t('conflicts.onlyPhysician')
            : t('form.invalid'),
      );
  };

  return (
    <article className="panel" data-testid="conflict-card">
      <h2>
        {t(`conflicts.kind.${record.kind}`, { defaultValue: record.kind })}{' '}
        {record.kind === 'participant' && `· ${show('trialNumber', record.data.trialNumber)}`}
      </h2>
      <table className="conflict-table">
        <thead>
          <tr>
            <th>{t('conflicts.field')}</th>
            <th>
              {t('conflicts.theirs')} <small>{by(view.stored)}</small>
            </th>
            <th>
              {t('conflicts.mine')} <small>{by(view.competing)}</small>
            </th>
          </tr>
        </thead>
        <tbody>
          {view.fields.map((field) => (
            <tr key={field.name} className={field.differs ? 'differs' : undefined}>
              <th scope="row">{fieldLabel(t, i18n, record.kind, field.name)}</th>
              {(['stored', 'competing'] as const).map((side) => (
                <td key={side}>
                  {field.differs ? (
                    <label className="choice-inline">
                      <input
                        type="radio"
                        name={`${record.id}-${field.name}`}
                        checked={(choices[field.name] ?? 'stored') === side}
                        onChange={() => setChoices({ ...choices, [field.name]: side })}
                      />
                      {show(field.name, field[side])}
                    </label>
                  ) : (
                    show(field.name, field[side])
                  )}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {ctx?.role === 'physician' ? (
        <div className="actions">
          <label>
            {t('form.reasonForChange')}{' '}
            <input value={reason} onChange={(e) => setReason(e.target.value)} data-testid="conflict-reason" />
          </label>
          <button type="button" onClick={() => void resolve()}>
            {t('conflicts.resolve')}
          </button>
          {error && (
            <p role="alert" className="field-error">
              {error}
            </p>
          )}
        </div>
      ) : (
        <p className="muted">{t('conflicts.onlyPhysician')}</p>
      )}
    </article>
  );
}
