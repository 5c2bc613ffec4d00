import {
  EQ5D_DIMENSIONS,
  eq5d5lAnswersSchema,
  type Eq5d5lAnswers,
  type Eq5dDimension,
} from '@/schema/instruments';
import { complete, incomplete, type Scored } from '../result';
import { checkInput } from './input-check';
import { roundTo } from './rounding';

// EQ-5D-5L (shared/clinical/instruments.md): five dimensions at levels 1–5, the EQ VAS 0–100, and the index by the
// French value set (Andrade LF, Ludwig K, Ramos Goñi JM, Oppe M, de Pouvourville G, PharmacoEconomics
// 2020;38:413–425): additive, no constant, index = 1 − Σ decrement(dimension, level), level 1 = 0.
// The question texts are EuroQol's licensed wording: data, not code.

/**
 * Decrements by level 1–5, as published (5–6 decimals kept). Verified against the French 5L value table of
 * MathsinHealth/eq5dsuite-value-sets (EQ-5D-5L/FR.csv): every single-dimension state (e.g. 21111 = 0.96241,
 * 13111 = 0.949219) reproduces these decrements, mixed states add up (12345 = 0.40188), and 55555 = −0.525491
 * matches the paper's reported range −0.525 to 1.
 */
export const FRENCH_5L_DECREMENTS: Readonly<Record<Eq5dDimension, readonly number[]>> = {
  mobility: [0, 0.03759, 0.04774, 0.17949, 0.32509],
  selfCare: [0, 0.03656, 0.050781, 0.172251, 0.258331],
  usualActivities: [0, 0.03313, 0.03979, 0.15689, 0.24005],
  painDiscomfort: [0, 0.02198, 0.04704, 0.26374, 0.44399],
  anxietyDepression: [0, 0.02046, 0.04683, 0.20005, 0.25803],
};

type Eq5dLevels = Record<Eq5dDimension, number>;

/** French EQ-5D-5L index of a valid profile, unrounded (the published decrements summed as they are). */
function frenchIndex(levels: Eq5dLevels): number {
  return EQ5D_DIMENSIONS.reduce((index, dimension) => {
    const decrement = FRENCH_5L_DECREMENTS[dimension][levels[dimension] - 1];
    if (decrement === undefined) throw new RangeError(`No level ${levels[dimension]} for ${dimension}`);
    return index - decrement;
  }, 1);
}

/**
 * Profile ("11111"), level sum (5–25) and French index rounded to 3 decimals (instruments.md: computed from the
 * unrounded decrements). An EQ VAS, when given, must be a whole number 0–100 and is returned with the result.
 */
export function scoreEq5d5l(
  levels: Eq5d5lAnswers,
): Scored<{ profile: string; levelSum: number; indexFR: number; vas?: number }> {
  const checked = checkInput(eq5d5lAnswersSchema, levels, { required: EQ5D_DIMENSIONS });
  if (!checked.ok) return incomplete(checked.missing);
  const answers = checked.value;
  return complete({
    profile: EQ5D_DIMENSIONS.map((dimension) => answers[dimension]).join(''),
    levelSum: EQ5D_DIMENSIONS.reduce((sum, dimension) => sum + answers[dimension], 0),
    indexFR: roundTo(frenchIndex(answers), 3),
    ...(answers.vas === undefined ? {} : { vas: answers.vas }),
  });
}
