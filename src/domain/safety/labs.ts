import { complete, incomplete, type Scored } from '@/domain/result';
import { labTermSchema, type LabTerm } from '@/schema/adverse-events';
import { LAB_VALUE_BOUNDS } from './config';

// CTCAE v5.0 grade of a laboratory value (domain-api.md gradeLab; ctcae.md "Grading lab values"). Thresholds are
// NCI's, checked against the NCI v5.0 spreadsheet (shared/clinical/data/ctcae-v5.0.csv) and an independent export
// of it (github.com/oncohub/CTCAE5). NCI's ranges read "< LLN – 10.0": just under the lower limit down to 10.0
// inclusive, the next grade starting strictly beyond; "> ULN – 3.0 × ULN": strictly above ULN up to 3.0 × ULN
// inclusive. A value within the normal range is grade 0. Units: g/dL, ×10⁹/L, U/L, µmol/L.

export type { LabTerm };
export const LAB_TERMS: readonly LabTerm[] = labTermSchema.options;
export type LabGrade = 0 | 1 | 2 | 3 | 4;

/** What produced the grade, shown beside it for the person who confirms it (ctcae.md). */
export type LabGradeBasis =
  /** Within the lab's normal range (or, with an abnormal ALT/AST baseline, under 1.5 × baseline). */
  | 'normalRange'
  /** NCI's absolute thresholds of a "decreased" term. */
  | 'threshold'
  /** Multiples of the upper limit of normal. */
  | 'uln'
  /** Multiples of the participant's pre-infusion value. */
  | 'baseline';

export type LabInput = { term: LabTerm; value: number; lln?: number; uln?: number; baseline?: number };
export type LabResult = Scored<{ grade: LabGrade; basis: LabGradeBasis; ratio?: number }>;

type DecreasedTerm = Extract<LabTerm, 'anemia' | `${string}CountDecreased`>;

/**
 * Lower bound of each grade from 1 on, for the "decreased" terms: below the LLN is grade 1, and each bound the
 * value falls strictly under adds one grade (NCI CTCAE v5.0).
 */
const DECREASED_BOUNDS: Record<DecreasedTerm, readonly number[]> = {
  // Hgb g/dL: 1 <LLN–10.0; 2 <10.0–8.0; 3 <8.0. Grades 4 and 5 are clinical, never from the value (ctcae.md).
  anemia: [10.0, 8.0],
  // ×10⁹/L: 1 <LLN–1.5; 2 <1.5–1.0; 3 <1.0–0.5; 4 <0.5.
  neutrophilCountDecreased: [1.5, 1.0, 0.5],
  // ×10⁹/L: 1 <LLN–75.0; 2 <75.0–50.0; 3 <50.0–25.0; 4 <25.0.
  plateletCountDecreased: [75.0, 50.0, 25.0],
  // ×10⁹/L: 1 <LLN–0.8; 2 <0.8–0.5; 3 <0.5–0.2; 4 <0.2.
  lymphocyteCountDecreased: [0.8, 0.5, 0.2],
};

/** ALT/AST: upper bound (inclusive) of grades 1–3, × ULN if the baseline was normal or × baseline if abnormal;
 * beyond 20.0 is grade 4 (NCI CTCAE v5.0, both terms alike). */
const TRANSAMINASE_UPPER = [3.0, 5.0, 20.0] as const;
/** ALT/AST with an abnormal baseline: grade 1 starts at 1.5 × baseline, inclusive ("1.5 - 3.0 x baseline"). */
const TRANSAMINASE_BASELINE_FROM = 1.5;
/** Creatinine: upper bound (inclusive) of grades 1–3 in × ULN, 1 >ULN–1.5; 2 >1.5–3.0; 3 >3.0–6.0; 4 >6.0. */
const CREATININE_ULN_UPPER = [1.5, 3.0, 6.0] as const;
/** Creatinine by baseline: 2 ">1.5 - 3.0 x baseline"; 3 ">3.0 x baseline" (no grade 1 or 4 by baseline). */
const CREATININE_BASELINE = { grade2Above: 1.5, grade3Above: 3.0 } as const;

/**
 * value > multiple × reference. Values within a relative 1e-9 count as equal, so that a result exactly on a
 * boundary stays in its grade despite binary rounding (1.5 × 73.1 is 109.64999999999999 in floating point).
 */
