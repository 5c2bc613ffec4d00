import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AlarmEntry } from '@/alarms';
import { useWriteContext } from '@/session/session-store';
import { FormNotice, type Notice } from '@/ui/FormNotice';
import { useFormat } from '@/ui/use-format';
import { declareMissed } from './commands';

// The infusion's checks with their state at the alarms' last tick: upcoming, due, overdue (red until done or
// declared missed with a reason), done, missed. One tap to enter a due or overdue check.

export function CheckSchedule({
  entries,
  patientId,
  trackId,
  onEnter,
}: {
  entries: readonly AlarmEntry[];
  patientId: string;
  trackId: string;
  onEnter: (checkId: string) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <ol className="check-schedule" data-testid="check-schedule">
      {entries.map((entry) => (
        <li
          key={entry.key}
          className={`check check-${entry.state}`}
          data-testid={`check-${entry.item.id}`}
          data-state={entry.state}
        >
          <span className="check-time">{format.time(entry.item.dueAt)}</span>
          <span className="check-label">{t(entry.item.label, entry.item.labelParams ?? {})}</span>
          <span className={`pill check-state-${entry.state}`}>{t(`infusion.checkState.${entry.state}`)}</span>
          {(entry.state === 'due' || entry.state === 'overdue') && (
            <button type="button" onClick={() => onEnter(entry.item.id)}>
              {t('alarms.enter')}
            </button>
          )}
          {entry.state === 'overdue' && (
            <MissedButton patientId={patientId} trackId={trackId} checkId={entry.item.id} />
          )}
        </li>
      ))}
    </ol>
  );
}

function MissedButton({
  patientId,
  trackId,
  checkId,
}: {
  patientId: string;
  trackId: string;
  checkId: string;
}) {
  const { t } = useTranslation();
  const ctx = useWriteContext();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [notice, setNotice] = useState<Notice | null>(null);
  if (!open)
    return (
      <button type="button" className="secondary" onClick={() => setOpen(true)}>
        {t('infusion.missed.declare')}
      </button>
    );
  const confirm = async () => {
    if (!ctx) return;
    if (reason.trim().length < 3) return setNotice({ tone: 'error', text: t('form.reasonRequired') });
    const result = await declareMissed(ctx, patientId, {
      trackId,
      checkId,
      reason: reason.trim(),
      declaredAt: ctx.now().toISOString(),
    });
    if (!result.ok) setNotice({ tone: 'error', text: t('infusion.saveFailed') });
  };
  return (
    <span className="inline-form">
      <label>
        {t('infusion.missed.reason')} <input value={reason} onChange={(e) => setReason(e.target.value)} />
      </label>
      <button type="button" onClick={() => void confirm()}>
        {t('infusion.missed.confirm')}
      </button>
      <FormNotice notice={notice} />
    </span>
  );
}
