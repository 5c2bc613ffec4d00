import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { getDb } from '@/db/database';
import type { StoredRecord } from '@/db/types';
import type { Participant } from '@/schema/participant';
import { useWriteContext } from '@/session/session-store';
import { useDraft } from '@/session/use-draft';
import { DraftChoice } from '@/ui/DraftChoice';
import { FormNotice, type Notice } from '@/ui/FormNotice';
import { useFormat } from '@/ui/use-format';
import { dateTextFromIso, isoFromDateText } from '@/ui/date-time-entry';
import { refusalText } from './refusal-text';
import { withdrawParticipant } from './screening-commands';

type WithdrawalValues = { date: string; text: string };

/**
 * Withdrawal from the study (physician): its date, not after today, and its reason, written as a revision of the
 * participant record; once withdrawn, the date and reason are shown instead. What is typed is a draft (a lock
 * or a reload brings the open form back with it).
 */
export function WithdrawalPanel({ participant, today }: { participant: StoredRecord; today: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const ctx = useWriteContext();
  const p = participant.data as Participant;
  const [opened, setOpen] = useState(false);
  const form = useForm<WithdrawalValues>({ defaultValues: { date: dateTextFromIso(today), text: '' } });
  const draft = useDraft(form, ctx?.userId, `withdrawal:${participant.id}`);
  const [notice, setNotice] = useState<Notice | null>(null);
  const open = opened || draft.status === 'restored' || draft.status === 'offered';
  if (p.status === 'withdrawn')
    return (
      <p className="pill pill-danger" data-testid="withdrawn">
        {t('screening.withdrawal.done', {
          date: p.withdrawalDate ? format.date(`${p.withdrawalDate}T12:00:00`) : '',
          reason: p.withdrawalReason ?? '',
        })}
      </p>
    );
  if (ctx?.role !== 'physician' || p.status === 'screen-failed') return null;
  if (!open)
    return (
      <p>
        <button type="button" className="secondary" onClick={() => setOpen(true)} data-testid="withdraw-open">
          {t('screening.withdrawal.title')}
        </button>
      </p>
    );
  const save = async ({ date, text }: WithdrawalValues) => {
    const iso = isoFromDateText(date);
    if (!iso) return setNotice({ tone: 'error', text: t('screening.dateInvalid') });
    if (iso > today) return setNotice({ tone: 'error', text: t('screening.dateFuture') });
    if (!text.trim()) return setNotice({ tone: 'error', text: t('form.reasonRequired') });
    draft.cancelPending();
    const result = await withdrawParticipant(getDb(), ctx, {
      participantId: participant.id,
      withdrawalDate: iso,
      withdrawalReason: text,
      today,
      reason: t('screening.withdrawal.reason'),
      ...(draft.key ? { draftKey: draft.key } : {}),
    });
    if (!result.ok) return setNotice({ tone: 'error', text: refusalText(t, format, result) });
    setNotice(null);
    setOpen(false);
  };
  return (
    <section className="panel" aria-labelledby="withdrawal-title" data-testid="withdrawal">
      <h2 id="withdrawal-title">{t('screening.withdrawal.title')}</h2>
      <DraftChoice draft={draft} testId="withdrawal-draft" />
      <fieldset className="plain" disabled={draft.locked}>
        <div className="field">
          <label htmlFor="withdrawal-date">{t('screening.withdrawal.date')}</label>
          <input
            id="withdrawal-date"
            inputMode="numeric"
            placeholder={t('screening.dateHint')}
            {...form.register('date')}
          />
        </div>
        <div className="field">
          <label htmlFor="withdrawal-reason">{t('screening.withdrawal.reasonLabel')}</label>
          <textarea id="withdrawal-reason" rows={3} {...form.register('text')} />
        </div>
      </fieldset>
      <FormNotice notice={notice} />
      <div className="actions">
        <button
          type="button"
          disabled={draft.locked}
          onClick={() => void form.handleSubmit(save)()}
          data-testid="withdraw"
        >
          {t('screening.withdrawal.button')}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => void draft.discard().then(() => setOpen(false))}
        >
          {t('form.cancel')}
        </button>
      </div>
    </section>
  );
}
