import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { prepareBedsideAlarms } from '@/alarms';
import type { StoredRecord } from '@/db/types';
import { checkProduct, computeDose, infusionRate, type DoseRefusal } from '@/domain/dosing';
import { checklistStatus, weightChange, type ChecklistItemState } from '@/domain/infusion';
import { SCHEDULE_CONFIG } from '@/domain/schedule';
import type { DoseLevel, InfusionProduct } from '@/schema/dosing';
import type { InfusionChecklistItem, InfusionStep, Premedication } from '@/schema/infusion';
import { INFUSION_CHECKLIST_ITEMS } from '@/schema/infusion';
import type { VitalSigns } from '@/schema/vital-signs';
import { useOpenForm } from '@/session/activity-store';
import { useWriteContext } from '@/session/session-store';
import { SignatureDialog } from '@/session/SignatureDialog';
import { DateTimeInput } from '@/ui/DateTimeInput';
import { entryFromDate, readDateTimeEntry, toOffsetIso, type DateTimeEntry } from '@/ui/date-time-entry';
import { FormNotice, type Notice } from '@/ui/FormNotice';
import { useFormat } from '@/ui/use-format';
import { isWithinBounds, parseEntry } from '@/ui/number-entry';
import { NumberPad } from '@/ui/NumberPad';
import { recordEvent, recordStep } from './commands';
import type { InfusionRecords } from './queries';
import { VitalsEntry } from './VitalsEntry';

// The guided pre-infusion checklist (issue 21). Each item is done here or waived by a physician with a reason and
// a signature; "Start the infusion" only when none is open (checklistStatus). Its tap unlocks the alarm sound and
// asks for notifications (browsers allow both only from a gesture).

const DURATIONS = [30, 45, 60, 90, 120] as const;

type Ctx = {
  infusionId: string;
  patientId: string;
  participant: StoredRecord;
  records: InfusionRecords;
  steps: InfusionStep[];
  now: number;
};

/** Steps of this infusion whose waivers carry a physician's signature (an unsigned waiver does not count). */
export function effectiveSteps(
  records: InfusionRecords,
  infusionId: string,
): { record: StoredRecord; step: InfusionStep }[] {
  const signed = new Set((records.byKind.signature ?? []).map((s) => String(s.data.recordId)));
  return (records.byKind.infusionStep ?? [])
    .filter((r) => r.data.infusionId === infusionId)
    .filter((r) => r.data.outcome !== 'waived' || signed.has(r.id))
    .map((record) => ({ record, step: record.data as InfusionStep }));
}

export function latestDone<I extends InfusionChecklistItem>(steps: readonly InfusionStep[], item: I) {
  return steps
    .filter(
      (s): s is Extract<InfusionStep, { item: I; outcome: 'done' }> =>
        s.item === item && s.outcome === 'done',
    )
    .at(-1);
}

