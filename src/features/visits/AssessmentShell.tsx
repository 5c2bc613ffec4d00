import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useForm, useWatch, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { QueryMarker, useOpenQueries } from '@/features/queries';
import { Link } from 'react-router';
import { z } from 'zod';
import { assessmentRecordId, visitRecordsOf } from '@/db/assessments';
import { createRecord, saveRevision } from '@/db/commands';
import { getDb } from '@/db/database';
import { draftKey, loadDraft } from '@/db/drafts';
import type { Draft, StoredRecord } from '@/db/types';
import type { VisitId } from '@/domain';
import {
  assessmentSchema,
  NURSE_ASSESSMENT_FORMS,
  type Assessment,
  type AssessmentForm,
} from '@/schema/assessments';
import { reasonSchema } from '@/schema/common';
import { useSession, useWriteContext } from '@/session/session-store';
import { canSign } from '@/session/signature';
import { SignatureDialog } from '@/session/SignatureDialog';
import { RecordHistory } from '@/session/RecordHistory';
import { useRecordSignatures } from '@/session/SignatureList';
import { useDraft } from '@/session/use-draft';
import { startRead, useLiveRead, useReadOnce } from '@/session/use-live-read';
import { Field } from '@/ui/Field';
import { DateInputField } from '@/ui/DateInput';
import { DraftChoice } from '@/ui/DraftChoice';
import { FormNotice, type Notice } from '@/ui/FormNotice';
import { SyncBadge } from '@/ui/SyncBadge';
import { commandMessage } from '@/db/command-message';
import { RunningScore } from './RunningScore';
import { scoreForm, type CalendarEntry } from './visit-model';
import { visitCalendar } from './visit-model';

// One frame for every visit form (issue 23): the running score from the core as the form is filled, the draft
// saved as it is typed, "save" (a first record, then revisions with a reason), the physician's signature that
// finalises it, the old signature shown invalidated after an edit, and the form's history. Two tablets writing
// the same form meet on one record id: the platform keeps both revisions as a conflict.

export type ShellValues = { data: Assessment; reason: string };
export type AssessmentBody = (props: {
  form: UseFormReturn<ShellValues>;
  entry: CalendarEntry;
  disabled: boolean;
}) => ReactNode;

const shellSchema = z.object({ data: assessmentSchema, reason: z.string() });

const today = (now: Date) => {
  const local = new Date(now.getTime() - now.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 10);
};

export type AssessmentShellProps = {
  patientId: string;
  visit: VisitId;
  form: AssessmentForm;
  /** The form's answers before anything is entered (without the common fields). */
  empty: () => Record<string, unknown>;
  body: AssessmentBody;
  /** Extra actions under the title (e.g. "hand the tablet to the participant"). */
  actions?: ReactNode;
};

/**
 * Loads the participant, the visit, the stored form and this person's draft of it, then shows the form in its
 * frame: read from the first render (the previous screen stays until the form can be shown) and opened once,
 * whole, its fields enabled — the draft read beside the rest, not after the form is shown.
 */
export function AssessmentShell(props: AssessmentShellProps) {
  const { t } = useTranslation();
  const userId = useWriteContext()?.userId;
  const { patientId, visit } = props;
  const recordId = assessmentRecordId(patientId, visit, props.form);
  const draftFormId = draftFormIdOf(recordId);
  const draftRead = `draft:${userId ?? '-'}:${draftFormId}`;
  const readDraft = () => (userId ? loadDraft(getDb(), userId, draftFormId) : Promise.resolve(undefined));
  startRead(draftRead, readDraft);
  const { participant, records, stored } = useLiveRead(`assessment:${recordId}`, () =>
    readAssessment(patientId, recordId),
  );
  const draft = useReadOnce(draftRead, readDraft);
  const infusionDate = participant?.data.infusionDate as string | undefined;
  // Kept while the visit's records are the same: the form's body (memoised) renders again only when it must.
  const entry = useMemo(
    () => visitCalendar(infusionDate, records, Date.now()).find((e) => e.visit === visit),
    [infusionDate, records, visit],
  );
  if (!participant) return <p role="alert">{t('participants.notFound')}</p>;
  if (!entry) return <p role="alert">{t('visits.noInfusionDate')}</p>;
  return (
    <AssessmentFrame
      key={recordId}
      {...props}
      participant={participant}
      entry={entry}
      recordId={recordId}
      stored={stored}
      draft={userId ? { key: draftKey(userId, draftFormId), draft } : undefined}
    />
  );
}

