import { useTranslation } from 'react-i18next';
import type { cohortCounts, NextDoseRecommendation } from '@/domain';
import { useFormat } from '@/ui/use-format';
import { PosteriorChart } from './PosteriorChart';
import { Recommendation } from './Recommendation';

/**
 * A cohort's Bayesian decision as the dose-decision screen shows it, and the DSMB report too: the counts, the
 * posterior probability of excessive toxicity with its mean and 95 % interval, the density chart with θ, and the
 * recommendation with its rule. `testIdPrefix` keeps each screen's test ids apart.
 */
export function DecisionSummary({
  cohort,
  counts,
  recommendation,
  testIdPrefix = '',
}: {
  cohort: number;
  counts: ReturnType<typeof cohortCounts>;
  recommendation: NextDoseRecommendation;
  testIdPrefix?: string;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const p = (value: number) => format.number(value, { maximumFractionDigits: 3 });
  const { posterior, settings } = recommendation;
  return (
    <>
      <p data-testid={`${testIdPrefix}counts-${cohort}`}>{t('screening.decision.counts', counts)}</p>
      <p data-testid={`${testIdPrefix}posterior-${cohort}`}>
        {t('screening.decision.posterior', {
          threshold: format.number(settings.threshold),
          probability: p(posterior.probabilityExcessive),
          mean: p(posterior.mean),
          lower: p(posterior.lower95),
          upper: p(posterior.upper95),
        })}
      </p>
      <PosteriorChart a={posterior.a} b={posterior.b} threshold={settings.threshold} />
      <Recommendation recommendation={recommendation} counts={counts} />
    </>
  );
}