export function Checklist({
  infusionId,
  records,
  now,
}: {
  infusionId: string;
  records: InfusionRecords;
  now: number;
}) {
  const { t } = useTranslation();
  const ctx = useWriteContext();
  useOpenForm(); // an entry in progress: an update never reloads the page under it
  const participant = records.participant!;
  const patientId = participant.id;
  const steps = effectiveSteps(records, infusionId).map((s) => s.step);
  const baselineStep = latestDone(steps, 'baselineVitals');
  const baselineSet = (records.byKind.vitalSigns ?? []).find((r) => r.id === baselineStep?.vitalSignsId);
  const status = checklistStatus(
    steps,
    now,
    baselineSet ? Date.parse((baselineSet.data as VitalSigns).takenAt) : undefined,
  );
  const weight = latestDone(steps, 'weight');
  const product = latestDone(steps, 'product');
  const [duration, setDuration] = useState<number>(SCHEDULE_CONFIG.infusion.plannedDurationMin.default);
  const [notice, setNotice] = useState<Notice | null>(null);
  const c: Ctx = { infusionId, patientId, participant, records, steps, now };
  const rate = product
    ? infusionRate({ volumeMl: product.volumeToInfuseMl, durationMin: duration })
    : undefined;
  const canStart = status.canStart && !!weight && !!product && rate?.status === 'complete';

  const start = () => {
    // Inside the tap: the browser counts the gesture for the sound and the notification permission.
    void prepareBedsideAlarms();
    if (!ctx || !weight || !product || rate?.status !== 'complete') return;
    void recordEvent(ctx, patientId, {
      infusionId,
      type: 'start',
      at: ctx.now().toISOString(),
      plannedDurationMin: duration,
      volumeToInfuseMl: Math.round(product.volumeToInfuseMl * 10) / 10,
      rateMlPerHour: Math.round(rate.rateMlPerHour * 10) / 10,
      doseLevel: weight.doseLevel,
      cellsToInfuse: weight.cellsToInfuse,
      weightKg: weight.weightKg,
      lotNumber: product.product.lotNumber,
    }).then((r) => !r.ok && setNotice({ tone: 'error', text: t('infusion.saveFailed') }));
  };

  return (
    <section aria-labelledby="checklist-title" data-testid="checklist">
      <h2 id="checklist-title">{t('infusion.checklist.title')}</h2>
      <ol className="checklist">
        {INFUSION_CHECKLIST_ITEMS.map((item) => (
          <ChecklistItem key={item} item={item} state={status.items[item]} c={c} />
        ))}
      </ol>
      <div className="panel start-panel">
        <label>
          {t('infusion.checklist.duration')}{' '}
          <select
            value={duration}
            onChange={(e) => setDuration(Number(e.target.value))}
            data-testid="duration"
          >
            {DURATIONS.map((d) => (
              <option key={d} value={d}>
                {t('infusion.minutes', { count: d })}
              </option>
            ))}
          </select>
        </label>
        {rate?.status === 'complete' && product && (
          <p data-testid="planned-rate">
            {t('infusion.checklist.pump', {
              volume: Math.round(product.volumeToInfuseMl * 10) / 10,
              rate: Math.round(rate.rateMlPerHour * 10) / 10,
            })}
          </p>
        )}
        {!canStart && <p className="muted">{t('infusion.checklist.startWhenDone')}</p>}
        <FormNotice notice={notice} />
        <button
          type="button"
          className="start-button"
          disabled={!canStart}
          onClick={start}
          data-testid="start-infusion"
        >
          {t('infusion.checklist.start')}
        </button>
      </div>
    </section>
  );
}

function ChecklistItem({
  item,
  state,
  c,
}: {
  item: InfusionChecklistItem;
  state: ChecklistItemState;
  c: Ctx;
}) {
  const { t } = useTranslation();
  const ctx = useWriteContext();
  const [open, setOpen] = useState(false);
  const done = state.state === 'done' || state.state === 'waived';
  const expanded = open || state.state !== 'done';
  const tone = done ? 'ok' : state.state === 'open' ? 'warn' : 'danger';
  return (
    <li
      className={`checklist-item checklist-${state.state}`}
      data-testid={`item-${item}`}
      data-state={state.state}
    >
      <div className="checklist-head">
        <h3>{t(`infusion.item.${item}`)}</h3>
        <span className={`pill pill-${tone}`}>{t(`infusion.itemState.${state.state}`)}</span>
        {state.state === 'done' && (
          <button type="button" className="secondary" onClick={() => setOpen(!open)}>
            {open ? t('infusion.checklist.close') : t('infusion.checklist.redo')}
          </button>
        )}
      </div>
      {state.state === 'waived' && 'waiver' in state.step && (
        <p className="muted">{t('infusion.checklist.waivedBecause', { reason: state.step.waiver.reason })}</p>
      )}
      {state.state === 'needsPhysician' && (
        <p className="field-error">{t('infusion.weight.needsPhysician')}</p>
      )}
      {state.state === 'expired' && <p className="field-error">{t('infusion.baseline.tooOld')}</p>}
      {expanded && state.state !== 'waived' && (
        <div className="checklist-body">
          <ItemForm item={item} c={c} onDone={() => setOpen(false)} />
          {ctx?.role === 'physician' && <Waiver item={item} c={c} />}
        </div>
      )}
    </li>
  );
}

