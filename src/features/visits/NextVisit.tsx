import { useTranslation } from 'react-i18next';
import type { StoredRecord } from '@/db/types';
import { useAllVisitRecords } from './queries';
import { useNow } from './use-now';
import { nextVisit, visitCalendar } from './visit-model';
import './messages';

/** The participants list's "next visit: M3 — due, 12 Apr" for one participant (nothing before day 0 is known). */
export function NextVisit({ participant }: { participant: StoredRecord }) {
  const { t, i18n } = useTranslation();
  const records = useAllVisitRecords();
  const now = useNow();
  const infusionDate = participant.data.infusionDate as string | undefined;
  if (!records || !infusionDate) return null;
  const next = nextVisit(
    visitCalendar(
      infusionDate,
      records.get(participant.id) ?? { assessments: [], missed: [], signatures: [] },
      now,
    ),
  );
  if (!next) return null;
  return (
    <span
      className={
        next.state === 'overdue' ? 'pill pill-danger' : next.state === 'due' ? 'pill pill-warn' : 'pill'
      }
      data-testid="next-visit"
    >
      {t('visits.next', {
        visit: next.visit,
        state: t(`visits.state.${next.state}`),
        date: new Date(`${next.item.targetDate}T12:00:00`).toLocaleDateString(i18n.language, {
          dateStyle: 'medium',
        }),
      })}
    </span>
  );
}
