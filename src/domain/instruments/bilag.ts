import type { z } from 'zod';
import {
  BILAG_SYSTEMS,
  bilagGradesSchema,
  type bilagGradeSchema,
  type bilagSystemSchema,
} from '@/schema/instruments';
import { complete, incomplete, type Scored } from '../result';
import { checkInput, type InputCheck } from './input-check';

// BILAG-2004 (shared/clinical/instruments.md): a grade A–E for each of nine systems.

export type BilagSystem = z.infer<typeof bilagSystemSchema>;
export type BilagGrade = z.infer<typeof bilagGradeSchema>;
export type BilagGradesBySystem = Record<BilagSystem, BilagGrade>;

/**
 * BILAG-2004 numeric conversion A = 12, B = 8, C = 1, D = 0, E = 0 (Yee CS et al., Rheumatology 2010;49:1665,
 * PMC2919194 — verified). It is not the synopsis' "0–72" (classic BILAG, eight systems, A = 9, B = 3): no conversion
 * of the nine BILAG-2004 systems gives that range, so the screen names this conversion beside the number.
 */
export const BILAG_NUMERIC_VALUES: Readonly<Record<BilagGrade, number>> = { A: 12, B: 8, C: 1, D: 0, E: 0 };
export const BILAG_MAX_NUMERIC = 108; // 9 systems × A = 12

/**
 * Disease activity of a grade, for "worse than" and "improved to" comparisons: A severe, B moderate, C mild; D
 * (previously affected, now inactive) and E (never affected) are equally inactive.
 */
export const bilagActivity = (grade: BilagGrade): number => ({ A: 3, B: 2, C: 1, D: 0, E: 0 })[grade];

/** The grades of all nine systems, or the ids of those missing or invalid (prefixed, e.g. `baseline.bilag`). */
export function readAllBilagGrades(
  grades: Partial<Record<BilagSystem, BilagGrade>> | undefined,
  prefix?: string,
): InputCheck<BilagGradesBySystem> {
  const checked = checkInput(bilagGradesSchema, grades ?? {}, { required: BILAG_SYSTEMS, prefix });
  return checked.ok ? { ok: true, value: checked.value as BilagGradesBySystem } : checked;
}

/** Numeric BILAG-2004 score (0–108) and the counts of A and B grades; complete only with all nine systems graded. */
export function scoreBilag(
  grades: Partial<Record<BilagSystem, BilagGrade>>,
): Scored<{ numeric: number; countA: number; countB: number }> {
  const checked = readAllBilagGrades(grades);
  if (!checked.ok) return incomplete(checked.missing);
  const given = BILAG_SYSTEMS.map((system) => checked.value[system]);
  return complete({
    numeric: given.reduce((sum, grade) => sum + BILAG_NUMERIC_VALUES[grade], 0),
    countA: given.filter((grade) => grade === 'A').length,
    countB: given.filter((grade) => grade === 'B').length,
  });
}