function ItemForm({ item, c, onDone }: { item: InfusionChecklistItem; c: Ctx; onDone: () => void }) {
  switch (item) {
    case 'identity':
      return <IdentityItem c={c} onDone={onDone} />;
    case 'screening':
      return <ScreeningItem c={c} onDone={onDone} />;
    case 'weight':
      return <WeightItem c={c} onDone={onDone} />;
    case 'product':
      return <ProductItem c={c} onDone={onDone} />;
    case 'premedication':
      return <PremedicationItem c={c} onDone={onDone} />;
    case 'ivLine':
      return <IvLineItem c={c} onDone={onDone} />;
    case 'baselineVitals':
      return <BaselineItem c={c} onDone={onDone} />;
  }
}

type StepBody = InfusionStep extends infer S
  ? S extends InfusionStep
    ? Omit<S, 'infusionId' | 'at'>
    : never
  : never;

/** Saves one step, showing a refusal. */
function useSaveStep(c: Ctx, onDone: () => void) {
  const { t } = useTranslation();
  const ctx = useWriteContext();
  const [notice, setNotice] = useState<Notice | null>(null);
  const save = async (step: StepBody) => {
    if (!ctx) return false;
    const result = await recordStep(ctx, c.patientId, {
      ...step,
      infusionId: c.infusionId,
      at: ctx.now().toISOString(),
    } as InfusionStep);
    if (!result.ok) {
      setNotice({ tone: 'error', text: t('infusion.saveFailed') });
      return false;
    }
    setNotice(null);
    onDone();
    return true;
  };
  return { save, notice, setNotice, ctx };
}

function Done({ children }: { children: ReactNode }) {
  return <div className="actions">{children}</div>;
}

function IdentityItem({ c, onDone }: { c: Ctx; onDone: () => void }) {
  const { t } = useTranslation();
  const { save, notice } = useSaveStep(c, onDone);
  return (
    <>
      <p className="identity-readback" data-testid="identity-readback">
        <strong>{String(c.participant.data.trialNumber)}</strong> ·{' '}
        <strong>{String(c.participant.data.initials)}</strong>
      </p>
      <p>{t('infusion.identity.ask')}</p>
      <FormNotice notice={notice} />
      <Done>
        <button
          type="button"
          onClick={() => void save({ item: 'identity', outcome: 'done', confirmed: true })}
        >
          {t('infusion.identity.confirm')}
        </button>
      </Done>
    </>
  );
}

function ScreeningItem({ c, onDone }: { c: Ctx; onDone: () => void }) {
  const { t } = useTranslation();
  const { save, notice } = useSaveStep(c, onDone);
  // Issue 20's eligibility record, when this tablet holds it: eligible, consent dated, signed by a physician.
  const eligibility = (c.records.byKind.eligibility ?? []).at(-1);
  const signature = (c.records.byKind.signature ?? []).find(
    (s) =>
      s.data.recordId === eligibility?.id &&
      s.data.recordRev === eligibility?.rev &&
      s.data.meaning === 'eligibility-assessment',
  );
  const eligible = eligibility?.data.verdict === 'eligible';
  const consent =
    typeof eligibility?.data.consentDate === 'string' ? eligibility.data.consentDate : undefined;
  const ok = eligible && !!consent && !!signature;
  return (
    <>
      {!eligibility ? (
        <p className="field-error" data-testid="screening-missing">
          {t('infusion.screening.missing')}
        </p>
      ) : (
        <ul>
          <li>
            {consent ? t('infusion.screening.consent', { date: consent }) : t('infusion.screening.noConsent')}
          </li>
          <li>{t(`infusion.screening.verdict.${String(eligibility.data.verdict)}`)}</li>
          <li>{signature ? t('infusion.screening.signed') : t('infusion.screening.unsigned')}</li>
        </ul>
      )}
      <FormNotice notice={notice} />
      <Done>
        <button
          type="button"
          disabled={!ok}
          onClick={() =>
            void save({
              item: 'screening',
              outcome: 'done',
              ...(eligibility ? { eligibilityRecordId: eligibility.id } : {}),
            })
          }
        >
          {t('infusion.screening.confirm')}
        </button>
      </Done>
    </>
  );
}

