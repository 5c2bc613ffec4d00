import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { saveRevision } from '@/db/commands';
import { getDb } from '@/db/database';
import type { StoredRecord } from '@/db/types';
import { reasonSchema } from '@/schema/common';
import { useWriteContext } from '@/session/session-store';
import { canSign } from '@/session/signature';
import { SignatureDialog } from '@/session/SignatureDialog';
import { SignatureList, useRecordSignatures } from '@/session/SignatureList';
import { useDraft } from '@/session/use-draft';
import { dateTextFromIso, isoFromDateText } from '@/ui/date-time-entry';
import { DraftChoice } from '@/ui/DraftChoice';
import { Field } from '@/ui/Field';
import { FormNotice, type Notice } from '@/ui/FormNotice';
import { commandMessage } from './command-message';

// The dossier form edits the revisable fields; identity (trial number, initials) is shown, not edited here.
const dossierSchema = z.object({
  sex: z.enum(['', 'F', 'M']),
  inclusionDate: z.string(),
  infusionDate: z.string(),
  comment: z.string().max(2000),
  reason: z.string(),
});
type Dossier = z.infer<typeof dossierSchema>;

const DATE_FIELDS = ['inclusionDate', 'infusionDate'] as const;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** What was typed (day/month/year; an ISO date is read too) → 'YYYY-MM-DD', '' when empty, undefined if invalid. */
function isoDate(text: string): string | undefined {
  const trimmed = text.trim();
  if (!trimmed) return '';
  // An ISO date is read as the same day typed day first (so that an impossible one is refused alike).
  return isoFromDateText(ISO_DATE.test(trimmed) ? dateTextFromIso(trimmed) : trimmed);
}

function toForm(data: Record<string, unknown>): Dossier {
  const text = (key: string) => (typeof data[key] === 'string' ? (data[key] as string) : '');
  return {
    sex: (text('sex') as Dossier['sex']) || '',
    inclusionDate: dateTextFromIso(text('inclusionDate')),
    infusionDate: dateTextFromIso(text('infusionDate')),
    comment: text('comment'),
    reason: '',
  };
}

