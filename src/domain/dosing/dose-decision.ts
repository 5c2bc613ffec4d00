import betaCdf from '@stdlib/stats-base-dists-beta-cdf';
import betaQuantile from '@stdlib/stats-base-dists-beta-quantile';
import type { DoseDecisionInput, DoseDecisionSettings, DoseLevel, DoseRecommendation } from '@/schema/dosing';
import { DOSE_DECISION_SETTINGS, DOSING_CONFIG } from './config';

// The sequential Bayesian dose decision (shared/clinical/dosing.md; beta-binomial monitoring as in Thall, Simon &
// Estey, Stat Med 1995). The DLT probability p has a Beta(a, b) prior; after x DLTs among n evaluable
// participants the posterior is Beta(a + x, b + n − x). Its tail and quantiles come from @stdlib's regularised
// incomplete beta, a maintained implementation (dosing.md: never hand-rolled).
//
// The counts come from records the app derives (confirmed DLTs, completed follow-ups), not from a person's
// typing: impossible counts are programming errors and throw a RangeError.

export type ToxicityPosterior = {
  /** P(p > θ | data) = 1 − I_θ(a + x, b + n − x). */
  probabilityExcessive: number;
  /** Posterior mean (a + x) / (a + b + n). */
  mean: number;
  /** 95 % equal-tailed credible interval. */
  lower95: number;
  upper95: number;
  /** The posterior Beta parameters. */
  a: number;
  b: number;
};

const isCount = (x: unknown): x is number => Number.isInteger(x) && (x as number) >= 0;

function assertCounts(counts: Record<string, number>, order: readonly string[]): void {
  for (const [name, value] of Object.entries(counts)) {
    if (!isCount(value)) throw new RangeError(`${name} must be a whole number ≥ 0, got ${String(value)}`);
  }
  for (let i = 1; i < order.length; i += 1) {
    const [lo, hi] = [order[i - 1]!, order[i]!];
    if (counts[lo]! > counts[hi]!)
      throw new RangeError(`${lo} (${counts[lo]}) exceeds ${hi} (${counts[hi]})`);
  }
}

/** The posterior of the DLT probability after `dlts` DLTs among `patients` evaluable participants. */
export function toxicityPosterior(input: {
  dlts: number;
  patients: number;
  prior?: { a: number; b: number };
  threshold?: number;
}): ToxicityPosterior {
  const { dlts, patients } = input;
  const prior = input.prior ?? DOSE_DECISION_SETTINGS.prior;
  const threshold = input.threshold ?? DOSE_DECISION_SETTINGS.threshold;
  assertCounts({ dlts, patients }, ['dlts', 'patients']);
  if (!(prior.a > 0 && prior.b > 0 && Number.isFinite(prior.a) && Number.isFinite(prior.b))) {
    throw new RangeError(`prior must have a, b > 0, got ${JSON.stringify(prior)}`);
  }
  if (!(threshold > 0 && threshold < 1))
    throw new RangeError(`threshold must be in (0, 1), got ${threshold}`);

  const a = prior.a + dlts;
  const b = prior.b + patients - dlts;
  return {
    // Clamped: 1 − CDF can fall a rounding error outside [0, 1].
    probabilityExcessive: Math.min(1, Math.max(0, 1 - betaCdf(threshold, a, b))),
    mean: a / (a + b),
    lower95: betaQuantile(0.025, a, b),
    upper95: betaQuantile(0.975, a, b),
    a,
    b,
  };
}

