import { visitScoresSchema, type VisitScores } from '@/schema/endpoints';
import { checkInput, type InputCheck } from '../instruments/input-check';
import { readAllBilagGrades, type BilagGradesBySystem } from '../instruments/bilag';

type ActivityScores = { sledai: number; pga: number; bilag: BilagGradesBySystem };
type Need = keyof ActivityScores;

/**
 * The scores an endpoint needs from one visit, each present and valid, or the ids of those that are not — named
 * under `prefix` (`baseline.sledai`, `visits.M3.bilag.renal`) so a screen can point at the field to complete.
 */
export function readVisitScores<N extends Need>(
  scores: VisitScores | undefined,
  needs: readonly N[],
  prefix: string,
): InputCheck<Pick<ActivityScores, N>> {
  const scalarNeeds = needs.filter((need) => need !== 'bilag');
  const checked = checkInput(visitScoresSchema, scores ?? {}, { required: scalarNeeds, prefix });
  const bilag = needs.includes('bilag' as N)
    ? readAllBilagGrades(scores?.bilag, `${prefix}.bilag`)
    : undefined;
  const missing = [
    ...new Set([...(checked.ok ? [] : checked.missing), ...(bilag && !bilag.ok ? bilag.missing : [])]),
  ];
  if (!checked.ok || missing.length > 0) return { ok: false, missing };
  return {
    ok: true,
    value: { ...checked.value, ...(bilag?.ok ? { bilag: bilag.value } : {}) } as Pick<ActivityScores, N>,
  };
}
