import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScheduleItem } from '@/schema/schedule';
import { formatTime } from '@/ui/format';

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
