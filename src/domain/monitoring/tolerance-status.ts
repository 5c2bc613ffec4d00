import type { Scored } from '@/domain/result';
import type { AdverseEvent, AdverseEventGrade } from '@/schema/adverse-events';
import type { ToleranceDetermination } from '@/schema/monitoring';
import { withWorstGrade } from '../safety/adverse-event';
import { summarizeTolerance, type ToleranceSummary } from '../safety/tolerance';
import { toleranceWindow } from '../schedule/tolerance-window';

// A participant's tolerance as the dose decision reads it (issue 22 → issue 20's cohort table): derived each time
// from the adverse events, their gradings and the physician's determination — never a copy of the numbers.
// Worst grades are over time (gradings included); the physician's decision on each DLT candidate comes from the
// `toleranceDetermination` record; the determination counts once it is signed and still covers the events as
// they are (a later event or grade that makes a new candidate, or a changed window, makes it stale).

export type ToleranceEventInput = {
  id: string;
  data: AdverseEvent;
  gradings: readonly { data: Pick<AdverseEventGrade, 'grade'> }[];
};

export type ToleranceStatus = {
  window: { startsAt: number; endsAt: number };
  /** The 10 days are over: the participant's DLT observation period is complete. */
  windowComplete: boolean;
  summary: Scored<ToleranceSummary>;
  determination?: { id: string; rev: number; data: ToleranceDetermination; signed: boolean };
  /** The determination judged every current DLT candidate over the same window. */
  determinationCurrent: boolean;
  /**
   * What the cohort table counts (dosing.md): a participant infused; completed = the window is over and the
   * physician's determination is signed and current, or a DLT is confirmed (a DLT ends the observation); dlt =
   * the signed, current determination says so.
   */
  counts: { infused: true; completed: boolean; dlt: boolean };
};

export function toleranceStatus(input: {
  infusionStartedAt: number;
  events: readonly ToleranceEventInput[];
  determination?: { id: string; rev: number; data: ToleranceDetermination; signed: boolean };
  now: number;
  timeZone?: string;
}): ToleranceStatus | undefined {
  const tz = input.timeZone ? { timeZone: input.timeZone } : {};
  const window = toleranceWindow({ infusionStartedAt: input.infusionStartedAt, ...tz });
  if (!window) return undefined;
  const decisions = new Map(input.determination?.data.events.map((e) => [e.adverseEventId, e.isDlt]) ?? []);
  const decidedAt = input.determination?.data.decidedAt;
  const summary = summarizeTolerance({
    events: input.events.map((e) => {
      const data = withWorstGrade(e.data, e.gradings);
      const isDlt = decisions.get(e.id);
      return {
        id: e.id,
        data: isDlt === undefined || !decidedAt ? data : { ...data, dltDecision: { isDlt, decidedAt } },
      };
    }),
    infusionStartedAt: input.infusionStartedAt,
    now: input.now,
    ...tz,
  });
  const d = input.determination;
  const determinationCurrent =
    !!d &&
    summary.status === 'complete' &&
    d.data.windowStartsAt === window.startsAt &&
    d.data.windowEndsAt === window.endsAt &&
    summary.relatednessPending.length === 0 &&
    summary.dltEvents.every((e) => decisions.has(e.id));
  const windowComplete = input.now > window.endsAt;
  const counted = !!d && d.signed && determinationCurrent;
  const dlt = counted && d.data.dlt;
  return {
    window,
    windowComplete,
    summary,
    ...(d ? { determination: d } : {}),
    determinationCurrent,
    counts: { infused: true, completed: counted && (windowComplete || dlt), dlt },
  };
}
