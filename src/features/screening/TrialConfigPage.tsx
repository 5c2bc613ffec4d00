import { useTranslation } from 'react-i18next';
import { TRIAL_CONFIG } from '@/domain/trial-config';
import { useFormat } from '@/ui/use-format';
import './screening.css';
import './messages';

/**
 * The trial configuration, read only, for everyone: the values the app applies (dose levels, DLT definition, the
 * decision's prior and cut-offs, schedules and windows, eligibility thresholds), straight from the one
 * trial-configuration object, so that nobody has to read code to know them.
 */
export default function TrialConfigPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const { dosing, schedule, eligibility, safety } = TRIAL_CONFIG;
  const d = dosing.decision;
  const rows: [string, string][] = [
    [t('screening.config.doseLevels'), dosing.doseLevels.map((l) => `${l} ×10⁶/kg`).join(', ')],
    [t('screening.config.firstCohort'), `${dosing.firstCohortDoseLevel} ×10⁶/kg`],
    [t('screening.config.cohortSize'), String(d.cohortSize)],
    [t('screening.config.weightBounds'), `${dosing.weightKg.min}–${dosing.weightKg.max} kg`],
    [t('screening.config.viability'), `≥ ${dosing.minViabilityPercent} %`],
    [
      t('screening.config.infusionDuration'),
      `${dosing.infusionDurationMin.default} min (${dosing.infusionDurationMin.min}–${dosing.infusionDurationMin.max})`,
    ],
    [t('screening.config.prior'), `Beta(${format.number(d.prior.a)}, ${format.number(d.prior.b)})`],
    [t('screening.config.threshold'), `p > ${format.number(d.threshold)}`],
    [t('screening.config.escalateAt'), `P(p > θ) ≤ ${format.number(d.escalateAt)}`],
    [t('screening.config.deEscalateAt'), `P(p > θ) ≥ ${format.number(d.deEscalateAt)}`],
    [t('screening.config.safetySignalAt'), `P(p > θ) ≥ ${format.number(d.safetySignalAt)}`],
  ];
  return (
    <section className="screening" data-testid="trial-config">
      <h1>{t('screening.config.title')}</h1>
      <p className="muted">{t('screening.config.intro')}</p>
      <div className="panel">
        <dl className="config-list">
          {rows.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
          <dt>{t('screening.config.dlt')}</dt>
          <dd>{t('screening.config.dltText')}</dd>
        </dl>
      </div>
      <div className="panel">
        <h2>{t('screening.config.visits')}</h2>
        <ul>
          {schedule.visits.map((visit) => (
            <li key={visit.id}>
              {visit.id} : {t('screening.config.days', { value: visit.targetDay })} ({visit.windowDays.from} …
              +{visit.windowDays.to})
            </li>
          ))}
        </ul>
      </div>
      <ConfigTree title={t('screening.config.schedule')} value={{ ...schedule, visits: undefined }} />
      <ConfigTree title={t('screening.config.eligibility')} value={eligibility} />
      <ConfigTree title={t('screening.config.safety')} value={safety} />
    </section>
  );
}

function ConfigTree({ title, value }: { title: string; value: unknown }) {
  return (
    <details className="panel">
      <summary>
        <strong>{title}</strong>
      </summary>
      <ConfigValue value={value} />
    </details>
  );
}

function ConfigValue({ value }: { value: unknown }) {
  const format = useFormat();
  if (value === undefined) return null;
  if (typeof value === 'number') return <>{format.number(value, { maximumFractionDigits: 4 })}</>;
  if (typeof value !== 'object' || value === null) return <>{String(value)}</>;
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object'))
    return <>{value.map((v) => (typeof v === 'number' ? format.number(v) : String(v))).join(', ')}</>;
  return (
    <dl className="config-list">
      {Object.entries(value).map(([key, inner]) =>
        inner === undefined ? null : (
          <div key={key}>
            <dt>{key}</dt>
            <dd>
              <ConfigValue value={inner} />
            </dd>
          </div>
        ),
      )}
    </dl>
  );
}
