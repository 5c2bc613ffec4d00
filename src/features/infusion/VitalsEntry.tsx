import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { recordObservation } from '@/db/commands';
import { getDb } from '@/db/database';
import { assessVitals, type VitalAlert, type Vitals } from '@/domain/safety';
import { VITAL_BOUNDS, VITAL_FIELDS, type VitalField } from '@/schema/vital-signs';
import { useOpenForm } from '@/session/activity-store';
import { useWriteContext } from '@/session/session-store';
import { FormNotice, type Notice } from '@/ui/FormNotice';
import { resolveMeasuredAt } from '@/ui/measured-at';
import { isWithinBounds, parseEntry } from '@/ui/number-entry';
import { NumberPad, type PadField } from '@/ui/NumberPad';
import { useKeptInView } from '@/ui/use-kept-in-view';

// One vital-sign set on the large number pad: digits only, each field moving on when complete, then Save. The
// set is stamped when it is saved (the measurement time rule). Values outside the physiological bounds are
// refused; values past an alert threshold (assessVitals) are accepted, highlighted, and the caller opens the
// infusion-reaction checklist.

/** Which field shows each alert (presentation only: the rules are assessVitals'). */
const ALERT_FIELDS: Record<VitalAlert, VitalField[]> = {
  fever: ['temperatureC'],
  hypotension: ['sbp'],
  hypertension: ['sbp', 'dbp'],
  bpDrop: ['sbp'],
  tachycardia: ['hr'],
  bradycardia: ['hr'],
  desaturation: ['spo2'],
  spo2Drop: ['spo2'],
  tachypnea: ['rr'],
};

export function VitalsEntry({
  patientId,
  trackId,
  checkId,
  isBaseline = false,
  baseline,
  title,
  onSaved,
  onCancel,
}: {
  patientId: string;
  trackId: string;
  checkId?: string;
  isBaseline?: boolean;
  baseline?: Partial<Vitals>;
  title: string;
  onSaved: (saved: { recordId: string; alerts: VitalAlert[] }) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const ctx = useWriteContext();
  useOpenForm(); // an entry in progress: an update never reloads the page under it
  // Opened from the alarm (not the checklist's baseline, which is in its list): the pad and Save on screen at once,
  // whatever notices sit above it, so the nurse never has to scroll to save.
  const section = useRef<HTMLElement>(null);
  useKeptInView(section, !isBaseline);
  const [values, setValues] = useState<Record<string, string>>({});
  const [active, setActive] = useState<string | undefined>('sbp');
  const [notice, setNotice] = useState<Notice | null>(null);
  const [busy, setBusy] = useState(false);
  const fields: PadField[] = useMemo(
    () =>
      VITAL_FIELDS.map((id) => ({
        id,
        label: t(`infusion.vitals.${id}`),
        unit: VITAL_BOUNDS[id].unit,
        min: VITAL_BOUNDS[id].min,
        max: VITAL_BOUNDS[id].max,
        decimals: id === 'temperatureC' ? 1 : 0,
      })),
    [t],
  );
  const numbers = Object.fromEntries(
    fields.filter((f) => isWithinBounds(values[f.id] ?? '', f)).map((f) => [f.id, parseEntry(values[f.id]!)]),
  ) as Partial<Vitals>;
  const assessed = assessVitals(numbers, baseline);
  const alerts = assessed.status === 'complete' ? assessed.alerts : [];
  const flagged = new Set(alerts.flatMap((a) => ALERT_FIELDS[a]));
  const complete = assessed.status === 'complete';

  const save = async () => {
    if (!ctx || busy) return;
    const invalid = fields.filter((f) => !isWithinBounds(values[f.id] ?? '', f));
    if (invalid.length > 0) {
      setActive(invalid[0]!.id);
      return setNotice({ tone: 'error', text: t('infusion.vitals.incomplete') });
    }
    const at = resolveMeasuredAt(null, ctx.now());
    if (!at.ok) return;
    setBusy(true);
    const result = await recordObservation(getDb(), ctx, {
      kind: 'vitalSigns',
      patientId,
      data: {
        takenAt: at.at,
        ...numbers,
        trackId,
        ...(checkId ? { checkId } : {}),
        ...(isBaseline ? { baseline: true } : {}),
      },
    });
    setBusy(false);
    if (!result.ok) return setNotice({ tone: 'error', text: t('infusion.saveFailed') });
    onSaved({ recordId: result.recordId, alerts });
  };

  return (
    <section
      ref={section}
      className="panel vitals-entry"
      aria-labelledby="vitals-entry-title"
      data-testid="vitals-entry"
    >
      <h2 id="vitals-entry-title">{title}</h2>
      <NumberPad
        fields={fields}
        values={values}
        active={active}
        flagged={flagged}
        onChange={(v, a) => {
          setValues(v);
          setActive(a);
          setNotice(null);
        }}
      />
      {alerts.length > 0 && (
        <p className="pill pill-danger" role="status" data-testid="entry-alerts">
          {t('infusion.vitals.alerts', { list: alerts.map((a) => t(`vitals.alert.${a}`)).join(', ') })}
        </p>
      )}
      <FormNotice notice={notice} />
      <div className="actions">
        <button
          type="button"
          className="save-big"
          onClick={() => void save()}
          disabled={busy || !complete}
          data-testid="vitals-save"
        >
          {t('infusion.vitals.save')}
        </button>
        {onCancel && (
          <button type="button" className="secondary" onClick={onCancel}>
            {t('form.cancel')}
          </button>
        )}
      </div>
    </section>
  );
}
