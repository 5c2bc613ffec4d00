import type {
  AdverseEvent,
  AdverseEventGrade,
  AdverseEventTerm,
  CtcaeGrade,
  labGradingSchema,
} from '@/schema/adverse-events';
import type { ChecklistAnswer, MonitoringCheck } from '@/schema/monitoring';
import type { z } from 'zod';
import { CTCAE_VERSION } from '../safety/ctcae-grades';
import { termKey } from '../safety/tolerance';

// What one answered check writes (issue 22, "every present answer opens or updates an AE record"): a "present"
// term that matches an ongoing event of the participant (same CTCAE term, not ended) adds a grading to it; any
// other opens a new event at the check's time. A term recorded as a sign of another (CTCAE: an infusion related
// reaction is not also an allergic reaction or a cytokine release syndrome) opens nothing: the kept event lists it
// among its signs. Pure: ids and times come in.

type LabGrading = z.infer<typeof labGradingSchema>;

export type ChecklistEntry =
  | { item: string; present: false }
  | {
      item: string;
      present: true;
      term: AdverseEventTerm;
      grade: CtcaeGrade;
      /** The item this one is a sign of (both present at this check). */
      signOf?: string;
      labGrading?: LabGrading;
    };

export type OngoingEvent = { id: string; data: Pick<AdverseEvent, 'term' | 'endedAt'> };

export type CheckPlan = {
  newEvents: { id: string; data: AdverseEvent }[];
  gradings: { data: AdverseEventGrade }[];
  answers: ChecklistAnswer[];
  otherEventIds: string[];
};

export function planCheck(input: {
  checkId: string;
  doneAt: string;
  byPhone?: boolean;
  entries: readonly ChecklistEntry[];
  /** Events outside the solicited list, each a new event. */
  others?: readonly { term: AdverseEventTerm; grade: CtcaeGrade }[];
  /** The participant's events: an ongoing one of the same term is graded again rather than opened twice. */
  events: readonly OngoingEvent[];
  newId: () => string;
}): CheckPlan {
  const { checkId, doneAt, byPhone } = input;
  const ongoing = new Map<string, string>();
  for (const e of input.events) if (e.data.endedAt === undefined) ongoing.set(termKey(e.data.term), e.id);
  const plan: CheckPlan = { newEvents: [], gradings: [], answers: [], otherEventIds: [] };
  const eventOf = new Map<string, string>();
  const phone = byPhone ? { byPhone: true } : {};

  const open = (term: AdverseEventTerm, grade: CtcaeGrade, extra: Partial<AdverseEvent>) => {
    const id = input.newId();
    plan.newEvents.push({
      id,
      data: { term, grade, onsetAt: doneAt, serious: false, checkId, ...phone, ...extra },
    });
    return id;
  };

  for (const entry of input.entries) {
    if (!entry.present || entry.signOf) continue;
    const existing = ongoing.get(termKey(entry.term));
    const signs = input.entries.filter((e) => e.present && e.signOf === entry.item).map((e) => e.item);
    let id: string;
    if (existing) {
      id = existing;
      plan.gradings.push({
        data: {
          adverseEventId: id,
          grade: entry.grade,
          gradedAt: doneAt,
          version: entry.term.kind === 'ctcae' ? entry.term.version : CTCAE_VERSION,
          checkId,
          ...phone,
          ...(entry.labGrading ? { labGrading: entry.labGrading } : {}),
        },
      });
    } else {
      id = open(entry.term, entry.grade, {
        solicited: true,
        ...(signs.length ? { signs } : {}),
        ...(entry.labGrading ? { labGrading: entry.labGrading } : {}),
      });
    }
    eventOf.set(entry.item, id);
  }
  for (const entry of input.entries) {
    if (!entry.present) {
      plan.answers.push({ item: entry.item, present: false });
      continue;
    }
    const kept = entry.signOf ? eventOf.get(entry.signOf) : eventOf.get(entry.item);
    if (!kept) continue;
    plan.answers.push({
      item: entry.item,
      present: true,
      grade: entry.grade,
      adverseEventId: kept,
      ...(entry.signOf ? { signOf: entry.signOf } : {}),
    });
  }
  for (const other of input.others ?? []) {
    plan.otherEventIds.push(open(other.term, other.grade, { solicited: false }));
  }
  return plan;
}

/** The check record of a plan. */
export function checkRecord(
  plan: CheckPlan,
  fields: Omit<MonitoringCheck, 'answers' | 'otherEventIds'>,
): MonitoringCheck {
  return {
    ...fields,
    answers: plan.answers,
    ...(plan.otherEventIds.length ? { otherEventIds: plan.otherEventIds } : {}),
  };
}
