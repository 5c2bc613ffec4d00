import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueryThread } from '@/domain/data-query';
import { QueryMarker, useOpenQueries } from '@/features/queries';
import { voidRecord } from '@/db/commands';
import { getDb } from '@/db/database';
import type { StoredRecord } from '@/db/types';
import { assessVitals } from '@/domain/safety/vitals';
import { mayVoid } from '@/schema/permissions';
import { VITAL_BOUNDS, VITAL_FIELDS } from '@/schema/vital-signs';
import { useWriteContext } from '@/session/session-store';
import { formatDateTime, formatNumber } from '@/ui/format';
import { SyncBadge } from '@/ui/SyncBadge';
import { commandMessage } from './command-message';
import { useVitalSigns } from './queries';

export function VitalSignsTimeline({ patientId }: { patientId: string }) {
  const { t, i18n } = useTranslation();
  const sets = useVitalSigns(patientId);
  const openQueries = useOpenQueries();
  if (!sets) return null;
  if (sets.length === 0) return <p>{t('vitals.none')}</p>;
  // Falls are measured from the pre-infusion baseline set (infusion-and-monitoring.md, "Vital signs").
  const baseline = sets.find((s) => s.data.baseline === true && !s.voided);
  // Short column heads (the unit under each) and a time without the year keep a set on one line of an upright
  // tablet; the table still scrolls on its own if it must, with the time column held in view.
  return (
    <div className="table-scroll" role="region" aria-label={t('vitals.history')} tabIndex={0}>
      <table className="timeline vitals-timeline" data-testid="vitals-timeline">
        <thead>
          <tr>
            <th className="sticky-col">{t('vitals.short.takenAt')}</th>
            {VITAL_FIELDS.map((field) => (
              <th key={field} className="num">
                <abbr title={t(`vitals.${field}`)}>{t(`vitals.short.${field}`)}</abbr>
                <small>{VITAL_BOUNDS[field].unit}</small>
              </th>
            ))}
            <th>
              <span className="visually-hidden">{t('vitals.short.status')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sets.map((set) => (
            <VitalRow
              key={set.id}
              set={set}
              baseline={baseline?.id === set.id ? undefined : baseline?.data}
              language={i18n.language}
              queries={openQueries?.get(set.id)}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function VitalRow({
  set,
  baseline,
  language,
  queries,
}: {
  set: StoredRecord;
  baseline?: Record<string, unknown>;
  language: string;
  queries?: QueryThread[];
}) {
  const { t } = useTranslation();
  const ctx = useWriteContext();
  const [voiding, setVoiding] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const d = set.data as Record<string, number | string | boolean>;
  const assessed = assessVitals(set.data, baseline);
  const alerts = assessed.status === 'complete' ? assessed.alerts : [];
  const confirmVoid = async () => {
    if (!ctx) return;
    const result = await voidRecord(getDb(), ctx, { recordId: set.id, reason });
    if (!result.ok) return setError(commandMessage(t, result));
    setVoiding(false);
  };
  const when = formatDateTime(String(d.takenAt), language, { year: false });
  const summary = VITAL_FIELDS.map(
    (field) =>
      `${t(`vitals.short.${field}`)} ${typeof d[field] === 'number' ? formatNumber(d[field], language) : '—'}`,
  ).join(', ');
  return (
    <>
      <tr className={set.voided ? 'voided' : alerts.length ? 'alert' : undefined} data-testid="vitals-row">
        <td className="sticky-col">
          <time dateTime={String(d.takenAt)} title={formatDateTime(String(d.takenAt), language)}>
            {when}
          </time>
          {d.takenAtByHand === true && (
            <span
              className="muted"
              title={t('ui.measuredAt.byHandMark')}
              aria-label={t('ui.measuredAt.byHandMark')}
            >
              {' '}
              ✎
            </span>
          )}
        </td>
        {VITAL_FIELDS.map((field) => (
          <td key={field} className="num">
            {typeof d[field] === 'number' ? formatNumber(d[field], language) : '—'}
            <QueryMarker threads={queries} field={field} />
          </td>
        ))}
        <td className="vitals-status">
          <div className="vitals-status-items">
            {alerts.length > 0 && !set.voided && (
              <span className="pill pill-danger" data-testid="vitals-alerts">
                {t('vitals.alerts', { list: alerts.map((a) => t(`vitals.alert.${a}`)).join(', ') })}
              </span>
            )}
            <SyncBadge state={set.syncState} />
            {set.voided ? (
              <span className="muted">{t('vitals.voided', { reason: set.voidReason })}</span>
            ) : (
              !voiding &&
              mayVoid(set, ctx) && (
                <button type="button" className="secondary" onClick={() => setVoiding(true)}>
                  {t('vitals.void')}
                </button>
              )
            )}
          </div>
        </td>
      </tr>
      {voiding && !set.voided && (
        <tr className="void-row" data-testid="void-row">
          <td colSpan={VITAL_FIELDS.length + 2}>
            <form
              className="void-form"
              onSubmit={(event) => {
                event.preventDefault();
                void confirmVoid();
              }}
            >
              <p className="void-target">{t('vitals.voidTarget', { when, summary })}</p>
              <div className="field">
                <label htmlFor={`void-${set.id}`}>{t('form.voidReason')}</label>
                <input
                  id={`void-${set.id}`}
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                  autoFocus
                />
              </div>
              <div className="actions">
                <button type="submit">{t('form.confirmVoid')}</button>
                <button type="button" className="secondary" onClick={() => setVoiding(false)}>
                  {t('form.cancel')}
                </button>
              </div>
              {error && (
                <p role="alert" className="field-error">
                  {error}
                </p>
              )}
            </form>
          </td>
        </tr>
      )}
    </>
  );
}