function WeightItem({ c, onDone }: { c: Ctx; onDone: () => void }) {
  const { t } = useTranslation();
  const { number: formatNumber } = useFormat();
  const { save, notice } = useSaveStep(c, onDone);
  const [values, setValues] = useState<Record<string, string>>({});
  const field = {
    id: 'weightKg',
    label: t('infusion.weight.today'),
    unit: 'kg',
    min: 30,
    max: 200,
    decimals: 1,
  };
  const doseLevel = c.participant.data.doseLevel as DoseLevel | undefined;
  const facts = (c.records.byKind.eligibility ?? []).at(-1)?.data.facts as { weightKg?: number } | undefined;
  const assigned = facts?.weightKg;
  const text = values.weightKg ?? '';
  const weightKg = isWithinBounds(text, field) ? parseEntry(text) : undefined;
  const dose = weightKg !== undefined && doseLevel ? computeDose({ weightKg, doseLevel }) : undefined;
  const change = weightKg !== undefined ? weightChange(weightKg, assigned) : undefined;
  if (!doseLevel) return <p className="field-error">{t('infusion.weight.noDoseLevel')}</p>;
  return (
    <>
      <p>
        {t('infusion.weight.doseLevel', { level: doseLevel })}
        {assigned !== undefined && (
          <> · {t('infusion.weight.assigned', { weight: formatNumber(assigned) })}</>
        )}
      </p>
      <NumberPad
        fields={[field]}
        values={values}
        active="weightKg"
        onChange={(v) => setValues(v)}
        keyboard={false}
        flagged={change?.needsPhysician ? new Set(['weightKg']) : undefined}
      />
      {dose?.status === 'complete' && (
        <p data-testid="dose-recomputed">
          {t('infusion.weight.cells', {
            cells: formatNumber(dose.cellsToInfuse / 1e6, { maximumFractionDigits: 1 }),
          })}
        </p>
      )}
      {change && (
        <p className={change.needsPhysician ? 'field-error' : 'muted'} data-testid="weight-change">
          {t('infusion.weight.change', {
            percent: formatNumber(change.percent, { maximumFractionDigits: 1 }),
          })}
          {change.needsPhysician && <> — {t('infusion.weight.needsPhysician')}</>}
        </p>
      )}
      <FormNotice notice={notice} />
      <Done>
        <button
          type="button"
          disabled={dose?.status !== 'complete'}
          onClick={() =>
            dose?.status === 'complete' &&
            void save({
              item: 'weight',
              outcome: 'done',
              weightKg: weightKg!,
              ...(assigned !== undefined && assigned >= 30 && assigned <= 200
                ? { assignedWeightKg: assigned }
                : {}),
              doseLevel,
              cellsToInfuse: dose.cellsToInfuse,
            })
          }
        >
          {t('infusion.weight.save')}
        </button>
      </Done>
    </>
  );
}

type ProductForm = {
  lotNumber: string;
  bagNumber: string;
  labelTrialNumber: string;
  cellsMillions: string;
  viabilityPercent: string;
  volumeMl: string;
  expiresAt: DateTimeEntry;
  preparedAt: DateTimeEntry;
};

