import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getDb } from '@/db/database';
import type { StoredRecord } from '@/db/types';
import type { Participant } from '@/schema/participant';
import { useWriteContext } from '@/session/session-store';
import { FormNotice, type Notice } from '@/ui/FormNotice';
import { useFormat } from '@/ui/use-format';
import { dateTextFromIso, isoFromDateText } from './fact-values';
import { refusalText } from './refusal-text';
import { withdrawParticipant } from './screening-commands';

/**
 * Withdrawal from the study (physician): its date, not after today, and its reason, written as a revision of the
 * participant record; once withdrawn, the date and reason are shown instead.
 */
export function WithdrawalPanel({ participant, today }: { participant: StoredRecord; today: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const ctx = useWriteContext();
  const p = participant.data as Participant;
  const [open, setOpen] = useState(false);
  const [date, setDate] = useState(dateTextFromIso(today));
  const [text, setText] = useState('');
  const [notice, setNotice] = useState<Notice | null>(null);
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
  const save = async () => {
    const iso = isoFromDateText(date);
    if (!iso) return setNotice({ tone: 'error', text: t('screening.dateInvalid') });
    if (iso > today) return setNotice({ tone: 'error', text: t('screening.dateFuture') });
    if (!text.trim()) return setNotice({ tone: 'error', text: t('form.reasonRequired') });
    const result = await withdrawParticipant(getDb(), ctx, {
      participantId: participant.id,
      withdrawalDate: iso,
      withdrawalReason: text,
      today,
      reason: t('screening.withdrawal.reason'),
    });
    if (!result.ok) return setNotice({ tone: 'error', text: refusalText(t, format, result) });
    setNotice(null);
    setOpen(false);
  };
  return (
    <section className="panel" aria-labelledby="withdrawal-title" data-testid="withdrawal">
      <h2 id="withdrawal-title">{t('screening.withdrawal.title')}</h2>
      <div className="field">
        <label htmlFor="withdrawal-date">{t('screening.withdrawal.date')}</label>
        <input
          id="withdrawal-date"
          inputMode="numeric"
          placeholder={t('screening.dateHint')}
          value={date}
          onChange={(e) => setDate(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="withdrawal-reason">{t('screening.withdrawal.reasonLabel')}</label>
        <textarea id="withdrawal-reason" rows={3} value={text} onChange={(e) => setText(e.target.value)} />
      </div>
      <FormNotice notice={notice} />
      <button type="button" onClick={() => void save()} data-testid="withdraw">
        {t('screening.withdrawal.button')}
      </button>
    </section>
  );
}
