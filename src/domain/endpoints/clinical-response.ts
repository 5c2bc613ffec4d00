import { BILAG_SYSTEMS } from '@/schema/instruments';
import { complete, incomplete, type Scored } from '../result';
import {
  bilagActivity,
  type BilagGrade,
  type BilagGradesBySystem,
  type BilagSystem,
} from '../instruments/bilag';
import type { Visit, VisitScores } from '@/schema/endpoints';
import { readVisitScores } from './visit-scores';

// Major and partial clinical response at a visit, from BILAG-2004 against M0 (synopsis, secondary endpoints 1, 4,
// 5; shared/clinical/instruments.md, after EXPLORER — Merrill JT et al., Arthritis Rheum 2010;62:222). EXPLORER's
// exact wording could not be retrieved (only its registry entry, NCT00137969, "MCR = BILAG C score or better…"),
// so the rule is the trial team's, as written in instruments.md, and this is it, word for word on the screen:
//
//   MCR — every system is BILAG C or better at the visit, with no new A or B since the previous visit.
//   PCR — not MCR; no system A at the visit; at most one system B; every system A at M0 is B or better at the
//         visit, and every system B at M0 is C or better.
//   none — neither.
//
// With visits as the only BILAG assessments, "no new A or B since the previous visit" is implied by "every system
// C or better at the visit" (no A or B exists at the visit to be new), so MCR needs the M0 and visit grades only.
//
// Reasons are codes for the screen to translate, each `code` or `code:systems`:
//   allSystemsCOrBetter | notAllSystemsCOrBetter:… | pcrCriteriaMet | gradeAAtVisit:… | moreThanOneB:… |
//   baselineANotImproved:… | baselineBNotImproved:…

export type ClinicalResponse = 'MCR' | 'PCR' | 'none';

const systemsWhere = (
  grades: BilagGradesBySystem,
  predicate: (grade: BilagGrade, system: BilagSystem) => boolean,
) => BILAG_SYSTEMS.filter((system) => predicate(grades[system], system));

const reason = (code: string, systems: readonly string[]) => `${code}:${systems.join(',')}`;

/** Why a visit's grades fall short of PCR against M0; empty when they meet it. */
function pcrShortfalls(baseline: BilagGradesBySystem, atVisit: BilagGradesBySystem): string[] {
  const gradeA = systemsWhere(atVisit, (grade) => grade === 'A');
  const gradeB = systemsWhere(atVisit, (grade) => grade === 'B');
  const notImprovedTo = (from: BilagGrade, to: BilagGrade) =>
    systemsWhere(
      baseline,
      (grade, system) => grade === from && bilagActivity(atVisit[system]) > bilagActivity(to),
    );
  const baselineANotImproved = notImprovedTo('A', 'B');
  const baselineBNotImproved = notImprovedTo('B', 'C');
  return [
    ...(gradeA.length > 0 ? [reason('gradeAAtVisit', gradeA)] : []),
    ...(gradeB.length > 1 ? [reason('moreThanOneB', gradeB)] : []),
    ...(baselineANotImproved.length > 0 ? [reason('baselineANotImproved', baselineANotImproved)] : []),
    ...(baselineBNotImproved.length > 0 ? [reason('baselineBNotImproved', baselineBNotImproved)] : []),
  ];
}

/** The one entry for `visit`, or why there is not exactly one. */
function findVisit(visits: readonly VisitScores[], visit: Visit): VisitScores | 'absent' | 'duplicated' {
  const found = visits.filter((scores) => scores.visit === visit);
  if (found.length > 1) return 'duplicated';
  return found[0] ?? 'absent';
}

/**
 * MCR, PCR or none at `at` (M1…M12) from the participant's visits, given in any order. Incomplete when M0 or `at`
 * is absent, entered twice (`visits.M3`), or lacks a BILAG grade (`visits.M3.bilag.renal`).
 */
export function clinicalResponse(
  visits: readonly VisitScores[],
  at: Visit,
): Scored<{ response: ClinicalResponse; reasons: string[] }> {
  if (at === 'M0') throw new RangeError('A clinical response is measured after M0, against it');
  const missing: string[] = [];
  const grades = (['M0', at] as const).map((visit) => {
    const found = findVisit(visits, visit);
    if (typeof found === 'string') {
      missing.push(`visits.${visit}`);
      return undefined;
    }
    const read = readVisitScores(found, ['bilag'], `visits.${visit}`);
    if (!read.ok) missing.push(...read.missing);
    return read.ok ? read.value.bilag : undefined;
  });
  const [baseline, atVisit] = grades;
  if (!baseline || !atVisit || missing.length > 0) return incomplete(missing);

  const activeSystems = systemsWhere(atVisit, (grade) => bilagActivity(grade) > bilagActivity('C'));
  if (activeSystems.length === 0) return complete({ response: 'MCR', reasons: ['allSystemsCOrBetter'] });
  const notMcr = reason('notAllSystemsCOrBetter', activeSystems);
  const shortfalls = pcrShortfalls(baseline, atVisit);
  if (shortfalls.length === 0) return complete({ response: 'PCR', reasons: [notMcr, 'pcrCriteriaMet'] });
  return complete({ response: 'none', reasons: [notMcr, ...shortfalls] });
}
