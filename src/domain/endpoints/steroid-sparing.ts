import { isoDateSchema } from '@/schema/common';
import { prednisoneDosesSchema, type PrednisoneDose } from '@/schema/endpoints';
import { complete, incomplete, type Scored } from '../result';
import { checkInput } from '../instruments/input-check';
import { roundTo } from '../instruments/rounding';
import { inStudyDayOrder, repeatedDates, type Dated } from './study-day';
import { isAtMost, isBelow } from './tolerant-comparison';

// Steroid sparing (synopsis, secondary endpoint 6): mean prednisone dose reduced by 25 % from M0 and < 7.5 mg/day
// during weeks 40–52. BLISS counted "≥ 25 % reduction to ≤ 7.5 mg/day" and only participants above 7.5 mg/day at
// baseline; this is the synopsis' wording, so the baseline is returned to be shown beside the result.

/** Weeks 40–52 after the infusion, in days from day 0 (shared/clinical/instruments.md, visits.md). */
export const STEROID_SPARING_WINDOW = { firstDay: 280, lastDay: 364 } as const;
const WINDOW_DAYS = STEROID_SPARING_WINDOW.lastDay - STEROID_SPARING_WINDOW.firstDay + 1;
const REDUCED_FRACTION = 0.75; // "réduite de 25 % par rapport à M0": at most 75 % of the baseline dose
const CEILING_MG_PER_DAY = 7.5; // "< 7,5 mg/jour", strictly below

type DatedDose = PrednisoneDose & Dated;

/**
 * Mean daily dose over the window. Each record is the mean daily dose since the previous record (visits.md), so it
 * stands for the days after the previous record's date up to its own; the window is covered once a record is dated
 * on or after its last day.
 */
function windowMean(doses: readonly DatedDose[]): number | undefined {
  const last = doses.at(-1);
  if (!last || last.day < STEROID_SPARING_WINDOW.lastDay) return undefined;
  let doseDays = 0;
  doses.forEach((dose, index) => {
    const previous = doses[index - 1];
    if (!previous) return; // the first record covers only days before it, never the window
    const from = Math.max(previous.day + 1, STEROID_SPARING_WINDOW.firstDay);
    const to = Math.min(dose.day, STEROID_SPARING_WINDOW.lastDay);
    if (to >= from) doseDays += dose.mgPerDay * (to - from + 1);
  });
  return doseDays / WINDOW_DAYS;
}

/**
 * Responder when the weeks 40–52 mean is ≤ 0.75 × the M0 dose and < 7.5 mg/day. The M0 dose is the last record on
 * or before the infusion day. A participant on no prednisone at M0 cannot reduce it and is not a responder.
 * Incomplete without an M0 dose (`doses.baseline`), without a record reaching day 364 (`doses.weeks40to52`), with
 * two records on one date (`doses.<date>`), with an invalid record (`doses.<index>.mgPerDay`) or infusion date.
 */
export function steroidSparing(
  doses: readonly PrednisoneDose[],
  infusionDate: string,
): Scored<{ responder: boolean; baselineMg: number; meanWeeks40to52: number }> {
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
  const mean = windowMean(dated);
  const missing = [
    ...repeatedDates(dated).map((date) => `doses.${date}`),
    ...(baseline ? [] : ['doses.baseline']),
    ...(mean === undefined ? ['doses.weeks40to52'] : []),
  ];
  if (!baseline || mean === undefined || missing.length > 0) return incomplete(missing);

  const responder =
    baseline.mgPerDay > 0 &&
    isAtMost(mean, REDUCED_FRACTION * baseline.mgPerDay) &&
    isBelow(mean, CEILING_MG_PER_DAY);
  return complete({ responder, baselineMg: baseline.mgPerDay, meanWeeks40to52: roundTo(mean, 2) });
}
