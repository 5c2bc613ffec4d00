import {
  SF36_SCALES,
  sf36SummaryNormsSchema,
  type Sf36Form,
  type Sf36Scale,
  type Sf36SummaryNorms,
} from '@/schema/instruments';
import { roundTo } from './rounding';

// SF-36 physical and mental component summaries (PCS, MCS), norm-based: each scale is standardised against a
// reference population (z = (score − mean) / SD), weighted by its factor-score coefficient, summed, and put on a
// T-score metric, 50 + 10 × sum (Ware JE, Kosinski M, Keller SD, SF-36 Physical and Mental Health Summary Scales:
// A User's Manual, 1994; the same aggregation as the Apolone & Mosconi SAS program). The norms and coefficients
// are licensed data (sf36.md): the sponsor configures a set; none is built in.

/**
 * PCS and MCS (two decimals) of unrounded scale scores. A coefficient set that is malformed or was derived for the
 * other form is a configuration error, so it throws rather than producing a plausible but wrong summary.
 */
export function sf36SummaryScores(
  scales: Readonly<Record<Sf36Scale, number>>,
  form: Sf36Form,
  norms: Sf36SummaryNorms,
): { pcs: number; mcs: number } {
  const parsed = sf36SummaryNormsSchema.parse(norms);
  if (parsed.form !== form) {
    throw new Error(`SF-36 norms "${parsed.label}" are for the ${parsed.form} form, not ${form}`);
  }
  let physical = 0;
  let mental = 0;
  for (const scale of SF36_SCALES) {
    const { mean, sd, pcsCoefficient, mcsCoefficient } = parsed.scales[scale];
    const z = (scales[scale] - mean) / sd;
    physical += z * pcsCoefficient;
    mental += z * mcsCoefficient;
  }
  return { pcs: roundTo(50 + 10 * physical, 2), mcs: roundTo(50 + 10 * mental, 2) };
}
