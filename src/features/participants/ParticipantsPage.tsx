import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { createRecord } from '@/db/commands';
import { getDb } from '@/db/database';
import { initialsSchema, participantSchema, trialNumberSchema } from '@/schema/participant';
import { NextVisit } from '@/features/visits';
import { useDraft } from '@/session/use-draft';
import { useWriteContext } from '@/session/session-store';
import { DraftChoice } from '@/ui/DraftChoice';
import { Field } from '@/ui/Field';
import { useFormat } from '@/ui/use-format';
import { SyncBadge } from '@/ui/SyncBadge';
import { commandMessage } from './command-message';
import { useParticipantRows, type NextStep } from './participant-rows';
import './participants.css';
import '@/features/screening/messages';

const newParticipantSchema = z.object({ trialNumber: trialNumberSchema, initials: initialsSchema });
type NewParticipant = z.infer<typeof newParticipantSchema>;
// A draft is what was typed so far: not yet a valid trial number.
const newDraftSchema = z.object({ trialNumber: z.string(), initials: z.string() });

const STATUSES: readonly string[] = participantSchema.shape.status.unwrap().options;

export default function ParticipantsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const [now] = useState(() => Date.now());
  const rows = useParticipantRows(localDate(new Date(now)));
  const ctx = useWriteContext();
  // The filter and the open "new participant" form are in the address (?status=…, ?new=1), so that after a
  // lock the person is back on this very screen: the router keeps the address, the form its draft.
  const [params, setParams] = useSearchParams();
  const setParam = (name: string, value: string | undefined) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(name, value);
        else next.delete(name);
        return next;
      },
      { replace: true },
    );
  const filter = STATUSES.includes(params.get('status') ?? '') ? params.get('status')! : 'all';
  const setFilter = (status: string) => setParam('status', status === 'all' ? undefined : status);
  const creating = params.get('new') === '1';
  const setCreating = (open: boolean) => setParam('new', open ? '1' : undefined);
  const shown = rows?.filter((row) => filter === 'all' || row.status === filter);
  return (
    <section>
      <h1>{t('participants.title')}</h1>
      {(ctx?.role === 'physician' || ctx?.role === 'data-manager') && (
        <p>
          <Link to="/overview">{t('visits.overview')}</Link>
        </p>
      )}
      <p className="actions">
        <Link to="/dose-decision">{t('screening.list.decision')}</Link> ·{' '}
        <Link to="/trial-config">{t('screening.list.config')}</Link>
      </p>
      {rows?.length === 0 && <p>{t('participants.empty')}</p>}
      {!!rows?.length && (
        <div className="status-filter" role="group" aria-label={t('screening.list.filter')}>
          {['all', ...STATUSES].map((status) => (
            <button
              key={status}
              type="button"
              className="secondary"
              aria-pressed={filter === status}
              onClick={() => setFilter(status)}
            >
              {status === 'all' ? t('screening.list.all') : t(`participants.statuses.${status}`)} (
              {status === 'all' ? rows.length : rows.filter((r) => r.status === status).length})
            </button>
          ))}
        </div>
      )}
      <ul className="cards participant-rows" data-testid="participant-list">
        {shown?.map((row) => (
          <li
            key={row.record.id}
            className="card participant-row"
            data-testid={`participant-row-${row.participant.trialNumber}`}
          >
            <Link to={`/participants/${row.record.id}`} className="card-link">
              <strong>{row.participant.trialNumber}</strong>
              <span className="row-who">
                {row.participant.initials}
                {row.sex && ` · ${t(`participants.sex${row.sex}`)}`}
                {row.ageYears !== undefined && ` · ${t('screening.list.age', { age: row.ageYears })}`}
                {row.participant.doseLevel !== undefined &&
                  ` · ${t('screening.list.dose', { dose: row.participant.doseLevel })}`}
              </span>
              <span data-testid="row-status" className="row-status">
                <span>{t(`participants.statuses.${row.status}`)}</span>{' '}
                {row.status === 'screen-failed' && row.participant.screenFailureReason && (
                  <span className="row-status-reason">
                    {t('screening.list.failureReason', { reason: row.participant.screenFailureReason })}
                  </span>
                )}
                {row.status === 'withdrawn' && (
                  <span className="row-status-reason">
                    {t('screening.list.withdrawnOn', {
                      date: row.participant.withdrawalDate
                        ? format.date(`${row.participant.withdrawalDate}T12:00:00`)
                        : '—',
                      reason: row.participant.withdrawalReason ?? '',
                    })}
                  </span>
                )}
              </span>
              <span className="row-next">
                {row.next.step !== 'none' && (
                  <span className="muted" data-testid="row-next">
                    {nextText(t, format, row.next)}
                  </span>
                )}
                <NextVisit participant={row.record} />
              </span>
            </Link>
            <SyncBadge state={row.record.syncState} />
          </li>
        ))}
      </ul>
      {ctx?.role === 'physician' &&
        (creating ? (
          <NewParticipantForm onDone={() => setCreating(false)} suggested={nextFreeNumber(rows ?? [])} />
        ) : (
          <button type="button" onClick={() => setCreating(true)}>
            {t('participants.new')}
          </button>
        ))}
    </section>
  );
}