export function ParticipantDossier({ participant }: { participant: StoredRecord }) {
  const { t } = useTranslation();
  const ctx = useWriteContext();
  const form = useForm<Dossier>({
    resolver: zodResolver(dossierSchema),
    defaultValues: toForm(participant.data),
  });
  const draft = useDraft(form, ctx?.userId, `participant:${participant.id}`, dossierSchema);
  const [message, setMessage] = useState<Notice | null>(null);
  // The revision the person is editing: a sync that brings a newer one must not be silently overwritten.
  const [seenRev, setSeenRev] = useState(participant.rev);
  const { register, handleSubmit, formState, setError, reset } = form;
  const canEdit = ctx?.role === 'physician';
  const maySign = canSign(ctx?.role, 'participant-dossier');
  const [signing, setSigning] = useState(false);
  const [signed, setSigned] = useState(false);
  const signButton = useRef<HTMLButtonElement>(null);
  const closeSigning = useCallback(() => {
    setSigning(false);
    signButton.current?.focus();
  }, []);
  const signatures = useRecordSignatures(participant);
  const hasValidSignature = !!signatures?.some((s) => s.validity === 'valid');
  // The signature covers the stored revision, not unsaved values in the form.
  const unsaved = formState.isDirty;

  const submit = handleSubmit(async ({ reason, ...values }) => {
    if (!ctx) return;
    if (!reasonSchema.safeParse(reason).success)
      return setError('reason', { message: t('form.reasonRequired') });
    const dates: Partial<Record<(typeof DATE_FIELDS)[number], string>> = {};
    for (const field of DATE_FIELDS) {
      const iso = isoDate(values[field]);
      if (iso === undefined) return setError(field, { message: t('ui.dateTime.problem.invalidDate') });
      dates[field] = iso;
    }
    draft.cancelPending();
    const data = Object.fromEntries(
      Object.entries({ ...participant.data, ...values, ...dates }).filter(
        ([, v]) => v !== '' && v !== undefined,
      ),
    );
    const result = await saveRevision(getDb(), ctx, {
      recordId: participant.id,
      data,
      reason,
      draftKey: draft.key,
      expectedRev: seenRev,
    });
    if (!result.ok && result.code === 'stale') {
      // Show the newer values, keep the person's reason; their draft is still saved.
      reset({ ...toForm(participant.data), reason });
      setSeenRev(participant.rev);
    }
    if (!result.ok) return setMessage({ tone: 'error', text: commandMessage(t, result) });
    reset({ ...toForm(data), reason: '' });
    setSeenRev(seenRev + 1);
    setSigned(false);
    setMessage({ tone: 'ok', text: t('form.saved') });
  });

  return (
    <>
      <form onSubmit={submit} className="panel" noValidate aria-labelledby="dossier-title">
        <h2 id="dossier-title">{t('participants.dossier')}</h2>
        {!canEdit && <p className="muted">{t('participants.onlyPhysician')}</p>}
        {canEdit && <DraftChoice draft={draft} />}
        <fieldset disabled={!canEdit || draft.locked} className="grid">
          <Field id="sex" label={t('participants.sex')}>
            <select id="sex" {...register('sex')}>
              <option value="">—</option>
              <option value="F">{t('participants.sexF')}</option>
              <option value="M">{t('participants.sexM')}</option>
            </select>
          </Field>
          {/* The status is the workflow's (screening, inclusion, withdrawal: each with its rules, date and
              reason), never set by hand here. */}
          <Field id="status" label={t('participants.status')} hint={t('participants.statusByWorkflow')}>
            <output id="status" data-testid="dossier-status">
              {participant.data.status ? t(`participants.statuses.${String(participant.data.status)}`) : '—'}
            </output>
          </Field>
          {DATE_FIELDS.map((field) => (
            <Field
              key={field}
              id={field}
              label={t(`participants.${field}`)}
              error={formState.errors[field]?.message}
            >
              <input
                id={field}
                inputMode="numeric"
                autoComplete="off"
                placeholder={t('ui.dateTime.datePlaceholder')}
                {...register(field)}
              />
            </Field>
          ))}
          <Field id="comment" label={t('participants.comment')}>
            <textarea id="comment" rows={2} {...register('comment')} />
          </Field>
          <Field id="reason" label={t('form.reasonForChange')} error={formState.errors.reason?.message}>
            <input id="reason" {...register('reason')} />
          </Field>
        </fieldset>
        <FormNotice notice={message} />
        {canEdit && hasValidSignature && unsaved && (
          <p role="status" className="pill pill-warn" data-testid="dossier-signed-warning">
            {t('participants.signedWillInvalidate')}
          </p>
        )}
        {canEdit && (
          <button type="submit" disabled={draft.locked}>
            {t('participants.saveDossier')}
          </button>
        )}
      </form>
      <section className="panel" aria-labelledby="dossier-signatures-title" data-testid="dossier-signatures">
        <h2 id="dossier-signatures-title">{t('participants.signatures')}</h2>
        <SignatureList record={participant} />
        {signed && (
          <p role="status" className="pill pill-ok">
            {t('signature.signed')}
          </p>
        )}
        {maySign && (
          <>
            {unsaved && <p className="muted">{t('participants.signSaveFirst')}</p>}
            <button
              type="button"
              ref={signButton}
              disabled={unsaved}
              onClick={() => {
                setSigned(false);
                setSigning(true);
              }}
            >
              {t('participants.signDossier')}
            </button>
          </>
        )}
        {signing && (
          <SignatureDialog
            recordId={participant.id}
            meaning="participant-dossier"
            onClose={closeSigning}
            onSigned={() => setSigned(true)}
          />
        )}
      </section>
    </>
  );
}
