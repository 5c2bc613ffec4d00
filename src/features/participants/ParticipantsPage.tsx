import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { v7 as uuidv7 } from 'uuid';
import { z } from 'zod';
import { createRecord } from '@/db/commands';
import { getDb } from '@/db/database';
import { initialsSchema, trialNumberSchema } from '@/schema/participant';
import { NextVisit } from '@/features/visits';
import { useDraft } from '@/session/use-draft';
import { useWriteContext } from '@/session/session-store';
import { DraftChoice } from '@/ui/DraftChoice';
import { Field } from '@/ui/Field';
import { SyncBadge } from '@/ui/SyncBadge';
import { commandMessage } from './command-message';
import { useParticipants } from './queries';

const newParticipantSchema = z.object({ trialNumber: trialNumberSchema, initials: initialsSchema });
type NewParticipant = z.infer<typeof newParticipantSchema>;
// A draft is what was typed so far: not yet a valid trial number.
const newDraftSchema = z.object({ trialNumber: z.string(), initials: z.string() });

export default function ParticipantsPage() {
  const { t } = useTranslation();
  const participants = useParticipants();
  const ctx = useWriteContext();
  const [creating, setCreating] = useState(false);
  return (
    <section>
      <h1>{t('participants.title')}</h1>
      {(ctx?.role === 'physician' || ctx?.role === 'data-manager') && (
        <p>
          <Link to="/overview">{t('visits.overview')}</Link>
        </p>
      )}
      {participants?.length === 0 && <p>{t('participants.empty')}</p>}
      <ul className="cards" data-testid="participant-list">
        {participants?.map((p) => (
          <li key={p.id} className="card">
            <Link to={`/participants/${p.id}`} className="card-link">
              <strong>{String(p.data.trialNumber)}</strong> · {String(p.data.initials)}
              {typeof p.data.status === 'string' && (
                <span className="muted"> — {t(`participants.statuses.${p.data.status}`)}</span>
              )}
            </Link>
            <NextVisit participant={p} />
            <SyncBadge state={p.syncState} />
          </li>
        ))}
      </ul>
      {ctx?.role === 'physician' &&
        (creating ? (
          <NewParticipantForm onDone={() => setCreating(false)} />
        ) : (
          <button type="button" onClick={() => setCreating(true)}>
            {t('participants.new')}
          </button>
        ))}
    </section>
  );
}

function NewParticipantForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const ctx = useWriteContext();
  const navigate = useNavigate();
  const form = useForm<NewParticipant>({
    resolver: zodResolver(newParticipantSchema),
    defaultValues: { trialNumber: 'MSC-LES-', initials: '' },
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
    onDone();
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