/** The form id of an assessment's draft (one per person and form record). */
const draftFormIdOf = (recordId: string) => `assessment:${recordId}`;

/** What a form's frame shows besides the draft: the participant, its visit records, the stored form (or null). */
async function readAssessment(patientId: string, recordId: string) {
  const db = getDb();
  const [participant, records, stored] = await Promise.all([
    db.records.get(patientId),
    visitRecordsOf(db, patientId),
    db.records.get(recordId),
  ]);
  return {
    participant: participant?.kind === 'participant' ? participant : null,
    records,
    stored: stored ?? null,
  };
}

function AssessmentFrame({
  patientId,
  visit,
  form: formId,
  empty,
  body: Body,
  actions,
  participant,
  entry,
  recordId,
  stored,
  draft: preloaded,
}: AssessmentShellProps & {
  participant: StoredRecord;
  entry: CalendarEntry;
  recordId: string;
  stored: StoredRecord | null;
  /** This person's draft as the shell read it (undefined: no one signed in to read it for). */
  draft: { key: string; draft: Draft | undefined } | undefined;
}) {
  const { t } = useTranslation();
  const ctx = useWriteContext();
  const person = useSession((s) => s.person);
  const openQueries = useOpenQueries();
  const initial = (record: StoredRecord | null): ShellValues => ({
    data: (record?.data as Assessment) ?? {
      visit,
      form: formId,
      assessedOn: today(new Date()),
      ...empty(),
    },
    reason: '',
  });
  const form = useForm<ShellValues>({ resolver: zodResolver(shellSchema), defaultValues: initial(stored) });
  const draft = useDraft(form, ctx?.userId, draftFormIdOf(recordId), undefined, preloaded);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [seenRev, setSeenRev] = useState(stored?.rev ?? 0);
  const [signing, setSigning] = useState(false);
  const signButton = useRef<HTMLButtonElement>(null);
  const { register, handleSubmit, formState, setError, reset, control } = form;
  const data = useWatch({ control, name: 'data' }) as Assessment;
  const score = scoreForm(data, entry.item.contents);
  const signatures = useRecordSignatures(stored ?? undefined);
  const valid = signatures?.some((s) => s.validity === 'valid') ?? false;
  const unsaved = formState.isDirty || !stored;
  const canWrite =
    ctx?.role === 'physician' || (ctx?.role === 'nurse' && NURSE_ASSESSMENT_FORMS.includes(formId));
  const maySign = canSign(ctx?.role, 'visit-forms');
  const lateEntry = !stored && Date.now() > entry.item.windowEnd;

  // A revision synced from another tablet while nothing is typed here: show it.
  useEffect(() => {
    if (stored && stored.rev !== seenRev && !formState.isDirty) {
      reset(initial(stored));
      setSeenRev(stored.rev);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stored?.rev]);

  const closeSigning = useCallback(() => {
    setSigning(false);
    signButton.current?.focus();
  }, []);

  const save = async (values: ShellValues, thenSign: boolean) => {
    if (!ctx) return;
    if (stored && !reasonSchema.safeParse(values.reason).success) {
      setError('reason', { message: t('form.reasonRequired') });
      return;
    }
    if (lateEntry && !reasonSchema.safeParse(values.data.lateReason ?? '').success) {
      setError('data.lateReason', { message: t('visits.lateReasonRequired') });
      return;
    }
    draft.cancelPending();
    const result = stored
      ? await saveRevision(getDb(), ctx, {
          recordId,
          data: values.data,
          reason: values.reason,
          draftKey: draft.key,
          expectedRev: seenRev,
        })
      : await createRecord(getDb(), ctx, {
          kind: 'assessment',
          recordId,
          patientId,
          data: values.data,
          draftKey: draft.key,
        });
    if (!result.ok) return setNotice({ tone: 'error', text: commandMessage(t, result) });
    reset({ data: values.data, reason: '' });
    setSeenRev(stored ? seenRev + 1 : 1);
    setNotice({ tone: 'ok', text: t('form.saved') });
    if (thenSign) setSigning(true);
  };

  // The body (a form's 24–36 items) renders again only when its inputs change; it watches what it reads itself.
  const locked = !canWrite || draft.locked;
  const body = useMemo(
    () => <Body form={form} entry={entry} disabled={locked} />,
    [Body, form, entry, locked],
  );

  const trialLabel = `${String(participant.data.trialNumber)} · ${String(participant.data.initials)}`;
  const complete = score.result.status === 'complete';
  return (
    <section className="assessment" data-testid={`assessment-${formId}`}>
      <p>
        <Link to={`/participants/${patientId}/visits/${visit}`}>
          {t('visits.backToVisit', { visit: t(`visits.visit.${visit}`) })}
        </Link>
      </p>
      <h1 data-testid="assessment-title">
        {t(`visits.form.${formId}`)} — {t(`visits.visit.${visit}`)}{' '}
        <span className="muted">{trialLabel}</span>
        {stored && <SyncBadge state={stored.syncState} />}
      </h1>
      <p className="actions" data-testid="assessment-status">
        {stored && <QueryMarker threads={openQueries?.get(stored.id)} />}
        {!stored ? (
          <span className="pill pill-warn">{t('visits.status.notSaved')}</span>
        ) : valid ? (
          <span className="pill pill-ok">{t('visits.status.finalised')}</span>
        ) : signatures?.length ? (
          <span className="pill pill-danger">{t('visits.status.signatureInvalidated')}</span>
        ) : (
          <span className="pill pill-warn">{t('visits.status.savedNotSigned')}</span>
        )}
        {data.respondent === 'participant' && (
          <span className="pill" data-testid="respondent">
            {t('visits.respondentParticipant', { via: data.via ?? '—' })}
          </span>
        )}
        {stored?.inConflict === 1 && (
          <Link className="pill pill-danger" to="/conflicts">
            {t('visits.inConflict')}
          </Link>
        )}
      </p>
      {actions}
      <RunningScore score={score} />
      {canWrite && <DraftChoice draft={draft} />}
      <form
        className="panel"
        noValidate
        onSubmit={handleSubmit((values) => save(values, false))}
        aria-label={t(`visits.form.${formId}`)}
      >
        <fieldset disabled={locked} className="assessment-fields">
          {body}
          <div className="grid">
            <Field id="assessedOn" label={t('visits.assessedOn')}>
              <DateInputField control={control} name="data.assessedOn" id="assessedOn" />
            </Field>
            {lateEntry && (
              <Field
                id="lateReason"
                label={t('visits.lateReason')}
                error={
                  formState.errors.data && 'lateReason' in formState.errors.data
                    ? t('visits.lateReasonRequired')
                    : undefined
                }
              >
                <input
                  id="lateReason"
                  {...register('data.lateReason', { setValueAs: (v: string) => v || undefined })}
                />
              </Field>
            )}
            {stored && (
              <Field id="reason" label={t('form.reasonForChange')} error={formState.errors.reason?.message}>
                <input id="reason" {...register('reason')} />
              </Field>
            )}
          </div>
        </fieldset>
        {stored && valid && formState.isDirty && (
          <p role="status" className="pill pill-warn" data-testid="signed-warning">
            {t('visits.signedWillInvalidate')}
          </p>
        )}
        <FormNotice notice={notice} testId="assessment-notice" />
        {!canWrite && <p className="muted">{t('visits.physicianOnly')}</p>}
        {canWrite && (
          <div className="actions">
            {maySign && (
              <button
                type="button"
                ref={signButton}
                disabled={draft.locked || !complete || (!unsaved && valid)}
                onClick={() =>
                  unsaved ? void handleSubmit((values) => save(values, true))() : setSigning(true)
                }
              >
                {unsaved ? t('visits.saveAndSign') : t('visits.sign')}
              </button>
            )}
            <button
              type="submit"
              className={maySign ? 'secondary' : undefined}
              disabled={draft.locked || !unsaved}
            >
              {t('visits.save')}
            </button>
            {maySign && !complete && <span className="muted">{t('visits.signNeedsComplete')}</span>}
            {!maySign && <span className="muted">{t('visits.physicianSigns')}</span>}
          </div>
        )}
      </form>
      {stored && (
        <section className="panel" aria-label={t('visits.history')} data-testid="form-history">
          <h2>{t('visits.history')}</h2>
          <RecordHistory record={stored} />
        </section>
      )}
      {signing && stored && (
        <SignatureDialog recordId={stored.id} meaning="visit-forms" onClose={closeSigning} />
      )}
      {person && null}
    </section>
  );
}
