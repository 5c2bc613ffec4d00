import type { AdverseEvent, CtcaeGrade } from '@/schema/adverse-events';
import type { DoseLevel } from '@/schema/dosing';
import {
  addDays,
  compareCalendarDates,
  formatCalendarDate,
  parseCalendarDate,
} from '@/domain/schedule/calendar-date';
import { SCHEDULE_CONFIG } from '@/domain/schedule/config';
import { dltReasons } from '@/domain/safety/tolerance';
import { DOSING_CONFIG } from './config';

// Where the next inclusion goes (synopsis, "Analyse statistique"): the first five participants at 2 ×10⁶/kg
// (cohort 1), the next five at the dose decided after cohort 1 (cohort 2). A cohort's slots are counted from the
// participants known to hold one; the central store enforces the same count across tablets (cohort-full).

export const COHORT_COUNT = 2;

export type CohortMember = { cohort?: number };
export type CohortDecision = {
  cohort?: number;
  decision: 'escalate' | 'de-escalate' | 'hold' | 'pause';
  nextDoseLevel?: DoseLevel;
  decidedAt: string;
};

export type InclusionSlot =
  | { ok: true; cohort: number; doseLevel: DoseLevel; slot: number; cohortSize: number }
  /** The cohort before is full and its dose decision is not recorded yet. */
  | { ok: false; reason: 'awaitingDecision'; cohort: number }
  /** The physician's decision paused inclusions. */
  | { ok: false; reason: 'inclusionsPaused'; cohort: number }
  /** Every cohort is full. */
  | { ok: false; reason: 'trialFull' };

/** The decision that closed `cohort`: the latest recorded (decision records without a cohort close cohort 1). */
export function decisionFor(
  decisions: readonly CohortDecision[],
  cohort: number,
): CohortDecision | undefined {
  return decisions
    .filter((d) => (d.cohort ?? 1) === cohort)
    .sort((a, b) => a.decidedAt.localeCompare(b.decidedAt))
    .at(-1);
}

/** The dose level of a cohort: cohort 1's is fixed; a later one's comes from the decision on the one before. */
export function cohortDoseLevel(decisions: readonly CohortDecision[], cohort: number): DoseLevel | undefined {
  if (cohort === 1) return DOSING_CONFIG.firstCohortDoseLevel;
  const decision = decisionFor(decisions, cohort - 1);
  if (!decision || decision.decision === 'pause') return undefined;
  return decision.nextDoseLevel;
}

/** The cohort, dose level and slot the next participant included joins. */
export function nextInclusionSlot(
  members: readonly CohortMember[],
  decisions: readonly CohortDecision[],
  cohortSize: number = DOSING_CONFIG.decision.cohortSize,
): InclusionSlot {
  for (let cohort = 1; cohort <= COHORT_COUNT; cohort += 1) {
    const held = members.filter((m) => m.cohort === cohort).length;
    if (held >= cohortSize) continue;
    if (cohort > 1) {
      const decision = decisionFor(decisions, cohort - 1);
      if (!decision) return { ok: false, reason: 'awaitingDecision', cohort: cohort - 1 };
      if (decision.decision === 'pause') return { ok: false, reason: 'inclusionsPaused', cohort: cohort - 1 };
    }
    const doseLevel = cohortDoseLevel(decisions, cohort);
    if (doseLevel === undefined) return { ok: false, reason: 'awaitingDecision', cohort: cohort - 1 };
    return { ok: true, cohort, doseLevel, slot: held + 1, cohortSize };
  }
  return { ok: false, reason: 'trialFull' };
}

/** Days after the infusion date whose check closes the tolerance window (SCHEDULE_CONFIG: day 10). */
const TOLERANCE_LAST_DAY = SCHEDULE_CONFIG.dailyChecks.toDay;

export type CohortMemberStatus = {
  infused: boolean;
  /** Evaluable: day 10 is over with no DLT decision pending, or a DLT was confirmed earlier. */
  completed: boolean;
  /** A DLT the physician confirmed (signed determination): only then does it count for the decision. */
  dlt: boolean;
  /**
   * An event in the window may be a DLT and the physician's signed determination has not judged it yet (it meets
   * the definition, or it is grade ≥ 3 with its relation not assessed): the participant is in window / pending,
   * neither counted as a DLT nor as evaluable without one.
   */
  dltPending: boolean;
  /** Worst CTCAE grade among the events in the window; 0 when none. */
  worstGrade: 0 | CtcaeGrade;
  /** The last day of the tolerance window, 'YYYY-MM-DD'. */
  windowEndsOn?: string;
};

/**
 * Where one infused participant stands for the dose decision, from their infusion date and their adverse-event
 * records: the worst grade in the window (infusion day to day 10), whether one is a DLT — the physician's signed
 * decision only (`dltDecision`, the monitoring's rule, toleranceStatus): an event that meets the definition
 * (dltReasons) or a grade ≥ 3 not assessed yet keeps the participant pending until it is decided, so a possible
 * DLT is never missed nor counted before the physician signs — and whether they are evaluable `today`
 * ('YYYY-MM-DD', the day after day 10 with nothing pending, or once a DLT is confirmed).
 */
export function cohortMemberStatus(input: {
  infusionDate?: string;
  events: readonly AdverseEvent[];
  today: string;
}): CohortMemberStatus {
  const start = parseCalendarDate(input.infusionDate);
  const today = parseCalendarDate(input.today);
  // The dossier's date may be the planned one: a date still ahead is no infusion yet.
  if (!start || (today && compareCalendarDates(start, today) > 0))
    return { infused: false, completed: false, dlt: false, dltPending: false, worstGrade: 0 };
  const end = addDays(start, TOLERANCE_LAST_DAY);
  const inWindow = input.events.filter((ae) => {
    const onset = parseCalendarDate(ae.onsetAt.slice(0, 10));
    return !!onset && compareCalendarDates(onset, start) >= 0 && compareCalendarDates(onset, end) <= 0;
  });
  const worstGrade = inWindow.reduce<0 | CtcaeGrade>((worst, ae) => (ae.grade > worst ? ae.grade : worst), 0);
  const dlt = inWindow.some((ae) => ae.dltDecision?.isDlt === true);
  const dltPending = inWindow.some(
    (ae) => !ae.dltDecision && (dltReasons(ae).length > 0 || (ae.grade >= 3 && ae.relatedness === undefined)),
  );
  const over = !!today && compareCalendarDates(today, end) > 0;
  return {
    infused: true,
    completed: (over && !dltPending) || dlt,
    dlt,
    dltPending,
    worstGrade,
    windowEndsOn: formatCalendarDate(end),
  };
}

/**
 * The counts a cohort's dose decision rests on (recommendNextDose), from its members' statuses: infused,
 * evaluable (completed: day 10 over or a DLT), DLTs. The dose-decision screen and the DSMB report both use it.
 */
export function cohortCounts(statuses: readonly Pick<CohortMemberStatus, 'infused' | 'completed' | 'dlt'>[]) {
  return {
    patients: statuses.filter((s) => s.infused).length,
    completed: statuses.filter((s) => s.completed).length,
    dlts: statuses.filter((s) => s.dlt).length,
  };
}
