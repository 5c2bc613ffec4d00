import {
  SF36_ITEM_COUNT,
  SF36_SCALES,
  sf36ItemAnswerSchema,
  type Sf36Form,
  type Sf36Scale,
  type Sf36SummaryNorms,
} from '@/schema/instruments';
import { complete, incomplete, type Scored } from '../result';
import { roundTo } from './rounding';
import { sf36SummaryScores } from './sf36-summary';

// SF-36 eight scale scores, 0–100, higher = better health (shared/clinical/sf36.md), by one of two forms:
// - 'v2': SF-36v2 response formats, recoded and transformed as (raw − lowest) / range × 100 — the standard algorithm
//   (Ware JE et al., SF-36 manuals), checked against the Apolone & Mosconi SAS scoring program as ported to R:
//   same item reversals, the same item 1 and items 21/22 recodes, the same half-of-items rule.
// - 'rand36': the public-domain RAND-36 (Hays RD et al., Health Econ 1993;2:217), each item recoded to 0–100 and
//   averaged per scale — recode table checked against RAND's published scoring instructions.
// Labels for screens and exports: "SF-36v2 (0–100)" and "SF-36 (RAND-36 scoring)".

export type Sf36Scores = Record<Sf36Scale, number>;
export type Sf36Result = Sf36Scores & {
  form: Sf36Form;
  /** Norm-based summaries, present only when a (licensed) coefficient set is configured. */
  summary?: { pcs: number; mcs: number; norms: string };
};

