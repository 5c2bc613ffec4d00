import { pgaSchema } from '@/schema/instruments';
import { complete, incomplete, type Scored } from '../result';
import { checkInput } from './input-check';
import { roundTo } from './rounding';

// Physician Global Assessment: 0 (none) – 3 (severe) visual analogue scale, one decimal (instruments.md; the
// SELENA-SLEDAI PGA of Petri 2005, as used by the SRI of Furie R et al., Arthritis Rheum 2009;61:1143).

/** The PGA as entered, if it lies in 0–3 with at most one decimal. */
export function scorePga(value: number): Scored<{ value: number }> {
  const checked = checkInput(pgaSchema, value, { prefix: 'pga' });
  if (!checked.ok) return incomplete(checked.missing);
  return complete({ value: roundTo(checked.value, 1) });
}

/**
 * A PGA in tenths, so that differences are exact integers: 2.3 − 2.0 is 0.2999… in floating point, which would
 * miss the SRI's "increase of ≥ 0.3" at exactly its threshold.
 */
export const pgaInTenths = (value: number): number => Math.round(value * 10);
