import { useTranslation } from 'react-i18next';
import type { cohortCounts, NextDoseRecommendation } from '@/domain';
import { useFormat } from '@/ui/use-format';

/**
 * The recommendation of the Bayesian dose decision in words, with the rule that decided and the settings in
 * force: on the dose-decision screen and in the DSMB report.
 */
export function Recommendation({
  recommendation,
  counts,
}: {
  recommendation: NextDoseRecommendation;
  counts: ReturnType<typeof cohortCounts>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const { settings } = recommendation;
  const n = (value: number) => format.number(value, { maximumFractionDigits: 3 });
  const text =
    recommendation.decision === 'wait'
      ? t('screening.decision.wait', {
          count: recommendation.stillInWindow,
          remaining: recommendation.remainingToInclude,
        })
      : recommendation.decision === 'hold'
        ? t('screening.decision.hold')
        : t(`screening.decision.${recommendation.decision}`, { dose: recommendation.nextDoseLevel });
  return (
    <div className="panel" data-testid="recommendation" data-decision={recommendation.decision}>
      <h3>{t('screening.decision.recommendation')}</h3>
      <p className="verdict">
        <strong>{text}</strong>
      </p>
      {recommendation.decision === 'hold' && recommendation.rule === 'endOfCohort' && (
        <p data-testid="hold-explained">
          {t('screening.decision.holdExplained', {
            dlts: counts.dlts,
            completed: counts.completed,
            probability: n(recommendation.probabilityExcessive),
            escalateAt: n(settings.escalateAt),
            deEscalateAt: n(settings.deEscalateAt),
          })}
        </p>
      )}
      {recommendation.safetySignal && (
        <p className="pill pill-danger">
          {t('screening.decision.safetySignal', { at: n(settings.safetySignalAt) })}
        </p>
      )}
      <p className="muted">
        {t(`screening.decision.rule.${recommendation.rule}`, {
          escalateAt: n(settings.escalateAt),
          deEscalateAt: n(settings.deEscalateAt),
          at: n(settings.safetySignalAt),
        })}
      </p>
    </div>
  );
}
