import { isoDateSchema } from '@/schema/common';
import { prednisoneDosesSchema, type PrednisoneDose } from '@/schema/endpoints';
import { complete, incomplete, type Scored } from '../result';
import { checkInput } from '../instruments/input-check';
import { roundTo } from '../instruments/rounding';
import { SCHEDULE_CONFIG } from '../schedule/config';
import { inStudyDayOrder, repeatedDates, type Dated } from './study-day';
import { isAtMost, isBelow } from './tolerant-comparison';

// Steroid sparing (synopsis, secondary endpoint 6): mean prednisone dose reduced by 25 % from M0 and < 7.5 mg/day
// during weeks 40–52. BLISS counted "≥ 25 % reduction to ≤ 7.5 mg/day" and only participants above 7.5 mg/day at
// baseline; this is the synopsis' wording, so the baseline is returned to be shown beside the result.

const M12 = SCHEDULE_CONFIG.visits.find((visit) => visit.id === 'M12')!;

/**
 * Weeks 40–52 after the infusion, in days from day 0 (shared/clinical/instruments.md, visits.md), and the first day
 * of the M12 window: a record dated from then on is the M12 record, the mean daily dose since M9.
 */
export const STEROID_SPARING_WINDOW = {
  firstDay: 280,
  lastDay: 364,
  m12WindowOpensDay: M12.windowDays.from,
} as const;
const REDUCED_FRACTION = 0.75; // "réduite de 25 % par rapport à M0": at most 75 % of the baseline dose
const CEILING_MG_PER_DAY = 7.5; // "< 7,5 mg/jour", strictly below

type DatedDose = PrednisoneDose & Dated;

/**
 * Mean daily dose over weeks 40–52, and the days it covers. Each record is the mean daily dose since the previous
 * record (visits.md), so it stands for the days after the previous record's date up to its own. Weeks 40–52 are
 * the M12 record's (the period M9 → M12) wherever M12 falls in its window (days 351–379): the mean runs from day
 * 280 to day 364, or to the M12 record's own day when M12 comes before day 364 — the record cannot speak for days
 * after it. An earlier reading wanted a record dated on or after day 364, which an M12 seen on day 355 never gave
 * (issue 18). Where daily doses are recorded, this is their average over days 280–364. Undefined (incomplete)
 * only while no record reaches the M12 window.
 */
function windowMean(doses: readonly DatedDose[]): { mean: number; from: number; to: number } | undefined {
  const last = doses.at(-1);
  if (!last || last.day < STEROID_SPARING_WINDOW.m12WindowOpensDay) return undefined;
  const from = STEROID_SPARING_WINDOW.firstDay;
  const to = Math.min(last.day, STEROID_SPARING_WINDOW.lastDay);
  let doseDays = 0;
  doses.forEach((dose, index) => {
    const previous = doses[index - 1];
    if (!previous) return; // the first record covers only days before it, never the window
    const first = Math.max(previous.day + 1, from);
    const lastDay = Math.min(dose.day, to);
    if (lastDay >= first) doseDays += dose.mgPerDay * (lastDay - first + 1);
  });
  return { mean: doseDays / (to - from + 1), from, to };
}

/**
 * Responder when the weeks 40–52 mean is ≤ 0.75 × the M0 dose and < 7.5 mg/day. The M0 dose is the last record on
 * or before the infusion day. A participant on no prednisone at M0 cannot reduce it and is not a responder.
 * `periodDays` says which days the mean covers, to be shown beside it. Incomplete without an M0 dose
 * (`doses.baseline`), without the M12 record (none dated in or after the M12 window: `doses.weeks40to52`), with
 * two records on one date (`doses.<date>`), with an invalid record (`doses.<index>.mgPerDay`) or infusion date.
 */
export function steroidSparing(
  doses: readonly PrednisoneDose[],
  infusionDate: string,
): Scored<{
  responder: boolean;
  baselineMg: number;
  meanWeeks40to52: number;
  periodDays: { from: number; to: number };
}> {
  const checked = checkInput(prednisoneDosesSchema, doses, { prefix: 'doses' });
  const infusionDay = checkInput(isoDateSchema, infusionDate, { prefix: 'infusionDate' });
  if (!checked.ok || !infusionDay.ok) {
    return incomplete([
      ...(checked.ok ? [] : checked.missing),
      ...(infusionDay.ok ? [] : infusionDay.missing),
    ]);
  }
  const dated = inStudyDayOrder(checked.value, infusionDate);

  const baseline = dated.filter((dose) => dose.day <= 0).at(-1);
  const window = windowMean(dated);
  const missing = [
    ...repeatedDates(dated).map((date) => `doses.${date}`),
    ...(baseline ? [] : ['doses.baseline']),
    ...(window === undefined ? ['doses.weeks40to52'] : []),
  ];
  if (!baseline || window === undefined || missing.length > 0) return incomplete(missing);
  const { mean, from, to } = window;

  const responder =
    baseline.mgPerDay > 0 &&
    isAtMost(mean, REDUCED_FRACTION * baseline.mgPerDay) &&
    isBelow(mean, CEILING_MG_PER_DAY);
  return complete({
    responder,
    baselineMg: baseline.mgPerDay,
    meanWeeks40to52: roundTo(mean, 2),
    periodDays: { from, to },
  });
}