function ProductItem({ c, onDone }: { c: Ctx; onDone: () => void }) {
  const { t } = useTranslation();
  const { save, notice, ctx } = useSaveStep(c, onDone);
  const weight = latestDone(c.steps, 'weight');
  const [form, setForm] = useState<ProductForm>({
    lotNumber: '',
    bagNumber: '',
    labelTrialNumber: '',
    cellsMillions: '',
    viabilityPercent: '',
    volumeMl: '',
    expiresAt: { date: '', time: '' },
    preparedAt: { date: '', time: '' },
  });
  const [refusals, setRefusals] = useState<DoseRefusal[] | null>(null);
  const set = <K extends keyof ProductForm>(key: K, value: ProductForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setRefusals(null);
  };
  const check = () => {
    if (!ctx || !weight) return;
    const expiry = readDateTimeEntry(form.expiresAt);
    const prepared = readDateTimeEntry(form.preparedAt);
    const number = (s: string) => (s.trim() === '' ? undefined : parseEntry(s));
    const cells = number(form.cellsMillions);
    const product = {
      lotNumber: form.lotNumber.trim(),
      labelTrialNumber: form.labelTrialNumber.trim().toUpperCase(),
      totalViableCells: cells === undefined ? undefined : Math.round(cells * 1e6),
      viabilityPercent: number(form.viabilityPercent),
      volumeMl: number(form.volumeMl),
      ...(expiry.ok ? { expiresAt: toOffsetIso(expiry.at) } : {}),
    };
    const result = checkProduct({
      product,
      participantTrialNumber: String(c.participant.data.trialNumber),
      cellsToInfuse: weight.cellsToInfuse,
      at: ctx.now().getTime(),
    });
    const extra: DoseRefusal[] = [
      ...(form.bagNumber.trim() === '' ? [{ id: 'product.bagNumber', reason: 'missing' as const }] : []),
      ...(!prepared.ok ? [{ id: 'product.preparedAt', reason: 'missing' as const }] : []),
    ];
    if (result.status !== 'complete' || extra.length > 0) {
      return setRefusals([...(result.status === 'complete' ? [] : result.reasons), ...extra]);
    }
    void save({
      item: 'product',
      outcome: 'done',
      product: {
        ...(product as InfusionProduct),
        bagNumber: form.bagNumber.trim(),
        preparedAt: toOffsetIso((prepared as { at: Date }).at),
      },
      volumeToInfuseMl: result.volumeToInfuseMl,
    });
  };
  if (!weight) return <p className="muted">{t('infusion.product.weightFirst')}</p>;
  const text = (
    key: 'lotNumber' | 'bagNumber' | 'labelTrialNumber' | 'cellsMillions' | 'viabilityPercent' | 'volumeMl',
    numeric = false,
  ) => (
    <div className="field">
      <label htmlFor={`product-${key}`}>{t(`infusion.product.${key}`)}</label>
      <input
        id={`product-${key}`}
        value={form[key]}
        autoComplete="off"
        {...(numeric ? { inputMode: 'decimal' as const } : {})}
        onChange={(e) => set(key, e.target.value)}
      />
    </div>
  );
  return (
    <>
      <div className="grid">
        {text('labelTrialNumber')}
        {text('lotNumber')}
        {text('bagNumber')}
        {text('cellsMillions', true)}
        {text('viabilityPercent', true)}
        {text('volumeMl', true)}
      </div>
      <DateTimeInput
        id="product-expiry"
        legend={t('infusion.product.expiresAt')}
        value={form.expiresAt}
        onChange={(v) => set('expiresAt', v)}
      />
      <DateTimeInput
        id="product-prepared"
        legend={t('infusion.product.preparedAt')}
        value={form.preparedAt}
        onChange={(v) => set('preparedAt', v)}
        notFuture
      />
      {refusals && (
        <div role="alert" className="refusal" data-testid="product-refused">
          <strong>{t('infusion.product.refused')}</strong>
          <ul>
            {refusals.map((r) => (
              <li key={`${r.id}-${r.reason}`}>
                {t(`infusion.refusal.${r.reason}`, {
                  field: t(`infusion.product.${r.id.replace('product.', '')}`, { defaultValue: r.id }),
                })}
              </li>
            ))}
          </ul>
        </div>
      )}
      <FormNotice notice={notice} />
      <Done>
        <button type="button" onClick={check} data-testid="product-check">
          {t('infusion.product.check')}
        </button>
      </Done>
    </>
  );
}

