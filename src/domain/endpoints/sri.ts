import { BILAG_SYSTEMS } from '@/schema/instruments';
import type { SriDefinition, VisitScores } from '@/schema/endpoints';
import { complete, incomplete, type Scored } from '../result';
import { bilagActivity, type BilagGradesBySystem, type BilagSystem } from '../instruments/bilag';
import { pgaInTenths } from '../instruments/pga';
import { readVisitScores } from './visit-scores';

// SLE Responder Index of a follow-up visit against baseline (M0), by one of two labelled definitions
// (shared/clinical/instruments.md, "Response endpoints"):
// - 'furie2009': SRI-4 as published (Furie R et al., Arthritis Rheum 2009;61:1143 — verified on its abstract):
//   SELENA-SLEDAI reduced by ≥ 4; no new BILAG A and no more than one new BILAG B; PGA not worse by ≥ 0.3. (The
//   abstract writes "no new BILAG A or no more than 1 new BILAG B"; trials apply it as "and", as here.)
// - 'protocol': the MSC-LES synopsis, secondary endpoint 3 — the same, but no new BILAG B at all.
// A "new" A is a system at A now that was not A at baseline; a new B is a system at B now that was C, D or E.

export const SRI_DEFINITIONS: Readonly<Record<SriDefinition, { label: string; maxNewBilagB: number }>> = {
  protocol: { label: 'SRI (MSC-LES protocol: no new BILAG A or B)', maxNewBilagB: 0 },
  furie2009: { label: 'SRI-4 (Furie 2009: no new BILAG A, ≤ 1 new BILAG B)', maxNewBilagB: 1 },
};

const SLEDAI_REDUCTION = 4; // ≥ 4 points (Furie 2009; synopsis endpoint 3)
const PGA_WORSENING_TENTHS = 3; // an increase of ≥ 0.3 is worsening (Furie 2009; synopsis endpoint 3)

export type SriResult = {
  responder: boolean;
  sledaiReduced: boolean;
  noNewBilagA: boolean;
  bilagBOk: boolean;
  pgaOk: boolean;
  /** The definition's label, to show beside the result. */
  label: string;
  newBilagA: BilagSystem[];
  newBilagB: BilagSystem[];
};

const newlyAt = (target: 'A' | 'B', baseline: BilagGradesBySystem, followUp: BilagGradesBySystem) =>
  BILAG_SYSTEMS.filter(
    (system) => followUp[system] === target && bilagActivity(baseline[system]) < bilagActivity(target),
  );

/** SRI response at `followUp` against `baseline`; incomplete unless both visits have SLEDAI, PGA and all of BILAG. */
export function sriResponse(
  baseline: VisitScores,
  followUp: VisitScores,
  definition: SriDefinition,
): Scored<SriResult> {
  const rule = SRI_DEFINITIONS[definition];
  if (!rule) throw new Error(`Unknown SRI definition: ${String(definition)}`);
  const before = readVisitScores(baseline, ['sledai', 'pga', 'bilag'], 'baseline');
  const after = readVisitScores(followUp, ['sledai', 'pga', 'bilag'], 'followUp');
  if (!before.ok || !after.ok) {
    return incomplete([...(before.ok ? [] : before.missing), ...(after.ok ? [] : after.missing)]);
  }
  const newBilagA = newlyAt('A', before.value.bilag, after.value.bilag);
  const newBilagB = newlyAt('B', before.value.bilag, after.value.bilag);
  const sledaiReduced = before.value.sledai - after.value.sledai >= SLEDAI_REDUCTION;
  const noNewBilagA = newBilagA.length === 0;
  const bilagBOk = newBilagB.length <= rule.maxNewBilagB;
  const pgaOk = pgaInTenths(after.value.pga) - pgaInTenths(before.value.pga) < PGA_WORSENING_TENTHS;
  return complete({
    responder: sledaiReduced && noNewBilagA && bilagBOk && pgaOk,
    sledaiReduced,
    noNewBilagA,
    bilagBOk,
    pgaOk,
    label: rule.label,
    newBilagA,
    newBilagB,
  });
}
