import {
  PHYSICIAN_ONLY_AE_FIELDS,
  type AdverseEvent,
  type AdverseEventGrade,
  type CtcaeGrade,
} from '@/schema/adverse-events';
import type { Role } from '@/schema/common';
import { TOLERANCE_CONFIG } from './config';

// An adverse event over time (issue 22): its grade at onset is in its own record, each later grading is an
// `adverseEventGrade` observation; the worst grade is derived, never stored. And who may change what: nurses
// record, physicians assess (causality, expectedness, DLT, sponsor notification). The tablet's commands and the
// central store apply the same rule.

/** One point of the event's grade over time, oldest first. */
export type GradePoint = { grade: CtcaeGrade; at: string; checkId?: string; gradingId?: string };

/** The event's grade over time: the grade at onset, then every grading in time order. */
export function gradeHistory(
  event: Pick<AdverseEvent, 'grade' | 'onsetAt' | 'checkId'>,
  gradings: readonly { id: string; data: AdverseEventGrade }[],
): GradePoint[] {
  const points: GradePoint[] = [
    { grade: event.grade, at: event.onsetAt, ...(event.checkId ? { checkId: event.checkId } : {}) },
  ];
  const later = [...gradings].sort((a, b) => Date.parse(a.data.gradedAt) - Date.parse(b.data.gradedAt));
  for (const { id, data } of later) {
    points.push({
      grade: data.grade,
      at: data.gradedAt,
      gradingId: id,
      ...(data.checkId ? { checkId: data.checkId } : {}),
    });
  }
  return points;
}

/** The worst grade the event reached: the highest of its grade at onset and of every later grading. */
export function worstAdverseEventGrade(
  event: Pick<AdverseEvent, 'grade'>,
  gradings: readonly { data: Pick<AdverseEventGrade, 'grade'> }[],
): CtcaeGrade {
  return gradings.reduce<CtcaeGrade>(
    (worst, g) => (g.data.grade > worst ? g.data.grade : worst),
    event.grade,
  );
}

/** The grade currently recorded (the latest grading, else the grade at onset). */
export function currentAdverseEventGrade(
  event: Pick<AdverseEvent, 'grade' | 'onsetAt' | 'checkId'>,
  gradings: readonly { id: string; data: AdverseEventGrade }[],
): CtcaeGrade {
  return gradeHistory(event, gradings).at(-1)!.grade;
}

/**
 * The event as the tolerance endpoint reads it: its record with the worst grade over time in place of the grade
 * at onset (summarizeTolerance grades each event once, by its worst).
 */
export function withWorstGrade(
  event: AdverseEvent,
  gradings: readonly { data: Pick<AdverseEventGrade, 'grade'> }[],
): AdverseEvent {
  return { ...event, grade: worstAdverseEventGrade(event, gradings) };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The physician-only fields (causality, expectedness, DLT decision, sponsor notification) that `after` sets or
 * changes from `before` (the revision it was made on; undefined for a new event). Empty = allowed for anyone who
 * may write adverse events; a non-physician with a non-empty answer is refused.
 */
export function physicianOnlyChanges(
  before: Partial<AdverseEvent> | undefined,
  after: Partial<AdverseEvent>,
): string[] {
  return PHYSICIAN_ONLY_AE_FIELDS.filter((field) => !same(before?.[field], after[field]));
}

/** Whether a person of this role may write `after` on top of `before`. */
export function mayWriteAdverseEvent(
  role: Role,
  before: Partial<AdverseEvent> | undefined,
  after: Partial<AdverseEvent>,
): boolean {
  return role === 'physician' || physicianOnlyChanges(before, after).length === 0;
}

/** A serious event's 24-hour sponsor notification, at a time `now` (epoch ms). */
export type SaeClock = {
  awareAt: number;
  notifyBy: number;
  /** notifyBy − now while not notified (negative once overdue); undefined once notified. */
  remainingMs?: number;
  notifiedAt?: number;
  status: 'due' | 'overdue' | 'notifiedOnTime' | 'notifiedLate';
};

/**
 * The countdown to the sponsor notification of a serious event, from the recorded moment of awareness
 * (infusion-and-monitoring.md: "at the latest 24 hours after the team becomes aware"); null for a non-serious
 * event. Notifying at exactly the deadline is on time.
 */
export function saeClock(
  event: Pick<AdverseEvent, 'serious' | 'awareAt' | 'sponsorNotifiedAt'>,
  now: number,
  hours: number = TOLERANCE_CONFIG.saeNotificationHours,
): SaeClock | null {
  if (!event.serious || event.awareAt === undefined) return null;
  const awareAt = Date.parse(event.awareAt);
  const notifyBy = awareAt + hours * 3_600_000;
  if (event.sponsorNotifiedAt !== undefined) {
    const notifiedAt = Date.parse(event.sponsorNotifiedAt);
    return {
      awareAt,
      notifyBy,
      notifiedAt,
      status: notifiedAt <= notifyBy ? 'notifiedOnTime' : 'notifiedLate',
    };
  }
  return { awareAt, notifyBy, remainingMs: notifyBy - now, status: now <= notifyBy ? 'due' : 'overdue' };
}
