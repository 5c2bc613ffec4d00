import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { Link } from 'react-router';
import { getDb, type ChevetDb } from '@/db/database';
import { acknowledgeSetAside, listSetAside, maySendAgain, sendSetAsideAgain } from '@/db/set-aside';
import type { StoredRevision } from '@/db/types';
import { useWriteContext } from '@/session/session-store';

/**
 * The signed-in person's entries the central store refused (or failed on, again and again), on every screen
 * until they decide: each with the value entered, the reason in their language and what they can do — correct
 * and enter it again, send it again (when the store failed on it), or acknowledge it, which keeps it stored.
 */
export function SetAsideNotice({ db = getDb() }: { db?: ChevetDb }) {
  const { t } = useTranslation();
  const ctx = useWriteContext();
  const entries = useLiveQuery(
    () => (ctx ? listSetAside(db, ctx.userId) : Promise.resolve([])),
    [db, ctx?.userId],
  );
  if (!ctx || !entries?.length) return null;
  return (
    <div role="alert" className="banner banner-danger set-aside" data-testid="set-aside">
      <details>
        <summary>
          <strong>{t('setAside.title', { count: entries.length })}</strong> {t('setAside.explain')}{' '}
          <span className="link">{t('setAside.show')}</span>
        </summary>
        <ul aria-label={t('setAside.list')}>
          {entries.map((revision) => (
            <SetAsideEntry key={revision.mutationId} revision={revision} db={db} />
          ))}
        </ul>
      </details>
    </div>
  );
}

function SetAsideEntry({ revision, db }: { revision: StoredRevision; db: ChevetDb }) {
  const { t, i18n } = useTranslation();
  const ctx = useWriteContext();
  const [failed, setFailed] = useState(false);
  const participant = useLiveQuery(
    async () => (revision.patientId ? ((await db.records.get(revision.patientId)) ?? null) : null),
    [db, revision.patientId],
  );
  const code = revision.rejectCode;
  const known = !!code && i18n.exists(`setAside.reason.${code}`);
  const act = async (action: typeof acknowledgeSetAside) => {
    if (!ctx) return;
    const outcome = await action(db, ctx, revision.mutationId).catch(() => ({ ok: false }));
    setFailed(!outcome.ok);
  };
  // Undefined while it loads; null for an entry without a participant (or one not on this tablet).
  const who = participant
    ? `${String(participant.data.trialNumber)} · ${String(participant.data.initials)}`
    : participant === null
      ? t('setAside.noParticipant')
      : '…';
  return (
    <li data-testid="set-aside-entry" data-code={code ?? ''}>
      <p>
        <strong>
          {t('setAside.entry', {
            kind: t(`conflicts.kind.${revision.kind}`, { defaultValue: revision.kind }),
            participant: who,
            at: new Date(revision.at).toLocaleString(i18n.language),
          })}
        </strong>{' '}
        ({t(`setAside.op.${revision.op}`)})
      </p>
      <p data-testid="set-aside-value">
        {t('setAside.value')} {describeValue(t, revision, i18n.language)}
      </p>
      <p data-testid="set-aside-reason">
        {t('setAside.reasonLabel')} {t(known ? `setAside.reason.${code}` : 'setAside.reason.unknown')}
        {!known && revision.rejectReason && (
          <> {t('setAside.serverSaid', { message: visible(revision.rejectReason) })}</>
        )}
      </p>
      <p>
        {t('setAside.whatToDo')}{' '}
        {t(
          code && i18n.exists(`setAside.action.${code}`)
            ? `setAside.action.${code}`
            : 'setAside.action.default',
        )}
      </p>
      <p className="actions">
        {revision.patientId && (
          <Link to={`/participants/${revision.patientId}`} className="button">
            {t('setAside.correct')}
          </Link>
        )}
        {maySendAgain(revision) && (
          <button type="button" className="secondary" onClick={() => void act(sendSetAsideAgain)}>
            {t('setAside.sendAgain')}
          </button>
        )}
        <button type="button" className="secondary" onClick={() => void act(acknowledgeSetAside)}>
          {t('setAside.acknowledge')}
        </button>
      </p>
      {failed && (
        <p role="alert" className="field-error">
          {t('setAside.failed')}
        </p>
      )}
    </li>
  );
}

/** The entered fields in the screen's words; characters the store refuses are shown, never hidden. */
function describeValue(t: TFunction, revision: StoredRevision, language: string): string {
  const labelKey =
    revision.kind === 'vitalSigns' ? 'vitals' : revision.kind === 'participant' ? 'participants' : '';
  return Object.entries(revision.data)
    .map(([field, value]) => {
      const label = labelKey ? t(`${labelKey}.${field}`, { defaultValue: field }) : field;
      return `${label} ${formatValue(value, language)}`;
    })
    .join(' ; ');
}

function formatValue(value: unknown, language: string): string {
  if (typeof value === 'string') {
    const time = /^\d{4}-\d{2}-\d{2}T/.test(value) ? Date.parse(value) : NaN;
    return Number.isNaN(time) ? `« ${visible(value)} »` : new Date(time).toLocaleString(language);
  }
  if (typeof value === 'number') return value.toLocaleString(language);
  return visible(JSON.stringify(value));
}

/** NUL as ␀ and a lone surrogate as �: the person sees where the refused character was. */
function visible(text: string): string {
  return text
    .replaceAll('\u0000', '␀')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}
