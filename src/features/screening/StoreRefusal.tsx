import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getDb } from '@/db/database';
import type { StoredRecord } from '@/db/types';
import { trialNumberSchema } from '@/schema/participant';
import { useWriteContext } from '@/session/session-store';
import { FormNotice, type Notice } from '@/ui/FormNotice';
import { useFormat } from '@/ui/use-format';
import { refusalCode, useParticipantHistory } from './queries';
import { refusalText } from './refusal-text';
import { renumberParticipant } from './screening-commands';
import './messages';

/**
 * What the central store refused about this participant, in words, with what to do: a trial number already
 * taken (choose another: the participant and everything about it are sent again), a full cohort (not included;
 * the signed assessment stays). Nothing is hidden or dropped: the refused revision stays in the history.
 */
export function StoreRefusal({ participant }: { participant: StoredRecord }) {
  const { t } = useTranslation();
  const history = useParticipantHistory(participant.id);
  const latest = history?.filter((r) => r.status === 'rejected').at(-1);
  // A refusal stays on show until something newer about the participant was accepted or is on its way.
  if (!history || !latest || history.some((r) => r.status !== 'rejected' && r.at > latest.at)) return null;
  const code = refusalCode(latest.rejectReason);
  const allRefused = history.every((r) => r.status === 'rejected');
  return (
    <section className="panel panel-danger" role="alert" data-testid="store-refusal" data-code={code}>
      {code === 'trial-number-taken' && allRefused ? (
        <>
          <h2>{t('screening.stored.trialNumberTaken.title')}</h2>
          <p>
            {t('screening.stored.trialNumberTaken.body', { trialNumber: String(latest.data.trialNumber) })}
          </p>
          <RenumberForm participant={participant} />
        </>
      ) : code === 'cohort-full' ? (
        <>
          <h2>{t('screening.stored.cohortFull.title', { cohort: Number(latest.data.cohort) })}</h2>
          <p>{t('screening.stored.cohortFull.body', { cohort: Number(latest.data.cohort) })}</p>
        </>
      ) : (
        <>
          <h2>{t('screening.stored.other.title')}</h2>
          <p>{t('screening.stored.other.body', { reason: latest.rejectReason ?? '' })}</p>
        </>
      )}
    </section>
  );
}

function RenumberForm({ participant }: { participant: StoredRecord }) {
  const { t } = useTranslation();
  const format = useFormat();
  const ctx = useWriteContext();
  const [number, setNumber] = useState('MSC-LES-');
  const [notice, setNotice] = useState<Notice | null>(null);
  if (ctx?.role !== 'physician') return null;
  const submit = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!trialNumberSchema.safeParse(number).success)
      return setNotice({ tone: 'error', text: t('participants.trialNumberHint') });
    const result = await renumberParticipant(getDb(), ctx, {
      participantId: participant.id,
      trialNumber: number,
      reason: t('screening.stored.trialNumberTaken.reason'),
    });
    if (!result.ok) return setNotice({ tone: 'error', text: refusalText(t, format, result) });
    setNotice({ tone: 'ok', text: t('screening.stored.trialNumberTaken.done', { trialNumber: number }) });
  };
  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <div className="field">
        <label htmlFor="renumber">{t('screening.stored.trialNumberTaken.newNumber')}</label>
        <input
          id="renumber"
          autoComplete="off"
          value={number}
          onChange={(e) => setNumber(e.target.value.toUpperCase())}
        />
      </div>
      <FormNotice notice={notice} />
      <button type="submit">{t('screening.stored.trialNumberTaken.button')}</button>
    </form>
  );
}