export type NextDoseRecommendation = {
  decision: DoseRecommendation;
  /** The next cohort's dose: lower after de-escalate, higher after escalate, the same after an end-of-cohort hold;
   * absent while waiting, and when inclusions pause on a safety signal. */
  nextDoseLevel?: DoseLevel;
  probabilityExcessive: number;
  /** Which rule decided: the safety signal mid-cohort, the end-of-cohort rule, or "cohort not complete". */
  rule: 'safetySignal' | 'endOfCohort' | 'cohortIncomplete';
  /** P(p > θ) ≥ the safety cut-off after at least one participant completed: inclusions at the dose pause
   * pending the physician's and the DSMB's decision. */
  safetySignal: boolean;
  /** Participants infused at the dose and still in their 10-day window. */
  stillInWindow: number;
  /** Participants still to include to fill the cohort. */
  remainingToInclude: number;
  /** The cohort's dose level. */
  doseLevel: DoseLevel;
  posterior: ToxicityPosterior;
  /** The settings in force, shown with every recommendation (dosing.md). */
  settings: DoseDecisionSettings;
};

/**
 * The recommendation for the dose after a cohort (dosing.md, "Decisions"). `dlts` are participants with a DLT,
 * `completed` those evaluable (day 10 completed, or a DLT earlier: a DLT counts as soon as it happens), `patients`
 * those infused at the dose. The posterior uses the `completed` participants only.
 * - Safety signal, any time: P ≥ 0.70 after any participant completes → hold (inclusions pause).
 * - End of cohort (completed ≥ cohort size): P ≥ 0.70 → de-escalate; P ≤ 0.20 → escalate; otherwise hold and ask
 *   the DSMB. From the first cohort's 2 ×10⁶/kg: de-escalate to 1, escalate to 4 (synopsis). A cohort already at
 *   the lowest (highest) level has nowhere to go: hold there.
 * - Otherwise wait, with how many are still in their window.
 */
export function recommendNextDose(
  input: DoseDecisionInput,
  settings: DoseDecisionSettings = DOSE_DECISION_SETTINGS,
): NextDoseRecommendation {
  const { dlts, patients, completed } = input;
  const cohortSize = input.cohortSize ?? settings.cohortSize;
  const doseLevel = input.doseLevel ?? DOSING_CONFIG.firstCohortDoseLevel;
  assertCounts({ dlts, completed, patients }, ['dlts', 'completed', 'patients']);
  if (!Number.isInteger(cohortSize) || cohortSize < 1) throw new RangeError(`cohortSize must be ≥ 1`);
  const ladder = DOSING_CONFIG.doseLevels;
  const rung = ladder.indexOf(doseLevel);
  if (rung < 0)
    throw new RangeError(`doseLevel must be one of ${ladder.join(', ')}, got ${String(doseLevel)}`);

  const posterior = toxicityPosterior({
    dlts,
    patients: completed,
    prior: settings.prior,
    threshold: settings.threshold,
  });
  const p = posterior.probabilityExcessive;
  // Before anyone completes, the prior alone gives P(p > 0.30) = 0.70 under Beta(1, 1): not a signal.
  const safetySignal = completed >= 1 && p >= settings.safetySignalAt;
  const base = {
    probabilityExcessive: p,
    safetySignal,
    stillInWindow: patients - completed,
    remainingToInclude: Math.max(0, cohortSize - patients),
    doseLevel,
    posterior,
    settings,
  };

  if (completed >= cohortSize) {
    const lower = ladder[rung - 1];
    const higher = ladder[rung + 1];
    if (p >= settings.deEscalateAt) {
      return lower === undefined
        ? { ...base, decision: 'hold', rule: 'endOfCohort' }
        : { ...base, decision: 'de-escalate', nextDoseLevel: lower, rule: 'endOfCohort' };
    }
    if (p <= settings.escalateAt && higher !== undefined) {
      return { ...base, decision: 'escalate', nextDoseLevel: higher, rule: 'endOfCohort' };
    }
    return { ...base, decision: 'hold', nextDoseLevel: doseLevel, rule: 'endOfCohort' };
  }
  if (safetySignal) return { ...base, decision: 'hold', rule: 'safetySignal' };
  return { ...base, decision: 'wait', rule: 'cohortIncomplete' };
}
