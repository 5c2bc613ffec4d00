import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { voidRecord } from '@/db/commands';
import { getDb } from '@/db/database';
import type { StoredRecord } from '@/db/types';
import { assessVitals } from '@/domain/safety/vitals';
import { VITAL_FIELDS } from '@/schema/vital-signs';
import { useWriteContext } from '@/session/session-store';
import { formatDateTime, formatNumber } from '@/ui/format';
import { SyncBadge } from '@/ui/SyncBadge';
import { commandMessage } from './command-message';
import { useVitalSigns } from './queries';

export function VitalSignsTimeline({ patientId }: { patientId: string }) {
  const { t, i18n } = useTranslation();
  const sets = useVitalSigns(patientId);
  if (!sets) return null;
  if (sets.length === 0) return <p>{t('vitals.none')}</p>;
  // Falls are measured from the pre-infusion baseline set (infusion-and-monitoring.md, "Vital signs").
  const baseline = sets.find((s) => s.data.baseline === true && !s.voided);
  // Scrolls sideways on its own: a table wider than a portrait tablet would otherwise widen the whole page,
  // and the tablet zooms out (every control smaller, and taps land beside their target).
  return (
    <div className="table-scroll" role="region" aria-label={t('vitals.history')} tabIndex={0}>
      <table className="timeline" data-testid="vitals-timeline">
        <thead>
          <tr>
            <th>{t('vitals.takenAt')}</th>
            <th>{t('vitals.sbp')}</th>
            <th>{t('vitals.dbp')}</th>
            <th>{t('vitals.hr')}</th>
            <th>{t('vitals.temperatureC')}</th>
            <th>{t('vitals.spo2')}</th>
            <th>{t('vitals.rr')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {sets.map((set) => (
            <VitalRow
              key={set.id}
              set={set}
              baseline={baseline?.id === set.id ? undefined : baseline?.data}
              language={i18n.language}
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
}: {
  set: StoredRecord;
  baseline?: Record<string, unknown>;
  language: string;
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
  return (
    <tr className={set.voided ? 'voided' : alerts.length ? 'alert' : undefined} data-testid="vitals-row">
      <td>
        {formatDateTime(String(d.takenAt), language)}
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
        <td key={field}>{typeof d[field] === 'number' ? formatNumber(d[field], language) : d[field]}</td>
      ))}
      <td>
        {alerts.length > 0 && !set.voided && (
          <span className="pill pill-danger" data-testid="vitals-alerts">
            {t('vitals.alerts', { list: alerts.map((a) => t(`vitals.alert.${a}`)).join(', ') })}
          </span>
        )}
        <SyncBadge state={set.syncState} />
        {set.voided ? (
          <span className="muted">{t('vitals.voided', { reason: set.voidReason })}</span>
        ) : voiding ? (
          <span className="inline-form">
            <label>
              {t('form.voidReason')} <input value={reason} onChange={(e) => setReason(e.target.value)} />
            </label>
            <button type="button" onClick={() => void confirmVoid()}>
              {t('form.confirmVoid')}
            </button>
            <button type="button" className="secondary" onClick={() => setVoiding(false)}>
              {t('form.cancel')}
            </button>
            {error && (
              <span role="alert" className="field-error">
                {error}
              </span>
            )}
          </span>
        ) : (
          ctx && (
            <button type="button" className="secondary" onClick={() => setVoiding(true)}>
              {t('vitals.void')}
            </button>
          )
        )}
      </td>
    </tr>
  );
}