function localDate(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function nextText(t: TFunction, format: ReturnType<typeof useFormat>, next: NextStep): string {
  switch (next.step) {
    case 'completeEligibility':
      return t('screening.list.next.completeEligibility', { count: next.count });
    default:
      return t(`screening.list.next.${next.step}`);
  }
}

/** The next number after the highest this tablet knows (the store still refuses a number another tablet took). */
function nextFreeNumber(rows: readonly { participant: { trialNumber: string } }[]): string {
  const highest = Math.max(0, ...rows.map((r) => Number(r.participant.trialNumber.slice(-2)) || 0));
  return highest < 99 ? `MSC-LES-${String(highest + 1).padStart(2, '0')}` : 'MSC-LES-';
}

function NewParticipantForm({ onDone, suggested }: { onDone: () => void; suggested: string }) {
  const { t } = useTranslation();
  const ctx = useWriteContext();
  const navigate = useNavigate();
  const form = useForm<NewParticipant>({
    resolver: zodResolver(newParticipantSchema),
    defaultValues: { trialNumber: suggested, initials: '' },
  });
  const draft = useDraft(form, ctx?.userId, 'participant:new', newDraftSchema);
  const [error, setError] = useState<string | null>(null);
  const { register, handleSubmit, formState } = form;

  const submit = handleSubmit(async (values) => {
    if (!ctx) return;
    draft.cancelPending();
    const id = uuidv7();
    const result = await createRecord(getDb(), ctx, {
      kind: 'participant',
      recordId: id,
      patientId: id,
      data: values,
      draftKey: draft.key,
    });
    if (!result.ok) return setError(commandMessage(t, result));
    void navigate(`/participants/${id}`);
  });

  return (
    <form onSubmit={submit} className="panel" noValidate>
      <h2>{t('participants.new')}</h2>
      <DraftChoice draft={draft} />
      <fieldset className="grid" disabled={draft.locked}>
        <Field
          id="trialNumber"
          label={t('participants.trialNumber')}
          hint={t('participants.trialNumberHint')}
          error={formState.errors.trialNumber && t('participants.trialNumberHint')}
        >
          <input id="trialNumber" autoComplete="off" {...register('trialNumber')} />
        </Field>
        <Field
          id="initials"
          label={t('participants.initials')}
          hint={t('participants.initialsHint')}
          error={formState.errors.initials && t('participants.initialsHint')}
        >
          <input
            id="initials"
            autoComplete="off"
            autoCapitalize="characters"
            {...register('initials', { setValueAs: (v: string) => v.toUpperCase() })}
          />
        </Field>
      </fieldset>
      {error && (
        <p role="alert" className="field-error">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={draft.locked}>
          {t('participants.create')}
        </button>
        <button type="button" className="secondary" onClick={() => void draft.discard().then(onDone)}>
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
