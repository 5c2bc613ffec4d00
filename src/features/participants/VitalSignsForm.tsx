import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { recordObservation } from '@/db/commands';
import { getDb } from '@/db/database';
import { VITAL_BOUNDS, VITAL_FIELDS, type VitalField } from '@/schema/vital-signs';
import { useDraft } from '@/session/use-draft';
import { useWriteContext } from '@/session/session-store';
import { Field } from '@/ui/Field';
import { FormNotice, type Notice } from '@/ui/FormNotice';
import { commandMessage } from './command-message';

// Fields are typed as text (numeric keypad) and checked against the physiological bounds of the record schema.
const vitalsFormSchema = z.object({
  takenAt: z.string().min(1),
  ...(Object.fromEntries(VITAL_FIELDS.map((f) => [f, z.string()])) as Record<VitalField, z.ZodString>),
  comment: z.string().max(2000),
});
type VitalsForm = z.infer<typeof vitalsFormSchema>;

const localInputValue = (date: Date) => {
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
};
const emptyForm = (now: Date): VitalsForm => ({
  takenAt: localInputValue(now),
  sbp: '',
  dbp: '',
  hr: '',
  temperatureC: '',
  spo2: '',
  rr: '',
  comment: '',
});

/** Offsetted ISO time (the wire contract wants an offset) from a datetime-local value. */
function toOffsetIso(local: string): string {
  const date = new Date(local);
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const pad = (n: number) => String(Math.floor(Math.abs(n))).padStart(2, '0');
  return `${local.length === 16 ? `${local}:00` : local}${sign}${pad(offset / 60)}:${pad(offset % 60)}`;
}

export function VitalSignsForm({ patientId }: { patientId: string }) {
  const { t } = useTranslation();
  const ctx = useWriteContext();
  const form = useForm<VitalsForm>({
    resolver: zodResolver(vitalsFormSchema),
    defaultValues: emptyForm(new Date()),
  });
  const draft = useDraft(form, ctx?.userId, `vitals:${patientId}`);
  const [message, setMessage] = useState<Notice | null>(null);
  const { register, handleSubmit, formState, setError, reset } = form;
  const canWrite = ctx?.role === 'nurse' || ctx?.role === 'physician';

  const submit = handleSubmit(async (values) => {
    if (!ctx) return;
    let valid = true;
    const numbers: Partial<Record<VitalField, number>> = {};
    for (const field of VITAL_FIELDS) {
      const raw = values[field].replace(',', '.').trim();
      const value = Number(raw);
      const { min, max } = VITAL_BOUNDS[field];
      if (raw === '' || !Number.isFinite(value)) {
        setError(field, { message: t('vitals.required') });
        valid = false;
      } else if (value < min || value > max) {
        setError(field, { message: t('vitals.outOfBounds', { min, max }) });
        valid = false;
      } else numbers[field] = value;
    }
    if (!valid) return;
    draft.cancelPending();
    const data = {
      takenAt: toOffsetIso(values.takenAt),
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
    reset(emptyForm(new Date()));
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
      {draft.restoredAt && (
        <p className="pill pill-warn" data-testid="draft-restored">
          {t('form.draftRestored', { when: new Date(draft.restoredAt).toLocaleString() })}
        </p>
      )}
      <div className="grid">
        <Field id="takenAt" label={t('vitals.takenAt')}>
          <input id="takenAt" type="datetime-local" {...register('takenAt')} />
        </Field>
        {VITAL_FIELDS.map((field) => (
          <Field key={field} id={field} label={t(`vitals.${field}`)} error={formState.errors[field]?.message}>
            <input id={field} inputMode="decimal" autoComplete="off" {...register(field)} />
          </Field>
        ))}
        <Field id="vitals-comment" label={t('vitals.comment')}>
          <input id="vitals-comment" {...register('comment')} />
        </Field>
      </div>
      <FormNotice notice={message} />
      <button type="submit">{t('vitals.save')}</button>
    </form>
  );
}
