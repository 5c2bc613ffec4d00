import i18next from 'i18next';
import { ALARM_SOURCES, startAlarms, useAlarms } from '@/alarms';
import { getDb } from '@/db/database';
import { useActivity } from '@/session/activity-store';
import { formatCheckTime } from './check-label';

/**
 * Starts the tablet's one alarm mechanism for the life of the page, outside the lock (a locked tablet still rings
 * and its lock screen shows the first due check), and lets a running bedside session hold back app updates.
 */
export function startTabletAlarms(): () => void {
  const stop = startAlarms({
    db: getDb(),
    sources: ALARM_SOURCES,
    describe: (entry) => {
      const check = i18next.t(entry.item.label, entry.item.labelParams ?? {});
      const time = formatCheckTime(entry.item.dueAt, i18next.language);
      return {
        title: i18next.t('alarms.notificationTitle', { subject: entry.subject, check }),
        body: i18next.t('alarms.notificationBody', { time }),
      };
    },
  });
  const unsubscribe = useAlarms.subscribe((state, previous) => {
    if (state.bedside !== previous.bedside) useActivity.getState().setBedsideActive(state.bedside);
  });
  return () => {
    unsubscribe();
    stop();
  };
}
