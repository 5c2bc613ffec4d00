import { useCallback, useRef, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { openAdverseEvent, reviseAdverseEvent, type AdverseEventView } from '@/db/adverse-events';
import type { CommandError } from '@/db/command-result';
import { getDb } from '@/db/database';
import {
  adverseEventActionSchema,
  adverseEventOutcomeSchema,
  PHYSICIAN_ONLY_AE_FIELDS,
  relatednessSchema,
  seriousnessCriterionSchema,
  type AdverseEvent,
  type AdverseEventTerm,
  type CtcaeGrade,
} from '@/schema/adverse-events';
import { reasonSchema } from '@/schema/common';
import { useWriteContext } from '@/session/session-store';
import { canSign } from '@/session/signature';
import { SignatureDialog } from '@/session/SignatureDialog';
import { SignatureList, useRecordSignatures } from '@/session/SignatureList';
import { useDraft } from '@/session/use-draft';
import { DraftChoice } from '@/ui/DraftChoice';
import { Field } from '@/ui/Field';
import { FormNotice, type Notice } from '@/ui/FormNotice';
import { GradeChoice } from './GradeChoice';
import { TermPicker } from './TermPicker';
import { langOf, useTermInfo } from './terms';
import { DateTimeInput } from '@/ui/DateTimeInput';
import { entryFromDate, readDateTimeEntry, toOffsetIso, type DateTimeEntry } from '@/ui/date-time-entry';

// The adverse-event report: nurses record the event (term, grade, onset, end, seriousness, actions, outcome);
// physicians add relation to the product and to the procedure and expectedness, and sign. Saving a signed event
// needs a reason and invalidates its signature (shown), a new one is then needed. Drafts survive a reload.

type Values = {
  term: AdverseEventTerm | null;
  grade: string;
  onsetAt: DateTimeEntry;
  endedAt: DateTimeEntry;
  serious: boolean;
  seriousness: string[];
  awareAt: DateTimeEntry;
  outcome: string;
  actions: string[];
  narrative: string;
  comment: string;
  relatedness: string;
  relationToProcedure: string;
  expectedness: string;
  reason: string;
};

function toValues(data: Partial<AdverseEvent> | undefined, now: Date): Values {
  return {
    term: data?.term ?? null,
    grade: data?.grade ? String(data.grade) : '',
    onsetAt: entryFromDate(data?.onsetAt ? new Date(data.onsetAt) : now),
    endedAt: data?.endedAt ? entryFromDate(new Date(data.endedAt)) : EMPTY_ENTRY,
    serious: data?.serious ?? false,
    seriousness: data?.seriousness ?? [],
    awareAt: data?.awareAt ? entryFromDate(new Date(data.awareAt)) : EMPTY_ENTRY,
    outcome: data?.outcome ?? '',
    actions: data?.actions ?? [],
    narrative: data?.narrative ?? '',
    comment: data?.comment ?? '',
    relatedness: data?.relatedness ?? '',
    relationToProcedure: data?.relationToProcedure ?? '',
    expectedness: data?.expectedness ?? '',
    reason: '',
  };
}

const EMPTY_ENTRY: DateTimeEntry = { date: '', time: '' };
/** An entry's instant as ISO-8601 with the tablet's offset; '' when empty or not a valid date and time. */
const entryIso = (entry: DateTimeEntry) => {
  const reading = readDateTimeEntry(entry);
  return reading.ok ? toOffsetIso(reading.at) : '';
};
/** The date-time fields: empty is allowed (not for the onset), a partly typed or impossible one is not. */
const DATE_FIELDS = ['onsetAt', 'endedAt', 'awareAt'] as const;

/** The record's data from the form, keeping what the form does not edit (check, signs, lab grading, notification). */
function toData(values: Values, base: Partial<AdverseEvent> | undefined, now: Date): Record<string, unknown> {
  const { reason: _reason, term, grade, ...v } = values;
  const data: Record<string, unknown> = {
    ...base,
    term,
    grade: Number(grade),
    onsetAt: entryIso(v.onsetAt),
    serious: v.serious,
  };
  const set = (key: string, value: unknown) => {
    if (value === '' || value === undefined || (Array.isArray(value) && value.length === 0)) delete data[key];
    else data[key] = value;
  };
  set('endedAt', entryIso(v.endedAt));
  set('seriousness', v.serious ? v.seriousness : []);
  // A serious event without an awareness time: the team is aware now, when it is recorded serious.
  set('awareAt', v.serious ? entryIso(v.awareAt) || toOffsetIso(now) : '');
  if (!v.serious) {
    delete data.sponsorNotifiedAt;
    delete data.sponsorNotificationMethod;
  }
  set('outcome', v.outcome);
  set('actions', v.actions);
  set('narrative', v.narrative.trim());
  set('comment', v.comment.trim());
  set('relatedness', v.relatedness);
  set('relationToProcedure', v.relationToProcedure);
  set('expectedness', v.expectedness);
  return data;
}

export function AdverseEventForm({
  patientId,
  event,
  initial,
  onCreated,
}: {
  patientId: string;
  /** The saved event being edited; absent for a new one. */
  event?: AdverseEventView;
  /** Prefilled values of a new event (from a check, the infusion workflow). */
  initial?: Partial<AdverseEvent>;
  onCreated?: (recordId: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const ctx = useWriteContext();
  const isPhysician = ctx?.role === 'physician';
  const canWrite = ctx?.role === 'nurse' || isPhysician;
  const form = useForm<Values>({ defaultValues: toValues(event?.data ?? initial, new Date()) });
  const draft = useDraft(
    form,
    ctx?.userId,
    event ? `adverseEvent:${event.record.id}` : `adverseEvent:new:${patientId}`,
  );
  const { register, handleSubmit, watch, control, setValue, formState, reset } = form;
  const [message, setMessage] = useState<Notice | null>(null);
  const [seenRev, setSeenRev] = useState(event?.record.rev);
  const term = watch('term');
  const serious = watch('serious');
  const info = useTermInfo(term ?? undefined, lang);
  const signatures = useRecordSignatures(event?.record);
  const hasValidSignature = !!signatures?.some((s) => s.validity === 'valid');
  const [signing, setSigning] = useState(false);
  const signButton = useRef<HTMLButtonElement>(null);
  const closeSigning = useCallback(() => {
    setSigning(false);
    signButton.current?.focus();
  }, []);
  const unsaved = formState.isDirty;

  const failed = (error: CommandError) => {
    if (error.code === 'invalid')
      return setMessage({
        tone: 'error',
        text: `${t('form.invalid')} (${error.issues.map((i) => i.path || i.message).join(', ')})`,
      });
    const key = {
      'reason-required': 'form.reasonRequired',
      forbidden: 'form.forbidden',
      stale: 'form.stale',
      'storage-full': 'storage.full',
    }[error.code as string];
    setMessage({ tone: 'error', text: t(key ?? 'form.notFound') });
  };

  const submit = handleSubmit(async (values) => {
    if (!ctx) return;
    if (!values.term || !values.grade) return setMessage({ tone: 'error', text: t('form.invalid') });
    const now = ctx.now();
    let badDate = false;
    for (const field of DATE_FIELDS) {
      const entry = values[field];
      const empty = entry.date.trim() === '' && entry.time.trim() === '';
      if (field === 'awareAt' && !values.serious) continue;
      if (empty && field !== 'onsetAt') continue;
      const reading = readDateTimeEntry(entry, { notAfter: now });
      if (!reading.ok) {
        form.setError(field, { message: t(`ui.dateTime.problem.${reading.problem}`) });
        badDate = true;
      }
    }
    if (badDate) return setMessage({ tone: 'error', text: t('form.invalid') });
    draft.cancelPending();
    const base = event?.data ?? initial;
    const data = toData(values, base, now);
    // What a nurse cannot change stays as it was (the write path refuses any change to it anyway).
    if (!isPhysician)
      for (const field of PHYSICIAN_ONLY_AE_FIELDS) {
        if (base?.[field] === undefined) delete data[field];
        else data[field] = base[field];
      }
    if (!event) {
      const result = await openAdverseEvent(getDb(), ctx, {
        patientId,
        data: data as AdverseEvent,
        ...(draft.key ? { draftKey: draft.key } : {}),
      });
      if (!result.ok) return failed(result);
      setMessage({ tone: 'ok', text: t('ae.saved') });
      onCreated?.(result.recordId);
      return;
    }
    if (!reasonSchema.safeParse(values.reason).success) {
      form.setError('reason', { message: t('form.reasonRequired') });
      return;
    }
    const result = await reviseAdverseEvent(getDb(), ctx, {
      recordId: event.record.id,
      data: data as AdverseEvent,
      reason: values.reason,
      ...(seenRev !== undefined ? { expectedRev: seenRev } : {}),
      ...(draft.key ? { draftKey: draft.key } : {}),
    });
    if (!result.ok && result.code === 'stale') {
      reset({ ...toValues(event.data, now), reason: values.reason });
      setSeenRev(event.record.rev);
    }
    if (!result.ok) return failed(result);
    reset({ ...toValues(data as AdverseEvent, now) });
    setSeenRev((seenRev ?? 0) + 1);
    setMessage({ tone: 'ok', text: t('ae.saved') });
  });

  const dateField = (name: (typeof DATE_FIELDS)[number], id: string, legend: string, hint?: string) => (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <DateTimeInput
          id={id}
          legend={legend}
          value={field.value}
          onChange={(entry) => {
            field.onChange(entry);
            form.clearErrors(name);
          }}
          notFuture
          {...(fieldState.error?.message ? { error: fieldState.error.message } : {})}
          {...(hint ? { hint } : {})}
        />
      )}
    />
  );

  const relationSelect = (name: 'relatedness' | 'relationToProcedure') => (
    <Field id={`ae-${name}`} label={t(`ae.${name}`)}>
      <select id={`ae-${name}`} {...register(name)} disabled={!isPhysician}>
        <option value="">{t('ae.notAssessed')}</option>
        {relatednessSchema.options.map((r) => (
          <option key={r} value={r}>
            {t(`ae.relation.${r}`)}
          </option>
        ))}
      </select>
    </Field>
  );

  return (
    <>
      <form onSubmit={submit} className="panel ae-form" noValidate aria-labelledby="ae-form-title">
        <h2 id="ae-form-title">{event ? t('ae.editTitle') : t('ae.newTitle')}</h2>
        <DraftChoice draft={draft} />
        {event?.record.inConflict ? (
          <p role="alert" className="pill pill-danger" data-testid="ae-conflict">
            {t('ae.conflict')}
          </p>
        ) : null}
        <fieldset disabled={!canWrite || draft.locked} className="grid">
          <div className="field">
            <span className="label">{t('ae.term')}</span>
            {term ? (
              <p data-testid="ae-term">
                <strong>{info?.name}</strong>{' '}
                {term.kind === 'ctcae' ? (
                  <span className="muted">
                    {t('ae.meddra', { code: term.meddraCode, version: term.version })}
                  </span>
                ) : (
                  <span className="pill pill-warn">{t('ae.notInCatalogue')}</span>
                )}{' '}
                {!event && (
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => setValue('term', null, { shouldDirty: true })}
                  >
                    {t('ae.changeTerm')}
                  </button>
                )}
              </p>
            ) : (
              <TermPicker
                onPick={(picked) => {
                  setValue('term', picked, { shouldDirty: true });
                  setValue('grade', '', { shouldDirty: true });
                }}
              />
            )}
          </div>
          {term && (
            <Controller
              control={control}
              name="grade"
              render={({ field }) => (
                <GradeChoice
                  name="ae-grade"
                  info={info}
                  value={field.value ? (Number(field.value) as CtcaeGrade) : undefined}
                  onChange={(g) => field.onChange(String(g))}
                  legend={event ? t('ae.grade') + ' — ' + t('ae.onsetAt') : t('ae.grade')}
                />
              )}
            />
          )}
          {dateField('onsetAt', 'ae-onset', t('ae.onsetAt'))}
          {dateField('endedAt', 'ae-end', t('ae.endedAt'))}
          <Field id="ae-outcome" label={t('ae.outcome')}>
            <select id="ae-outcome" {...register('outcome')}>
              <option value="">—</option>
              {adverseEventOutcomeSchema.options.map((o) => (
                <option key={o} value={o}>
                  {t(`ae.outcomes.${o}`)}
                </option>
              ))}
            </select>
          </Field>
          <fieldset className="checks">
            <legend>{t('ae.actions')}</legend>
            {adverseEventActionSchema.options.map((a) => (
              <label key={a} className="check">
                <input type="checkbox" value={a} {...register('actions')} /> {t(`ae.action.${a}`)}
              </label>
            ))}
          </fieldset>
          <label className="check serious-toggle">
            <input type="checkbox" data-testid="ae-serious" {...register('serious')} /> {t('ae.serious')}
          </label>
          {serious && (
            <>
              <fieldset className="checks">
                <legend>{t('ae.seriousness')}</legend>
                {seriousnessCriterionSchema.options.map((c) => (
                  <label key={c} className="check">
                    <input type="checkbox" value={c} {...register('seriousness')} /> {t(`ae.criteria.${c}`)}
                  </label>
                ))}
              </fieldset>
              {dateField('awareAt', 'ae-aware', t('ae.awareAt'), t('ae.awareAtHint'))}
            </>
          )}
          <Field id="ae-narrative" label={t('ae.narrative')}>
            <textarea id="ae-narrative" rows={3} {...register('narrative')} />
          </Field>
          <Field id="ae-comment" label={t('ae.comment')}>
            <textarea id="ae-comment" rows={2} {...register('comment')} />
          </Field>
        </fieldset>
        <fieldset className="grid physician-section" disabled={!canWrite || draft.locked}>
          <legend>{t('ae.physicianSection')}</legend>
          {!isPhysician && <p className="muted">{t('ae.physicianOnly')}</p>}
          {relationSelect('relatedness')}
          {relationSelect('relationToProcedure')}
          <Field id="ae-expectedness" label={t('ae.expectedness')}>
            <select id="ae-expectedness" {...register('expectedness')} disabled={!isPhysician}>
              <option value="">{t('ae.notAssessed')}</option>
              <option value="expected">{t('ae.expected')}</option>
              <option value="unexpected">{t('ae.unexpected')}</option>
            </select>
          </Field>
        </fieldset>
        {event && canWrite && (
          <Field id="ae-reason" label={t('ae.reasonForChange')} error={formState.errors.reason?.message}>
            <input id="ae-reason" {...register('reason')} />
          </Field>
        )}
        {event && hasValidSignature && unsaved && (
          <p role="status" className="pill pill-warn" data-testid="ae-signed-warning">
            {t('ae.signedWillInvalidate')}
          </p>
        )}
        <FormNotice notice={message} testId="ae-notice" />
        {canWrite && (
          <button type="submit" data-testid="ae-save" disabled={draft.locked}>
            {t('ae.save')}
          </button>
        )}
      </form>
      {event && (
        <section className="panel" aria-labelledby="ae-signatures-title" data-testid="ae-signatures">
          <h2 id="ae-signatures-title">{t('ae.signatures')}</h2>
          <SignatureList record={event.record} />
          {canSign(ctx?.role, 'adverse-event-grading') && (
            <>
              {unsaved && <p className="muted">{t('ae.signSaveFirst')}</p>}
              <button type="button" ref={signButton} disabled={unsaved} onClick={() => setSigning(true)}>
                {t('ae.sign')}
              </button>
            </>
          )}
          {signing && (
            <SignatureDialog
              recordId={event.record.id}
              meaning="adverse-event-grading"
              onClose={closeSigning}
            />
          )}
        </section>
      )}
    </>
  );
}
