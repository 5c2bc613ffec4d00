import { useMemo, useState } from 'react';
import { useForm, useWatch, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { AdverseEventView } from '@/db/adverse-events';
import { getDb } from '@/db/database';
import { saveDraft } from '@/db/drafts';
import { recordMonitoringCheck } from '@/db/monitoring';
import type { ChecklistEntry } from '@/domain/monitoring';
import { isLate } from '@/domain/schedule/item-state';
import {
  adverseEventTermFor,
  ctcaeTerm,
  isBedsideTermId,
  solicitedChecklist,
  SOLICITED_INFECTION,
  type BedsideTermId,
} from '@/domain/safety/ctcae';
import {
  INFUSION_REACTION_PAIR,
  reconcileInfusionReaction,
  type InfusionReactionTerm,
} from '@/domain/safety/infusion-reaction';
import { termKey } from '@/domain/safety/tolerance';
import { GradeChoice, TermPicker, langOf, useTermInfo } from '@/features/adverse-events';
import type { AdverseEventTerm, CtcaeGrade } from '@/schema/adverse-events';
import type { ScheduleItem } from '@/schema/schedule';
import { VITAL_BOUNDS, VITAL_FIELDS, type VitalField } from '@/schema/vital-signs';
import { useWriteContext } from '@/session/session-store';
import { useDraft } from '@/session/use-draft';
import { DraftChoice } from '@/ui/DraftChoice';
import { Field } from '@/ui/Field';
import { NumberPad, type PadField } from '@/ui/NumberPad';
import { FormNotice, type Notice } from '@/ui/FormNotice';
import { emptyLabs, LabsSection, labEntries, type LabScreening, type LabValues } from './LabsSection';
import { isoNow } from './time';

// One timed check of days 1–10 (issue 22): every solicited CTCAE term "absent / present → grade 1–5" with NCI's
// grade definitions (one tap each), vital signs, the labs of days 1, 3 and 10 graded live, current treatments and
// any other event from the whole catalogue. A check by phone is marked as such and takes no vital signs. Every
// tap is in the draft: a reload mid-checklist loses nothing.

type Answer = { state: '' | 'absent' | 'present'; grade: string };
export type ChecklistValues = {
  byPhone: boolean;
  answers: Record<string, Answer>;
  infectionText: string;
  /** Infusion related reaction and allergic reaction / CRS both present: the one that applies. */
  applies: string;
  vitals: Record<VitalField, string>;
  labs: LabValues;
  treatments: string;
  others: { term: AdverseEventTerm; grade: string; name: string }[];
  lateReason: string;
  comment: string;
};

/** The bedside terms ticked present, for the infusion-reaction rule (NCI: do not report both). */
const presentTerms = (answers: Record<string, Answer> | undefined): BedsideTermId[] =>
  Object.entries(answers ?? {})
    .filter(([id, a]) => a?.state === 'present' && isBedsideTermId(id))
    .map(([id]) => id as BedsideTermId);

export function clinicalItems(): string[] {
  return solicitedChecklist('days1to10')
    .filter((i) => i.kind === 'freeTerm' || !('lab' in ctcaeTerm(i.id)))
    .map((i) => i.id);
}

function emptyValues(items: readonly string[]): ChecklistValues {
  return {
    byPhone: false,
    answers: Object.fromEntries(items.map((id) => [id, { state: '', grade: '' }])),
    infectionText: '',
    applies: '',
    vitals: Object.fromEntries(VITAL_FIELDS.map((f) => [f, ''])) as Record<VitalField, string>,
    labs: emptyLabs(),
    treatments: '',
    others: [],
    lateReason: '',
    comment: '',
  };
}

const number = (raw: string) => {
  const text = raw.replace(',', '.').trim();
  return text === '' ? undefined : Number(text);
};

export function ChecklistForm({
  patientId,
  item,
  events,
  previousLabs,
  labScreening,
  onSaved,
}: {
  patientId: string;
  item: ScheduleItem;
  /** The participant's adverse events: an ongoing one of a present term is graded again, not opened twice. */
  events: readonly AdverseEventView[];
  /** Normal limits and baseline from an earlier check, to prefill. */
  previousLabs?: Partial<LabValues>;
  /** The screening's pre-infusion lab values, to say where a baseline came from. */
  labScreening?: LabScreening;
  onSaved?: (recordId: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const ctx = useWriteContext();
  const items = useMemo(clinicalItems, []);
  const defaults = useMemo(() => {
    const values = emptyValues(items);
    for (const [term, prev] of Object.entries(previousLabs ?? {}))
      values.labs[term as keyof LabValues] = { ...values.labs[term as keyof LabValues], ...prev, value: '' };
    return values;
  }, [items, previousLabs]);
  const form = useForm<ChecklistValues>({ defaultValues: defaults });
  const formId = `monitoringCheck:${patientId}:${item.id}`;
  const draft = useDraft(form, ctx?.userId, formId);
  const [notice, setNotice] = useState<Notice | null>(null);
  const { register, handleSubmit, setValue, control, formState } = form;
  const values = useWatch({ control }) as ChecklistValues;
  const byPhone = values.byPhone;
  const answers = values.answers ?? {};
  const ongoing = useMemo(() => {
    const map = new Map<string, AdverseEventView>();
    for (const e of events) if (!e.data.endedAt) map.set(termKey(e.data.term), e);
    return map;
  }, [events]);
  const reaction = reconcileInfusionReaction({ present: presentTerms(answers) });
  const unanswered = items.filter((id) => !answers[id]?.state).length;
  const late = isLate(item, Date.now());
  // Changes made by a button rather than typed (all absent, an added event) are not keystrokes: saved at once.
  const persist = () => {
    if (ctx) void saveDraft(getDb(), ctx.userId, formId, form.getValues(), new Date());
  };

  const submit = handleSubmit(async (v) => {
    if (!ctx) return;
    const missingGrade = items.some((id) => v.answers[id]?.state === 'present' && !v.answers[id]?.grade);
    if (missingGrade || unanswered > 0) {
      return setNotice({
        tone: 'error',
        text: missingGrade
          ? t('monitoring.missingGrades')
          : t('monitoring.unanswered', { count: unanswered }),
      });
    }
    if (late && v.lateReason.trim().length < 3)
      return form.setError('lateReason', { message: t('form.reasonRequired') });
    const reconciled = reconcileInfusionReaction({
      present: presentTerms(v.answers),
      ...(v.applies ? { applies: v.applies as InfusionReactionTerm } : {}),
    });
    if (reconciled.status === 'question')
      return setNotice({
        tone: 'error',
        text: t('monitoring.infusionRule', { other: ctcaeTerm('allergicReaction').fr.term }),
      });
    const signOfTerm = new Map(
      reconciled.status === 'resolved' ? reconciled.signs.map((x) => [x.term as string, x.signOf]) : [],
    );
    const entries: ChecklistEntry[] = items.map((id) => {
      const a = v.answers[id]!;
      if (a.state !== 'present') return { item: id, present: false };
      const term: AdverseEventTerm =
        id === SOLICITED_INFECTION.id
          ? { kind: 'freeText', text: v.infectionText.trim() || t('monitoring.infection') }
          : adverseEventTermFor(id as BedsideTermId);
      const signOf = signOfTerm.get(id);
      return {
        item: id,
        present: true,
        term,
        grade: Number(a.grade) as CtcaeGrade,
        ...(signOf ? { signOf } : {}),
      };
    });
    const labs = item.includesLabs ? labEntries(v.labs) : { entries: [], records: [] };
    let vitals;
    if (!v.byPhone && VITAL_FIELDS.some((f) => v.vitals[f].trim() !== '')) {
      const parsed: Partial<Record<VitalField, number>> = {};
      for (const f of VITAL_FIELDS) {
        const n = number(v.vitals[f]);
        if (n === undefined || !Number.isFinite(n) || n < VITAL_BOUNDS[f].min || n > VITAL_BOUNDS[f].max) {
          return form.setError(`vitals.${f}`, {
            message: t('vitals.outOfBounds', { min: VITAL_BOUNDS[f].min, max: VITAL_BOUNDS[f].max }),
          });
        }
        parsed[f] = n;
      }
      vitals = { takenAt: isoNow(ctx.now()), ...parsed } as Parameters<
        typeof recordMonitoringCheck
      >[2]['vitals'];
    }
    draft.cancelPending();
    const result = await recordMonitoringCheck(getDb(), ctx, {
      patientId,
      checkId: item.id,
      doneAt: isoNow(ctx.now()),
      ...(v.byPhone ? { byPhone: true } : {}),
      entries: [...entries, ...labs.entries],
      others: v.others
        .filter((o) => o.grade)
        .map((o) => ({ term: o.term, grade: Number(o.grade) as CtcaeGrade })),
      ...(vitals ? { vitals } : {}),
      ...(labs.records.length ? { labs: labs.records } : {}),
      treatments: v.treatments,
      ...(late ? { lateReason: v.lateReason } : {}),
      comment: v.comment,
      ...(draft.key ? { draftKey: draft.key } : {}),
    });
    if (!result.ok)
      return setNotice({
        tone: 'error',
        text: result.code === 'forbidden' ? t('form.forbidden') : t('form.invalid'),
      });
    setNotice({ tone: 'ok', text: t('monitoring.saved') });
    onSaved?.(result.recordId);
  });

  return (
    <form onSubmit={submit} className="checklist" noValidate data-testid="checklist">
      <DraftChoice draft={draft} />
      <fieldset disabled={draft.locked} className="checklist-body">
        <label className="check phone-toggle">
          <input type="checkbox" {...register('byPhone')} data-testid="by-phone" /> {t('monitoring.byPhone')}
        </label>

        <section className="panel" aria-labelledby="solicited-title">
          <h2 id="solicited-title">{t('monitoring.solicited')}</h2>
          <p className="checklist-progress" data-testid="unanswered">
            {unanswered > 0 ? t('monitoring.unanswered', { count: unanswered }) : t('monitoring.allAnswered')}{' '}
            <button
              type="button"
              className="secondary"
              data-testid="all-absent"
              onClick={() => {
                for (const id of items)
                  if (!answers[id]?.state) setValue(`answers.${id}.state`, 'absent', { shouldDirty: true });
                persist();
              }}
            >
              {t('monitoring.allAbsent')}
            </button>
          </p>
          <ul className="term-rows">
            {items.map((id) => (
              <TermRow
                key={id}
                id={id}
                form={form}
                answer={answers[id]}
                ongoing={
                  id !== SOLICITED_INFECTION.id && isBedsideTermId(id)
                    ? ongoing.get(termKey(adverseEventTermFor(id)))
                    : undefined
                }
              />
            ))}
          </ul>
          {reaction.status !== 'clear' && (
            <fieldset className="reaction-rule" data-testid="reaction-rule">
              <legend>
                {t('monitoring.infusionRule', { other: ctcaeTerm('allergicReaction')[lang].term })}
              </legend>
              {INFUSION_REACTION_PAIR.map((id) => (
                <label key={id} className="check">
                  <input type="radio" value={id} {...register('applies')} />{' '}
                  {t('monitoring.infusionRuleKeep', { term: ctcaeTerm(id)[lang].term })}
                </label>
              ))}
            </fieldset>
          )}
        </section>

        <section className="panel" aria-labelledby="vitals-title">
          <h2 id="vitals-title">{t('monitoring.vitals')}</h2>
          {byPhone ? (
            <p className="muted">{t('monitoring.vitalsNotByPhone')}</p>
          ) : (
            <ChecklistVitals form={form} onChanged={persist} />
          )}
        </section>

        {item.includesLabs && <LabsSection form={form} screening={labScreening} />}

        <section className="panel" aria-labelledby="other-title">
          <h2 id="other-title">{t('monitoring.otherEvents')}</h2>
          <OtherEvents form={form} onAdded={persist} />
        </section>

        <section className="panel">
          <Field id="check-treatments" label={t('monitoring.treatments')}>
            <textarea id="check-treatments" rows={2} {...register('treatments')} />
          </Field>
          <Field id="check-comment" label={t('ae.comment')}>
            <textarea id="check-comment" rows={2} {...register('comment')} />
          </Field>
          {late && (
            <Field
              id="check-late"
              label={t('monitoring.lateReason')}
              error={formState.errors.lateReason?.message}
            >
              <input id="check-late" {...register('lateReason')} />
            </Field>
          )}
        </section>
      </fieldset>
      <FormNotice notice={notice} testId="checklist-notice" />
      <button type="submit" className="primary" data-testid="checklist-save" disabled={draft.locked}>
        {t('monitoring.save')}
      </button>
    </form>
  );
}

function TermRow({
  id,
  form,
  answer,
  ongoing,
}: {
  id: string;
  form: UseFormReturn<ChecklistValues>;
  answer: Answer | undefined;
  ongoing: AdverseEventView | undefined;
}) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const infection = id === SOLICITED_INFECTION.id;
  const term = infection ? undefined : adverseEventTermFor(id as BedsideTermId);
  const info = useTermInfo(term, lang);
  const name = infection ? t('monitoring.infection') : (info?.name ?? id);
  const state = answer?.state ?? '';
  return (
    <li className={`term-row term-${state || 'unanswered'}`} data-testid={`term-${id}`}>
      <div className="term-head">
        <strong>{name}</strong>
        <div className="segmented" role="radiogroup" aria-label={name}>
          <label className={state === 'absent' ? 'chosen' : ''}>
            <input type="radio" value="absent" {...form.register(`answers.${id}.state`)} />{' '}
            {t('monitoring.absent')}
          </label>
          <label className={state === 'present' ? 'chosen present' : ''}>
            <input type="radio" value="present" {...form.register(`answers.${id}.state`)} />{' '}
            {t('monitoring.present')}
          </label>
        </div>
      </div>
      {state === 'present' && (
        <>
          {ongoing && <p className="muted">{t('monitoring.alreadyOpen', { grade: ongoing.currentGrade })}</p>}
          {infection && (
            <Field id={`infection-${id}`} label={t('monitoring.infectionName')}>
              <input id={`infection-${id}`} {...form.register('infectionText')} />
            </Field>
          )}
          <GradeChoice
            name={`grade-${id}`}
            info={info}
            value={answer?.grade ? (Number(answer.grade) as CtcaeGrade) : undefined}
            inputProps={form.register(`answers.${id}.grade`)}
            legend={t('monitoring.chooseGrade', { term: name })}
          />
        </>
      )}
    </li>
  );
}

/** The check's vital signs on the infusion workflow's number pad (digits only, no system keyboard). */
function ChecklistVitals({
  form,
  onChanged,
}: {
  form: UseFormReturn<ChecklistValues>;
  /** Pad taps are not keystrokes: the caller saves the draft at once (a reload keeps them). */
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const vitals = useWatch({ control: form.control, name: 'vitals' });
  const [active, setActive] = useState<string | undefined>(VITAL_FIELDS[0]);
  const fields: PadField[] = useMemo(
    () =>
      VITAL_FIELDS.map((id) => ({
        id,
        label: t(`vitals.short.${id}`),
        unit: VITAL_BOUNDS[id].unit,
        min: VITAL_BOUNDS[id].min,
        max: VITAL_BOUNDS[id].max,
        decimals: id === 'temperatureC' ? 1 : 0,
      })),
    [t],
  );
  const errors = Object.fromEntries(
    VITAL_FIELDS.flatMap((f) => {
      const message = form.formState.errors.vitals?.[f]?.message;
      return message ? [[f, message]] : [];
    }),
  );
  return (
    <NumberPad
      fields={fields}
      values={vitals ?? {}}
      active={active}
      errors={errors}
      onChange={(values, next) => {
        for (const f of VITAL_FIELDS)
          if ((values[f] ?? '') !== (vitals?.[f] ?? ''))
            form.setValue(`vitals.${f}`, values[f] ?? '', { shouldDirty: true });
        form.clearErrors('vitals');
        setActive(next);
        onChanged();
      }}
    />
  );
}

function OtherEvents({ form, onAdded }: { form: UseFormReturn<ChecklistValues>; onAdded: () => void }) {
  const others = useWatch({ control: form.control, name: 'others' }) ?? [];
  return (
    <>
      {others.length > 0 && (
        <ul className="term-rows" data-testid="other-events">
          {others.map((o, index) => (
            <OtherRow key={`${index}-${o.name}`} form={form} index={index} />
          ))}
        </ul>
      )}
      <TermPicker
        onPick={(term, name) => {
          form.setValue('others', [...others, { term, grade: '', name }], { shouldDirty: true });
          onAdded();
        }}
      />
    </>
  );
}

function OtherRow({ form, index }: { form: UseFormReturn<ChecklistValues>; index: number }) {
  const { t, i18n } = useTranslation();
  const other = useWatch({ control: form.control, name: `others.${index}` });
  const info = useTermInfo(other?.term, langOf(i18n.language));
  if (!other) return null;
  return (
    <li className="term-row term-present">
      <strong>{info?.name ?? other.name}</strong>
      {other.term.kind === 'freeText' && <span className="pill pill-warn"> {t('ae.notInCatalogue')}</span>}
      <GradeChoice
        name={`other-${index}`}
        info={info}
        value={other.grade ? (Number(other.grade) as CtcaeGrade) : undefined}
        inputProps={form.register(`others.${index}.grade`)}
      />
    </li>
  );
}
