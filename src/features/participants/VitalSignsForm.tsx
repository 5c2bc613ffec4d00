import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { recordObservation } from '@/db/commands';
import { getDb } from '@/db/database';
import { VITAL_BOUNDS, VITAL_FIELDS, type VitalField } from '@/schema/vital-signs';
import { useDraft } from '@/session/use-draft';
import { useWriteContext } from '@/session/session-store';
import { Field } from '@/ui/Field';
import { DraftChoice } from '@/ui/DraftChoice';
import { FormNotice, type Notice } from '@/ui/FormNotice';
import { parseDecimal } from '@/ui/format';
import { resolveMeasuredAt } from '@/ui/measured-at';
import { MeasuredAtField } from '@/ui/MeasuredAtField';
import { commandMessage } from './command-message';

// Fields are typed as text (numeric keypad, comma or point) and checked against the physiological bounds of the
// record schema. The time is the moment of saving unless set by hand (`MeasuredAtField`).
const vitalsFormSchema = z.object({
  takenAt: z.object({ date: z.string(), time: z.string() }).nullable(),
  ...(Object.fromEntries(VITAL_FIELDS.map((f) => [f, z.string()])) as Record<VitalField, z.ZodString>),
  comment: z.string().max(2000),
});
type VitalsForm = z.infer<typeof vitalsFormSchema>;

const emptyForm = (): VitalsForm => ({
  takenAt: null,
  sbp: '',
  dbp: '',
  hr: '',
  temperatureC: '',
  spo2: '',
  rr: '',
  comment: '',
});

export function VitalSignsForm({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const ctx = useWriteContext();
  const form = useForm<VitalsForm>({
    resolver: zodResolver(vitalsFormSchema),
    defaultValues: emptyForm(),
  });
  const draft = useDraft(form, ctx?.userId, `vitals:${patientId}`, vitalsFormSchema);
  const [message, setMessage] = useState<Notice | null>(null);
  const { register, handleSubmit, formState, setError, reset, control } = form;
  const canWrite = ctx?.role === 'nurse' || ctx?.role === 'physician';

  const submit = handleSubmit(async (values) => {
    if (!ctx) return;
    let valid = true;
    const numbers: Partial<Record<VitalField, number>> = {};
    for (const field of VITAL_FIELDS) {
      const value = parseDecimal(values[field]);
      const { min, max } = VITAL_BOUNDS[field];
      if (value === undefined) {
        // Something typed that is no number ("12O") is not the same as nothing typed.
        setError(field, { message: t(values[field].trim() ? 'vitals.notANumber' : 'vitals.required') });
        valid = false;
      } else if (value < min || value > max) {
        setError(field, { message: t('vitals.outOfBounds', { min, max }) });
        valid = false;
      } else numbers[field] = value;
    }
    // The clock is read now, at the tap on Save: the page may have been open for an hour.
    const takenAt = resolveMeasuredAt(values.takenAt, new Date());
    if (!takenAt.ok) {
      setError('takenAt', { message: t(`ui.dateTime.problem.${takenAt.problem}`) });
      valid = false;
    }
    if (!valid || !takenAt.ok) return;
    draft.cancelPending();
    const data = {
      takenAt: takenAt.at,
      ...(takenAt.byHand ? { takenAtByHand: true } : {}),
      ...numbers,
      ...(values.comment ? { comment: values.comment } : {}),
    };
    const result = await recordObservation(getDb(), ctx, {
      kind: 'vitalSigns',
      patientId,
      data,
      draftKey: draft.key,
    });
    if (!result.ok) {
      if (result.code === 'invalid')
        for (const issue of result.issues)
          setError(issue.path as keyof VitalsForm, { message: t('form.invalid') });
      return setMessage({ tone: 'error', text: commandMessage(t, result) });
    }
    reset(emptyForm());
    setMessage({ tone: 'ok', text: t('vitals.saved') });
  });

  if (!canWrite) return null;
  return (
    <form
      onSubmit={submit}
      className="panel"
      noValidate
      aria-labelledby="vitals-title"
      data-testid="vitals-form"
    >
      <h2 id="vitals-title">{t('vitals.title')}</h2>
      <DraftChoice draft={draft} />
      <fieldset className="grid" disabled={draft.locked}>
        <Controller
          control={control}
          name="takenAt"
          render={({ field, fieldState }) => (
            <MeasuredAtField
              id="takenAt"
              legend={t('vitals.takenAt')}
              value={field.value}
              onChange={field.onChange}
              error={fieldState.error?.message}
              restored={draft.isRestored('takenAt')}
            />
          )}
        />
        {VITAL_FIELDS.map((field) => (
          <Field
            key={field}
            id={field}
            label={t(`vitals.${field}`)}
            error={formState.errors[field]?.message}
            restored={draft.isRestored(field)}
          >
            <input id={field} inputMode="decimal" autoComplete="off" {...register(field)} />
          </Field>
        ))}
        <Field id="vitals-comment" label={t('vitals.comment')} restored={draft.isRestored('comment')}>
          <input id="vitals-comment" {...register('comment')} />
        </Field>
      </fieldset>
      <FormNotice notice={message} />
      <button type="submit" disabled={draft.locked}>
        {t('vitals.save')}
      </button>
    </form>
  );
}
