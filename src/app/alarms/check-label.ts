import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScheduleItem } from '@/schema/schedule';
import { formatDayMonth, formatTime } from '@/ui/format';

/** A schedule item's label in the interface language ('schedule.infusion' { minutes: 15 } → "Contrôle à 15 min"). */
export function useCheckLabel() {
  const { t } = useTranslation();
  return useCallback(
    (item: Pick<ScheduleItem, 'label' | 'labelParams'>) => t(item.label, item.labelParams ?? {}),
    [t],
  );
}

/** "09:15": the app's one time format (24 h in both languages), its Intl formatter made once, not per call. */
export function formatCheckTime(ms: number, language: string): string {
  return formatTime(ms, language);
}

/**
 * A check's time for a sentence, read on the tablet's clock at `now`: its time alone on the same day ("prévu à
 * 08:00"); on another day with that day too, through the catalogue's `_otherDay` wording ("prévu le 30/11 à
 * 08:00") — a check two days overdue, or tomorrow's first, said "à 08:00" alone read as today's.
 */
export function checkTimeValues(
  ms: number,
  language: string,
  now: number,
): { time: string; day?: string; context?: 'otherDay' } {
  const time = formatCheckTime(ms, language);
  const at = new Date(ms);
  const today = new Date(now);
  const sameDay =
    at.getFullYear() === today.getFullYear() &&
    at.getMonth() === today.getMonth() &&
    at.getDate() === today.getDate();
  return sameDay ? { time } : { time, day: formatDayMonth(ms, language), context: 'otherDay' };
}
