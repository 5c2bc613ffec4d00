import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { recordSponsorNotification, type AdverseEventView } from '@/db/adverse-events';
import { getDb } from '@/db/database';
import { sponsorNotificationMethodSchema } from '@/schema/adverse-events';
import { useWriteContext } from '@/session/session-store';
import { Field } from '@/ui/Field';
import { FormNotice, type Notice } from '@/ui/FormNotice';
import { SaeCountdown } from './SaeCountdown';
import { DateTimeInput } from '@/ui/DateTimeInput';
import { entryFromDate, readDateTimeEntry, toOffsetIso } from '@/ui/date-time-entry';
import { useNow } from './use-now';

/** A SAE's countdown and, for a physician, when and how the sponsor was notified (which stops it). */
export function SponsorNotification({ event }: { event: AdverseEventView }) {
  const { t } = useTranslation();
  const ctx = useWriteContext();
  const now = useNow();
  const [at, setAt] = useState(() => entryFromDate(new Date()));
  const [method, setMethod] = useState('');
  const [notice, setNotice] = useState<Notice | null>(null);
  if (!event.data.serious) return null;
  const notified = event.data.sponsorNotifiedAt !== undefined;
  const save = async () => {
    if (!ctx || !method) return;
    const reading = readDateTimeEntry(at, { notAfter: ctx.now() });
    if (!reading.ok) return setNotice({ tone: 'error', text: t(`ui.dateTime.problem.${reading.problem}`) });
    const result = await recordSponsorNotification(getDb(), ctx, {
      recordId: event.record.id,
      notifiedAt: toOffsetIso(reading.at),
      method: method as never,
      reason: t('sae.notifyReason'),
      expectedRev: event.record.rev,
    });
    setNotice(
      result.ok
        ? { tone: 'ok', text: t('sae.notifySaved') }
        : { tone: 'error', text: result.code === 'stale' ? t('form.stale') : t('form.invalid') },
    );
  };
  return (
    <section className="panel" aria-labelledby="sae-title" data-testid="sae-panel">
      <h2 id="sae-title">{t('ae.serious')}</h2>
      <SaeCountdown event={event.data} now={now} />
      {!notified && ctx?.role === 'physician' && (
        <div className="grid">
          <DateTimeInput id="sae-at" legend={t('sae.notifiedAt')} value={at} onChange={setAt} notFuture />
          <Field id="sae-method" label={t('sae.method')}>
            <select id="sae-method" value={method} onChange={(e) => setMethod(e.target.value)}>
              <option value="">—</option>
              {sponsorNotificationMethodSchema.options.map((m) => (
                <option key={m} value={m}>
                  {t(`sae.methods.${m}`)}
                </option>
              ))}
            </select>
          </Field>
          <button type="button" disabled={!method} onClick={() => void save()} data-testid="sae-notify">
            {t('sae.notify')}
          </button>
        </div>
      )}
      <FormNotice notice={notice} />
    </section>
  );
}
