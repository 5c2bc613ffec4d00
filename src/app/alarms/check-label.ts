import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScheduleItem } from '@/schema/schedule';

/** A schedule item's label in the interface language ('schedule.infusion' { minutes: 15 } → "Contrôle à 15 min"). */
export function useCheckLabel() {
  const { t } = useTranslation();
  return useCallback(
    (item: Pick<ScheduleItem, 'label' | 'labelParams'>) => t(item.label, item.labelParams ?? {}),
    [t],
  );
}

export function formatCheckTime(ms: number, language: string): string {
  return new Date(ms).toLocaleTimeString(language, { hour: '2-digit', minute: '2-digit' });
}
