import { useTranslation } from 'react-i18next';
import { saeClock } from '@/domain/safety/adverse-event';
import type { AdverseEvent } from '@/schema/adverse-events';
import { formatDateTime, formatDuration } from './time';

/**
 * The red, unmissable countdown to the sponsor's 24-hour notification deadline of a SAE, from the recorded moment
 * of awareness; once the physician records the notification it shows when and how instead. `now` is passed in.
 */
export function SaeCountdown({
  event,
  now,
  label,
  compact,
}: {
  event: Pick<AdverseEvent, 'serious' | 'awareAt' | 'sponsorNotifiedAt' | 'sponsorNotificationMethod'>;
  now: number;
  /** What the countdown is about (term, participant), shown first. */
  label?: string;
  compact?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const clock = saeClock(event, now);
  if (!clock) return null;
  if (clock.notifiedAt !== undefined) {
    const method = event.sponsorNotificationMethod
      ? t(`sae.methods.${event.sponsorNotificationMethod}`)
      : '—';
    return (
      <p
        className={clock.status === 'notifiedLate' ? 'pill pill-warn' : 'pill pill-ok'}
        data-testid="sae-notified"
      >
        {label ? `${label} — ` : ''}
        {t(clock.status === 'notifiedLate' ? 'sae.notifiedLate' : 'sae.notified', {
          when: formatDateTime(clock.notifiedAt, i18n.language),
          method,
        })}
      </p>
    );
  }
  const remaining = formatDuration(clock.remainingMs!);
  return (
    <div
      role="alert"
      className={`sae-countdown${clock.status === 'overdue' ? ' sae-overdue' : ''}${compact ? ' compact' : ''}`}
      data-testid="sae-countdown"
      data-status={clock.status}
    >
      <strong>
        {label ? `${label} — ` : ''}
        {t(clock.status === 'overdue' ? 'sae.overdue' : 'sae.countdown', { remaining })}
      </strong>
      {!compact && <span>{t('sae.deadline', { when: formatDateTime(clock.notifyBy, i18n.language) })}</span>}
    </div>
  );
}
