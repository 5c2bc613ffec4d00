import type { CtcaeGrade } from '@/schema/adverse-events';

// The shapes shared by the bedside subset and the full catalogue, and the version stamped on every grade.

/**
 * NCI CTCAE v5.0 (published 27 Nov 2017), the version the trial grades with (ctcae.md). Stored with every grade;
 * a later protocol version changes this and the generated catalogue, not the grading code.
 */
export const CTCAE_VERSION = '5.0';

export type { CtcaeGrade };
export const CTCAE_GRADES: readonly CtcaeGrade[] = [1, 2, 3, 4, 5];

/** A term's text for each grade; null where NCI writes "-": that grade does not exist and cannot be chosen. */
export type GradeTexts = Readonly<Record<CtcaeGrade, string | null>>;

/** The grades a person may choose for a term, in order. */
export function availableGrades(texts: GradeTexts): CtcaeGrade[] {
  return CTCAE_GRADES.filter((grade) => texts[grade] !== null);
}

/** A packed catalogue row (see the generated module): indices keep the lazily loaded file small. */
export type CtcaeRow = readonly [
  meddraCode: number,
  soc: number,
  term: string,
  grades: readonly [number | null, number | null, number | null, number | null, number | null],
  definition: string | null,
];
