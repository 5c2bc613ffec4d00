import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAlarms, type AlarmEntry } from '@/alarms';
import { assessVitals, type Vitals } from '@/domain/safety';
import type { InfusionProgress } from '@/domain/infusion';
import type { InfusionInterruptionReason } from '@/schema/infusion';
import { INFUSION_INTERRUPTION_REASONS } from '@/schema/infusion';
import type { VitalSigns } from '@/schema/vital-signs';
import { useWriteContext } from '@/session/session-store';
import { FormNotice, type Notice } from '@/ui/FormNotice';
import { isWithinBounds, parseEntry } from '@/ui/number-entry';
import { NumberPad } from '@/ui/NumberPad';
import { useFormat } from '@/ui/use-format';
import { recordEvent } from './commands';

// The glanceable screen while the infusion runs (issue 21): the running clock, the planned end, the rate and the
// volume so far, the next check and its countdown, the last vital signs with their alerts — all from the records
// and the alarms' tick, never a timer of its own.

export function duration(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
}

export function RunningScreen({
  progress,
  entries,
  lastVitals,
  baseline,
  onEnter,
  onReaction,
}: {
  progress: InfusionProgress;
  entries: readonly AlarmEntry[];
  lastVitals?: VitalSigns;
  baseline?: Partial<Vitals>;
  onEnter: (checkId?: string) => void;
  onReaction: () => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const now = useAlarms((s) => s.now);
  const due = entries.filter((e) => e.state === 'due' || e.state === 'overdue');
  const next = entries.find((e) => e.state === 'upcoming');
  const assessed = lastVitals ? assessVitals(lastVitals, baseline) : undefined;
  const alerts = assessed?.status === 'complete' ? assessed.alerts : [];
  const paused = progress.status === 'paused';
  return (
    <section
      className={paused ? 'running running-paused' : 'running'}
      data-testid="running"
      data-status={progress.status}
    >
      <div className="run-main">
        <p className="run-status">
          <span className={paused ? 'pill pill-warn' : 'pill pill-ok'}>
            {t(`infusion.status.${progress.status}`)}
          </span>
        </p>
        <p className="run-clock" aria-label={t('infusion.running.elapsed')} data-testid="run-clock">
          {duration(progress.runningMs)}
        </p>
        <dl className="run-facts">
          <div>
            <dt>{t('infusion.running.plannedEnd')}</dt>
            <dd data-testid="planned-end">
              {progress.plannedEndAt ? format.time(progress.plannedEndAt) : '—'}
            </dd>
          </div>
          <div>
            <dt>{t('infusion.running.rate')}</dt>
            <dd data-testid="rate">
              {t('infusion.running.rateValue', { rate: format.number(progress.rateMlPerHour ?? 0) })}
            </dd>
          </div>
          <div>
            <dt>{t('infusion.running.volume')}</dt>
            <dd data-testid="volume">
              {t('infusion.running.volumeValue', {
                soFar: format.number(progress.volumeSoFarMl ?? 0, { maximumFractionDigits: 0 }),
                total: format.number(progress.volumeToInfuseMl ?? 0, { maximumFractionDigits: 0 }),
              })}
            </dd>
          </div>
          {progress.pausedMs > 0 && (
            <div>
              <dt>{t('infusion.running.paused')}</dt>
              <dd data-testid="paused-time">{duration(progress.pausedMs)}</dd>
            </div>
          )}
        </dl>
      </div>
      <div className="run-next">
        {due.length > 0 ? (
          <button
            type="button"
            className={`run-due run-due-${due[0]!.state}`}
            onClick={() => onEnter(due[0]!.item.id)}
            data-testid="run-due"
          >
            <span>{t(due[0]!.state === 'overdue' ? 'alarms.overdue' : 'alarms.due')}</span>
            <strong>{t(due[0]!.item.label, due[0]!.item.labelParams ?? {})}</strong>
            <span>{t('alarms.enter')}</span>
          </button>
        ) : next ? (
          <p className="run-countdown" data-testid="next-check">
            {t('infusion.running.next', {
              check: t(next.item.label, next.item.labelParams ?? {}),
              time: format.time(next.item.dueAt),
            })}
            <strong className="countdown">{duration(next.item.windowStart - now)}</strong>
          </p>
        ) : null}
        {lastVitals && (
          <div
            className={alerts.length ? 'last-vitals last-vitals-alert' : 'last-vitals'}
            data-testid="last-vitals"
          >
            <p>
              {t('infusion.running.lastVitals', { time: format.time(lastVitals.takenAt) })}{' '}
              <strong>
                {lastVitals.sbp}/{lastVitals.dbp} · {lastVitals.hr}/min ·{' '}
                {format.number(lastVitals.temperatureC)} °C · {lastVitals.spo2} % · {lastVitals.rr}/min
              </strong>
            </p>
            {alerts.length > 0 && (
              <p className="pill pill-danger">
                {t('vitals.alerts', { list: alerts.map((a) => t(`vitals.alert.${a}`)).join(', ') })}
              </p>
            )}
          </div>
        )}
        <div className="actions run-actions">
          <button type="button" onClick={() => onEnter(due[0]?.item.id)} data-testid="enter-vitals">
            {t('infusion.running.enterVitals')}
          </button>
          <button type="button" className="secondary" onClick={onReaction} data-testid="open-reaction">
            {t('infusion.running.reaction')}
          </button>
        </div>
      </div>
    </section>
  );
}

/** Pause, resume, stop (with reason) and end (volume infused, residual). */
export function InfusionControls({
  patientId,
  infusionId,
  progress,
  stopRequested,
  onStopHandled,
}: {
  patientId: string;
  infusionId: string;
  progress: InfusionProgress;
  /** The severe-reaction flow asked to stop: the end form opens with this reason. */
  stopRequested?: InfusionInterruptionReason;
  onStopHandled?: () => void;
}) {
  const { t } = useTranslation();
  const ctx = useWriteContext();
  const [mode, setMode] = useState<'none' | 'pause' | 'stop' | 'end'>('none');
  const [notice, setNotice] = useState<Notice | null>(null);
  const current = stopRequested ? 'stop' : mode;
  const write = async (event: Parameters<typeof recordEvent>[2]) => {
    if (!ctx) return;
    const result = await recordEvent(ctx, patientId, event);
    if (!result.ok) return setNotice({ tone: 'error', text: t('infusion.saveFailed') });
    setMode('none');
    onStopHandled?.();
  };
  const at = () => ctx!.now().toISOString();
  return (
    <div className="panel infusion-controls" data-testid="infusion-controls">
      <div className="actions">
        {progress.status === 'paused' ? (
          <button
            type="button"
            onClick={() => void write({ infusionId, type: 'resume', at: at() })}
            data-testid="resume"
          >
            {t('infusion.controls.resume')}
          </button>
        ) : (
          <button type="button" className="secondary" onClick={() => setMode('pause')} data-testid="pause">
            {t('infusion.controls.pause')}
          </button>
        )}
        <button type="button" className="secondary" onClick={() => setMode('stop')} data-testid="stop">
          {t('infusion.controls.stop')}
        </button>
        <button type="button" onClick={() => setMode('end')} data-testid="end">
          {t('infusion.controls.end')}
        </button>
      </div>
      {current === 'pause' && (
        <ReasonChoice
          title={t('infusion.controls.pauseWhy')}
          onCancel={() => setMode('none')}
          onChoose={(reason, reasonText) =>
            void write({ infusionId, type: 'pause', at: at(), reason, ...(reasonText ? { reasonText } : {}) })
          }
        />
      )}
      {(current === 'stop' || current === 'end') && (
        <EndForm
          stopping={current === 'stop'}
          {...(stopRequested ? { initialReason: stopRequested } : {})}
          volumeToInfuseMl={progress.volumeToInfuseMl ?? 0}
          onCancel={() => {
            setMode('none');
            onStopHandled?.();
          }}
          onSave={(volumeInfusedMl, residualMl, stopped) =>
            void write({
              infusionId,
              type: 'end',
              at: at(),
              volumeInfusedMl,
              residualMl,
              ...(stopped ? { stopped } : {}),
            })
          }
        />
      )}
      <FormNotice notice={notice} />
    </div>
  );
}

function ReasonChoice({
  title,
  onChoose,
  onCancel,
  initial,
}: {
  title: string;
  onChoose: (reason: InfusionInterruptionReason, text?: string) => void;
  onCancel: () => void;
  initial?: InfusionInterruptionReason;
}) {
  const { t } = useTranslation();
  const [other, setOther] = useState(initial === 'other');
  const [text, setText] = useState('');
  return (
    <fieldset className="reason-choice" data-testid="reason-choice">
      <legend>{title}</legend>
      <div className="actions">
        {INFUSION_INTERRUPTION_REASONS.map((reason) => (
          <button
            key={reason}
            type="button"
            className={reason === 'reaction' ? '' : 'secondary'}
            onClick={() => (reason === 'other' ? setOther(true) : onChoose(reason))}
          >
            {t(`infusion.reason.${reason}`)}
          </button>
        ))}
        <button type="button" className="secondary" onClick={onCancel}>
          {t('form.cancel')}
        </button>
      </div>
      {other && (
        <span className="inline-form">
          <label>
            {t('infusion.controls.otherReason')}{' '}
            <input value={text} onChange={(e) => setText(e.target.value)} />
          </label>
          <button
            type="button"
            disabled={text.trim().length < 3}
            onClick={() => onChoose('other', text.trim())}
          >
            {t('infusion.controls.confirm')}
          </button>
        </span>
      )}
    </fieldset>
  );
}

function EndForm({
  stopping,
  initialReason,
  volumeToInfuseMl,
  onSave,
  onCancel,
}: {
  stopping: boolean;
  initialReason?: InfusionInterruptionReason;
  volumeToInfuseMl: number;
  onSave: (
    volume: number,
    residual: number,
    stopped?: { reason: InfusionInterruptionReason; reasonText?: string },
  ) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<string, string>>({});
  const [active, setActive] = useState<string | undefined>('volume');
  const [reason, setReason] = useState<
    { reason: InfusionInterruptionReason; reasonText?: string } | undefined
  >(initialReason ? { reason: initialReason } : undefined);
  const fields = [
    { id: 'volume', label: t('infusion.end.volume'), unit: 'mL', min: 0, max: 2000, decimals: 1 },
    { id: 'residual', label: t('infusion.end.residual'), unit: 'mL', min: 0, max: 2000, decimals: 1 },
  ];
  const ok = fields.every((f) => isWithinBounds(values[f.id] ?? '', f)) && (!stopping || reason);
  return (
    <div className="end-form" data-testid="end-form">
      <h3>{stopping ? t('infusion.end.stopTitle') : t('infusion.end.title')}</h3>
      {stopping &&
        (reason ? (
          <p>{t('infusion.end.stopReason', { reason: t(`infusion.reason.${reason.reason}`) })}</p>
        ) : (
          <ReasonChoice
            title={t('infusion.controls.stopWhy')}
            onCancel={onCancel}
            onChoose={(r, text) => setReason({ reason: r, ...(text ? { reasonText: text } : {}) })}
          />
        ))}
      <p className="muted">{t('infusion.end.planned', { volume: Math.round(volumeToInfuseMl) })}</p>
      <NumberPad
        fields={fields}
        values={values}
        active={active}
        onChange={(v, a) => {
          setValues(v);
          setActive(a);
        }}
        keyboard={false}
      />
      <div className="actions">
        <button
          type="button"
          disabled={!ok}
          data-testid="end-save"
          onClick={() =>
            onSave(parseEntry(values.volume!), parseEntry(values.residual!), stopping ? reason : undefined)
          }
        >
          {stopping ? t('infusion.end.stopSave') : t('infusion.end.save')}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('form.cancel')}
        </button>
      </div>
    </div>
  );
}