function PremedicationItem({ c, onDone }: { c: Ctx; onDone: () => void }) {
  const { t } = useTranslation();
  const { save, notice, setNotice, ctx } = useSaveStep(c, onDone);
  const [given, setGiven] = useState<Premedication[]>([]);
  const [drug, setDrug] = useState('');
  const [dose, setDose] = useState('');
  const [at, setAt] = useState<DateTimeEntry>(() => entryFromDate(new Date()));
  const add = () => {
    const when = readDateTimeEntry(at, ctx ? { notAfter: ctx.now() } : {});
    if (!drug.trim() || !dose.trim() || !when.ok)
      return setNotice({ tone: 'error', text: t('infusion.premedication.incomplete') });
    setGiven((g) => [...g, { drug: drug.trim(), dose: dose.trim(), givenAt: toOffsetIso(when.at) }]);
    setDrug('');
    setDose('');
    setNotice(null);
  };
  return (
    <>
      {given.length > 0 && (
        <ul>
          {given.map((g, i) => (
            <li key={i}>
              {g.drug} · {g.dose}
            </li>
          ))}
        </ul>
      )}
      <div className="grid">
        <div className="field">
          <label htmlFor="premed-drug">{t('infusion.premedication.drug')}</label>
          <input id="premed-drug" value={drug} onChange={(e) => setDrug(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="premed-dose">{t('infusion.premedication.dose')}</label>
          <input id="premed-dose" value={dose} onChange={(e) => setDose(e.target.value)} />
        </div>
      </div>
      <DateTimeInput
        id="premed-at"
        legend={t('infusion.premedication.at')}
        value={at}
        onChange={setAt}
        notFuture
      />
      <FormNotice notice={notice} />
      <Done>
        <button type="button" className="secondary" onClick={add}>
          {t('infusion.premedication.add')}
        </button>
        <button
          type="button"
          onClick={() => void save({ item: 'premedication', outcome: 'done', given })}
          data-testid="premedication-save"
        >
          {given.length === 0 ? t('infusion.premedication.none') : t('infusion.premedication.save')}
        </button>
      </Done>
    </>
  );
}

function IvLineItem({ c, onDone }: { c: Ctx; onDone: () => void }) {
  const { t } = useTranslation();
  const { save, notice } = useSaveStep(c, onDone);
  const [site, setSite] = useState('');
  return (
    <>
      <div className="field">
        <label htmlFor="iv-site">{t('infusion.ivLine.site')}</label>
        <input id="iv-site" value={site} onChange={(e) => setSite(e.target.value)} />
      </div>
      <FormNotice notice={notice} />
      <Done>
        <button
          type="button"
          onClick={() =>
            void save({
              item: 'ivLine',
              outcome: 'done',
              patent: true,
              ...(site.trim() ? { site: site.trim() } : {}),
            })
          }
        >
          {t('infusion.ivLine.confirm')}
        </button>
      </Done>
    </>
  );
}

function BaselineItem({ c, onDone }: { c: Ctx; onDone: () => void }) {
  const { t } = useTranslation();
  const { save } = useSaveStep(c, onDone);
  return (
    <VitalsEntry
      patientId={c.patientId}
      trackId={c.infusionId}
      checkId="baseline"
      isBaseline
      title={t('infusion.baseline.title')}
      onSaved={({ recordId }) =>
        void save({ item: 'baselineVitals', outcome: 'done', vitalSignsId: recordId })
      }
    />
  );
}

/** A physician waives the item with a reason, then signs the waiver. */
function Waiver({ item, c }: { item: InfusionChecklistItem; c: Ctx }) {
  const { t } = useTranslation();
  const ctx = useWriteContext();
  const [reason, setReason] = useState('');
  const [signing, setSigning] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  // A waiver recorded but not yet signed (the dialog was closed): offer to sign it.
  const unsigned = (c.records.byKind.infusionStep ?? []).find(
    (r) =>
      r.data.infusionId === c.infusionId &&
      r.data.item === item &&
      r.data.outcome === 'waived' &&
      !(c.records.byKind.signature ?? []).some((s) => s.data.recordId === r.id),
  );
  const waive = async () => {
    if (!ctx) return;
    if (reason.trim().length < 3) return setNotice({ tone: 'error', text: t('form.reasonRequired') });
    const result = await recordStep(ctx, c.patientId, {
      infusionId: c.infusionId,
      at: ctx.now().toISOString(),
      item,
      outcome: 'waived',
      waiver: { reason: reason.trim() },
    });
    if (!result.ok) return setNotice({ tone: 'error', text: t('infusion.saveFailed') });
    setSigning(result.recordId);
  };
  return (
    <div className="waiver" data-testid={`waiver-${item}`}>
      {unsigned ? (
        <button type="button" className="secondary" onClick={() => setSigning(unsigned.id)}>
          {t('infusion.waiver.sign')}
        </button>
      ) : (
        <>
          <div className="field">
            <label htmlFor={`waiver-${item}-reason`}>{t('infusion.waiver.reason')}</label>
            <input id={`waiver-${item}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} />
          </div>
          <button type="button" className="secondary" onClick={() => void waive()}>
            {t('infusion.waiver.waive')}
          </button>
        </>
      )}
      <FormNotice notice={notice} />
      {signing && (
        <SignatureDialog
          recordId={signing}
          meaning="infusion-waiver"
          onClose={() => setSigning(null)}
          onSigned={() => setSigning(null)}
        />
      )}
    </div>
  );
}
