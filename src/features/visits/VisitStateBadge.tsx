import { useTranslation } from 'react-i18next';
import type { ItemState } from '@/domain';

const TONE: Record<ItemState, string> = {
  upcoming: 'pill',
  due: 'pill pill-warn',
  overdue: 'pill pill-danger',
  done: 'pill pill-ok',
  missed: 'pill pill-danger',
};

export function VisitStateBadge({ state }: { state: ItemState }) {
  const { t } = useTranslation();
  return (
    <span className={TONE[state]} data-testid="visit-state" data-state={state}>
      {t(`visits.state.${state}`)}
    </span>
  );
}