function above(value: number, multiple: number, reference: number): boolean {
  const bound = multiple * reference;
  return value - bound > 1e-9 * bound;
}

/** value ≥ multiple × reference, with the same tolerance. */
const atLeast = (value: number, multiple: number, reference: number) =>
  !above(multiple * reference, 1, value);

const isDecreased = (term: LabTerm): term is DecreasedTerm => term in DECREASED_BOUNDS;

/** The number of bounds the value is strictly above, as multiples of the reference. */
const countAbove = (value: number, multiples: readonly number[], reference: number) =>
  multiples.filter((m) => above(value, m, reference)).length;

function gradeIncreased(term: LabTerm, value: number, uln: number, baseline: number | undefined) {
  if (term === 'creatinineIncreased') {
    const byUln = above(value, 1, uln) ? 1 + countAbove(value, CREATININE_ULN_UPPER, uln) : 0;
    const byBaseline =
      baseline === undefined
        ? 0
        : above(value, CREATININE_BASELINE.grade3Above, baseline)
          ? 3
          : above(value, CREATININE_BASELINE.grade2Above, baseline)
            ? 2
            : 0;
    // The grade is the higher of the two (ctcae.md); the basis names the rule that gave it.
    if (byBaseline > byUln)
      return { grade: byBaseline, basis: 'baseline' as const, ratio: value / baseline! };
    if (byUln === 0) return { grade: 0, basis: 'normalRange' as const };
    return { grade: byUln, basis: 'uln' as const, ratio: value / uln };
  }
  // ALT/AST: a baseline above the ULN was abnormal, and grades go by multiples of it; otherwise by ULN.
  if (baseline !== undefined && above(baseline, 1, uln)) {
    if (!atLeast(value, TRANSAMINASE_BASELINE_FROM, baseline))
      return { grade: 0, basis: 'normalRange' as const };
    return {
      grade: 1 + countAbove(value, TRANSAMINASE_UPPER, baseline),
      basis: 'baseline' as const,
      ratio: value / baseline,
    };
  }
  if (!above(value, 1, uln)) return { grade: 0, basis: 'normalRange' as const };
  return { grade: 1 + countAbove(value, TRANSAMINASE_UPPER, uln), basis: 'uln' as const, ratio: value / uln };
}

/**
 * The CTCAE grade of a lab value; 0 = not an adverse event by value. `lln` is needed by the "decreased" terms,
 * `uln` by the "increased" ones; `baseline` (the pre-infusion value) is used where CTCAE grades against it.
 * A missing or implausible number makes the result incomplete with its id.
 */
export function gradeLab(input: LabInput): LabResult {
  const { term } = input;
  const bounds = LAB_VALUE_BOUNDS[term];
  if (!bounds) throw new Error(`Unknown lab term: ${String(term)}`);
  const plausible = (x: unknown, positive: boolean): x is number =>
    typeof x === 'number' && Number.isFinite(x) && x >= bounds.min && x <= bounds.max && (!positive || x > 0);
  const given = (x: unknown) => x !== undefined && x !== null;

  const missing: string[] = [];
  if (!plausible(input.value, false)) missing.push('value');
  const decreased = isDecreased(term);
  const limit = decreased ? 'lln' : 'uln';
  if (!plausible(input[limit], true)) missing.push(limit);
  const other = decreased ? 'uln' : 'lln';
  if (given(input[other]) && !plausible(input[other], true)) missing.push(other);
  if (!decreased && given(input.baseline) && !plausible(input.baseline, true)) missing.push('baseline');
  if (missing.length === 0 && given(input.lln) && given(input.uln) && input.lln! >= input.uln!) {
    missing.push('lln', 'uln');
  }
  if (missing.length > 0) return incomplete(missing);

  const value = input.value;
  if (decreased) {
    if (value >= input.lln!) return complete({ grade: 0, basis: 'normalRange' });
    const grade = 1 + DECREASED_BOUNDS[term].filter((bound) => value < bound).length;
    return complete({ grade: grade as LabGrade, basis: 'threshold' });
  }
  const baseline = given(input.baseline) ? input.baseline : undefined;
  const { grade, ...rest } = gradeIncreased(term, value, input.uln!, baseline);
  return complete({ grade: grade as LabGrade, ...rest });
}