/** The items (1-based) of each scale, the same on both forms; item 2 (health transition) is in none. */
export const SF36_SCALE_ITEMS: Readonly<Record<Sf36Scale, readonly number[]>> = {
  physicalFunctioning: [3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
  rolePhysical: [13, 14, 15, 16],
  bodilyPain: [21, 22],
  generalHealth: [1, 33, 34, 35, 36],
  vitality: [23, 27, 29, 31],
  socialFunctioning: [20, 32],
  roleEmotional: [17, 18, 19],
  mentalHealth: [24, 25, 26, 28, 30],
};

type Answers = readonly (number | null | undefined)[];
const isBlank = (answer: number | null | undefined): answer is null | undefined =>
  answer === null || answer === undefined;

/** How a form turns a pre-coded answer into a "higher = better" value, and the range those values span per scale. */
type FormScoring = {
  recode(itemNumber: number, answer: number, answers: Answers): number;
  recodedRange(scale: Sf36Scale): { lowest: number; highest: number };
};

const valueAt = (table: readonly number[], answer: number): number => {
  const value = table[answer - 1];
  if (value === undefined) throw new RangeError(`No recode for answer ${answer}`); // answers are validated first
  return value;
};

// SF-36v2 recodes (sf36.md, "v2"): item 1 and item 21 are recalibrated, not merely reversed.
const V2_ITEM_1 = [5.0, 4.4, 3.4, 2.0, 1.0];
const V2_ITEM_21 = [6.0, 5.4, 4.2, 3.1, 2.2, 1.0];
const V2_ITEM_22_WITHOUT_21 = [6.0, 4.75, 3.5, 2.25, 1.0];
const V2_REVERSED_ITEMS = new Set([20, 23, 26, 27, 30, 34, 36]); // recoded 6 − x

const v2Scoring: FormScoring = {
  recode(itemNumber, answer, answers) {
    if (itemNumber === 1) return valueAt(V2_ITEM_1, answer);
    if (itemNumber === 21) return valueAt(V2_ITEM_21, answer);
    if (itemNumber === 22) {
      // Item 22 ("pain interfered with work") is read against item 21 ("how much pain") when both are answered.
      const item21 = answers[20];
      if (isBlank(item21)) return valueAt(V2_ITEM_22_WITHOUT_21, answer);
      if (answer === 1) return item21 === 1 ? 6 : 5;
      return 6 - answer;
    }
    return V2_REVERSED_ITEMS.has(itemNumber) ? 6 - answer : answer;
  },
  recodedRange(scale) {
    if (scale === 'physicalFunctioning') return { lowest: 1, highest: 3 };
    if (scale === 'bodilyPain') return { lowest: 1, highest: 6 };
    return { lowest: 1, highest: 5 };
  },
};

// RAND-36 Table 1 (sf36.md, "rand36"; RAND scoring instructions): pre-coded answer → 0–100, higher = better.
const RAND_RECODES: readonly [items: readonly number[], values: readonly number[]][] = [
  [
    [1, 2, 20, 22, 34, 36],
    [100, 75, 50, 25, 0],
  ],
  [
    [3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
    [0, 50, 100],
  ],
  [
    [13, 14, 15, 16, 17, 18, 19],
    [0, 100],
  ],
  [
    [21, 23, 26, 27, 30],
    [100, 80, 60, 40, 20, 0],
  ],
  [
    [24, 25, 28, 29, 31],
    [0, 20, 40, 60, 80, 100],
  ],
  [
    [32, 33, 35],
    [0, 25, 50, 75, 100],
  ],
];
const RAND_RECODE_BY_ITEM = new Map(
  RAND_RECODES.flatMap(([items, values]) => items.map((item) => [item, values])),
);

const rand36Scoring: FormScoring = {
  recode(itemNumber, answer) {
    const values = RAND_RECODE_BY_ITEM.get(itemNumber);
    if (!values) throw new RangeError(`SF-36 has no item ${itemNumber}`);
    return valueAt(values, answer);
  },
  recodedRange: () => ({ lowest: 0, highest: 100 }),
};

const SCORING: Readonly<Record<Sf36Form, FormScoring>> = { v2: v2Scoring, rand36: rand36Scoring };

const itemId = (itemNumber: number) => `item${itemNumber}`;
const ITEM_NUMBERS = Array.from({ length: SF36_ITEM_COUNT }, (_, index) => index + 1);

const ITEM_ANSWER_SCHEMAS = {
  v2: ITEM_NUMBERS.map((itemNumber) => sf36ItemAnswerSchema('v2', itemNumber)),
  rand36: ITEM_NUMBERS.map((itemNumber) => sf36ItemAnswerSchema('rand36', itemNumber)),
} as const satisfies Record<Sf36Form, unknown>;

/** Items whose answer is present but not one of the form's pre-coded responses. */
function invalidItems(answers: Answers, form: Sf36Form): number[] {
  return ITEM_NUMBERS.filter((itemNumber) => {
    const answer = answers[itemNumber - 1];
    return !isBlank(answer) && !ITEM_ANSWER_SCHEMAS[form][itemNumber - 1]?.safeParse(answer).success;
  });
}

/**
 * A scale is scored when at least half its items are answered; each blank item takes the mean of the answered ones
 * (sf36.md; the SAS algorithm's "N GE half" rule), so the score is the transformed mean of the answered items.
 */
function scaleScore(scale: Sf36Scale, answers: Answers, scoring: FormScoring): number | undefined {
  const items = SF36_SCALE_ITEMS[scale];
  const recoded = items.flatMap((itemNumber) => {
    const answer = answers[itemNumber - 1];
    return isBlank(answer) ? [] : [scoring.recode(itemNumber, answer, answers)];
  });
  if (recoded.length < Math.ceil(items.length / 2)) return undefined;
  const mean = recoded.reduce((sum, value) => sum + value, 0) / recoded.length;
  const { lowest, highest } = scoring.recodedRange(scale);
  return ((mean - lowest) / (highest - lowest)) * 100;
}

/**
 * The eight SF-36 scale scores (0–100, two decimals) from the 36 pre-coded answers (index 0 = item 1; null or absent
 * = left blank). Incomplete when an answer is outside its item's responses (named `itemN`; the form refuses them, so
 * this is a data error, never scored around) or when a scale has fewer than half its items (named with its blanks).
 * With `summaryNorms`, also the norm-based PCS and MCS (sf36-summary.ts).
 */
export function scoreSf36(
  answers: readonly (number | null)[],
  form: Sf36Form = 'v2',
  options: { summaryNorms?: Sf36SummaryNorms } = {},
): Scored<Sf36Result> {
  if (answers.length > SF36_ITEM_COUNT) {
    throw new RangeError(`SF-36 has ${SF36_ITEM_COUNT} items; got ${answers.length} answers`);
  }
  const invalid = invalidItems(answers, form);
  if (invalid.length > 0) return incomplete(invalid.map(itemId));

  const scoring = SCORING[form];
  const missing: string[] = [];
  const scores = {} as Sf36Scores;
  for (const scale of SF36_SCALES) {
    const score = scaleScore(scale, answers, scoring);
    if (score === undefined) {
      const blanks = SF36_SCALE_ITEMS[scale].filter((itemNumber) => isBlank(answers[itemNumber - 1]));
      missing.push(scale, ...blanks.map(itemId));
    } else {
      scores[scale] = score;
    }
  }
  if (missing.length > 0) return incomplete(missing);

  const rounded = Object.fromEntries(
    SF36_SCALES.map((scale) => [scale, roundTo(scores[scale], 2)]),
  ) as Sf36Scores;
  const summary = options.summaryNorms && {
    ...sf36SummaryScores(scores, form, options.summaryNorms),
    norms: options.summaryNorms.label,
  };
  return complete({ ...rounded, form, ...(summary ? { summary } : {}) });
}
