import type { StoredRecord } from '@/db/types';
import type { VisitRecords } from '@/db/assessments';
import {
  clinicalResponse,
  evaluateFailureCriteria,
  proteinuriaDoublingThreshold,
  incomplete,
  itemState,
  isLate,
  scoreBilag,
  scoreEq5d5l,
  scorePga,
  scoreSdi,
  scoreSf36,
  scoreSledai,
  sriResponse,
  steroidSparing,
  treatmentFailure,
  visitSchedule,
  type ItemState,
  type PrednisoneDose,
  type RenalAssessment,
  type ScheduleItem,
  type Scored,
  type VisitId,
  type VisitScores,
} from '@/domain';
import { LABS, type Assessment, type AssessmentForm, type AssessmentOf } from '@/schema/assessments';
import { VISITS } from '@/schema/endpoints';
import { SCHEDULE_CONFIG } from '@/domain/schedule';
import type { Signature } from '@/schema/signature';

// What the visit screens show, computed from the stored records (pure: the time is a parameter). Every score and
// endpoint comes from the clinical core; this module only gathers its inputs from the participant's records.

/** A visit form as stored, with whether it is finalised: signed by a physician at its current revision. */
export type FormStatus = {
  record: StoredRecord;
  data: Assessment;
  finalised: boolean;
  /** It was signed once, but the current revision is not: the old signature is invalidated. */
  signatureInvalidated: boolean;
  signedAt?: string;
};

export type VisitForms = Partial<Record<AssessmentForm, FormStatus>>;

const isVisitFormsSignature = (record: StoredRecord) => (record.data as Signature).meaning === 'visit-forms';

/** The forms of each visit, with their signature state (a signature counts for the revision it names). */
export function formsByVisit(records: VisitRecords): Map<VisitId, VisitForms> {
  const signatures = records.signatures.filter(isVisitFormsSignature).map((r) => r.data as Signature);
  const byVisit = new Map<VisitId, VisitForms>();
  for (const record of records.assessments) {
    const data = record.data as Assessment;
    const own = signatures.filter((s) => s.recordId === record.id);
    const current = own
      .filter((s) => s.recordRev === record.rev)
      .sort((a, b) => a.signedAt.localeCompare(b.signedAt));
    const forms = byVisit.get(data.visit) ?? {};
    forms[data.form] = {
      record,
      data,
      finalised: current.length > 0,
      signatureInvalidated: current.length === 0 && own.length > 0,
      ...(current.length > 0 ? { signedAt: current.at(-1)!.signedAt } : {}),
    };
    byVisit.set(data.visit, forms);
  }
  return byVisit;
}

/** The forms a visit needs before it is done (its instruments and forms in the schedule's contents). */
export function requiredForms(item: ScheduleItem): AssessmentForm[] {
  return [...(item.contents?.instruments ?? []), ...(item.contents?.forms ?? [])];
}

export type CalendarEntry = {
  item: ScheduleItem;
  visit: VisitId;
  state: ItemState;
  forms: VisitForms;
  required: AssessmentForm[];
  /** Required forms finalised so far. */
  finalisedCount: number;
  missedReason?: string;
  /** Done after the window closed. */
  late: boolean;
};

/** The M0…M12 calendar of a participant at `now`; empty without an infusion date (day 0). */
export function visitCalendar(
  infusionDate: string | undefined,
  records: VisitRecords,
  now: number,
): CalendarEntry[] {
  if (!infusionDate) return [];
  const forms = formsByVisit(records);
  return visitSchedule({ infusionDate }).map((item) => {
    const visit = item.id as VisitId;
    const visitForms = forms.get(visit) ?? {};
    const required = requiredForms(item);
    const finalised = required.filter((form) => visitForms[form]?.finalised);
    const doneAt =
      finalised.length === required.length && required.length > 0
        ? Math.max(...finalised.map((form) => Date.parse(visitForms[form]!.signedAt!)))
        : undefined;
    const declaration = records.missed
      .filter((r) => r.data.visit === visit)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      .at(-1);
    const missed = declaration
      ? {
          reason: String(declaration.data.reason),
          declaredAt: Date.parse(String(declaration.data.declaredAt)),
        }
      : undefined;
    return {
      item,
      visit,
      state: itemState(item, now, doneAt, missed),
      forms: visitForms,
      required,
      finalisedCount: finalised.length,
      ...(missed && doneAt === undefined ? { missedReason: missed.reason } : {}),
      late: doneAt !== undefined && isLate(item, doneAt),
    };
  });
}

/** The next visit still to be done (due or overdue first, then the next upcoming), for the participants list. */
export function nextVisit(calendar: readonly CalendarEntry[]): CalendarEntry | undefined {
  return (
    calendar.find((entry) => entry.state === 'overdue' || entry.state === 'due') ??
    calendar.find((entry) => entry.state === 'upcoming')
  );
}

// ── Running scores: one per form, always the core's ───────────────────────────────────────────────────────────────

export type FormScore =
  | { form: 'sledai'; result: ReturnType<typeof scoreSledai> }
  | { form: 'bilag'; result: ReturnType<typeof scoreBilag> }
  | { form: 'pga'; result: ReturnType<typeof scorePga> }
  | { form: 'sdi'; result: ReturnType<typeof scoreSdi> }
  | { form: 'sf36'; result: ReturnType<typeof scoreSf36> }
  | { form: 'eq5d5l'; result: ReturnType<typeof scoreEq5d5l> }
  | { form: 'prednisone'; result: Scored<{ mgPerDay: number }> }
  | { form: 'toleranceReview'; result: Scored<{ newAdverseEvents: boolean }> }
  | { form: 'treatmentFailure'; result: Scored<{ entries: number }> }
  | { form: 'biology'; result: Scored<{ measured: number }> };

/** The labs a visit's biology form expects: the full panel, with the immunophenotyping where the visit has it. */
export function expectedLabs(contents: ScheduleItem['contents']) {
  const withPhenotyping = contents?.samples.includes('immunophenotyping') ?? false;
  return LABS.filter((lab) => !('panel' in lab) || withPhenotyping);
}

/** The running score of a form's answers as they are now (typed or saved), from the core's functions. */
export function scoreForm(data: Assessment, contents?: ScheduleItem['contents']): FormScore {
  switch (data.form) {
    case 'sledai':
      return { form: 'sledai', result: scoreSledai(data.answers) };
    case 'bilag':
      return { form: 'bilag', result: scoreBilag(data.grades) };
    case 'pga':
      return { form: 'pga', result: data.value === undefined ? incomplete(['pga']) : scorePga(data.value) };
    case 'sdi':
      return { form: 'sdi', result: scoreSdi(data.items) };
    case 'sf36':
      return { form: 'sf36', result: scoreSf36(data.response.answers, data.response.form) };
    case 'eq5d5l': {
      const scored = scoreEq5d5l(data.levels as never);
      // The EQ VAS is part of the questionnaire: a profile without it is still an incomplete sheet.
      if (scored.status === 'complete' && data.levels.vas === undefined)
        return { form: 'eq5d5l', result: incomplete(['vas']) };
      if (scored.status === 'incomplete' && data.levels.vas === undefined)
        return { form: 'eq5d5l', result: incomplete([...scored.missing, 'vas']) };
      return { form: 'eq5d5l', result: scored };
    }
    case 'prednisone':
      return {
        form: 'prednisone',
        result:
          data.mgPerDay === undefined
            ? incomplete(['mgPerDay'])
            : { status: 'complete', mgPerDay: data.mgPerDay },
      };
    case 'toleranceReview':
      return {
        form: 'toleranceReview',
        result:
          data.newAdverseEvents === undefined
            ? incomplete(['newAdverseEvents'])
            : { status: 'complete', newAdverseEvents: data.newAdverseEvents },
      };
    case 'treatmentFailure':
      return {
        form: 'treatmentFailure',
        result: { status: 'complete', entries: data.renalAssessments.length + data.events.length },
      };
    case 'biology': {
      const missing = expectedLabs(contents)
        .filter((lab) => data.labs[lab.id] === undefined)
        .map((lab) => lab.id);
      return {
        form: 'biology',
        result: missing.length
          ? incomplete(missing)
          : { status: 'complete', measured: Object.keys(data.labs).length },
      };
    }
  }
}

// ── Endpoint inputs and results ──────────────────────────────────────────────────────────────────────────────────

function formData<F extends AssessmentForm>(forms: VisitForms | undefined, form: F) {
  return forms?.[form]?.data as AssessmentOf<F> | undefined;
}

/** The disease-activity scores of each visit that has any, as the endpoint functions take them. */
export function visitScores(forms: Map<VisitId, VisitForms>): VisitScores[] {
  return VISITS.flatMap((visit) => {
    const entry = forms.get(visit);
    if (!entry) return [];
    const sledai = formData(entry, 'sledai');
    const bilag = formData(entry, 'bilag');
    const pga = formData(entry, 'pga');
    const total = sledai ? scoreSledai(sledai.answers) : undefined;
    return [
      {
        visit,
        ...(total?.status === 'complete' ? { sledai: total.total } : {}),
        ...(bilag ? { bilag: bilag.grades } : {}),
        ...(pga?.value !== undefined ? { pga: pga.value } : {}),
      },
    ];
  });
}

export function prednisoneDoses(forms: Map<VisitId, VisitForms>): PrednisoneDose[] {
  return VISITS.flatMap((visit) => {
    const dose = formData(forms.get(visit), 'prednisone');
    return dose?.mgPerDay === undefined ? [] : [{ date: dose.assessedOn, mgPerDay: dose.mgPerDay }];
  });
}

/** Renal findings by date, from each visit's biology (creatinine, proteinuria) and treatment-failure form. */
export function renalAssessments(forms: Map<VisitId, VisitForms>): RenalAssessment[] {
  const byDate = new Map<string, RenalAssessment>();
  const merge = (entry: RenalAssessment) => byDate.set(entry.date, { ...byDate.get(entry.date), ...entry });
  for (const visit of VISITS) {
    const biology = formData(forms.get(visit), 'biology');
    if (biology && (biology.labs.creatinine !== undefined || biology.labs.proteinuria24h !== undefined))
      merge({
        date: biology.assessedOn,
        ...(biology.labs.creatinine !== undefined ? { creatinineUmolL: biology.labs.creatinine } : {}),
        ...(biology.labs.proteinuria24h !== undefined
          ? { proteinuriaGPer24h: biology.labs.proteinuria24h }
          : {}),
      });
    for (const entry of formData(forms.get(visit), 'treatmentFailure')?.renalAssessments ?? []) merge(entry);
  }
  return [...byDate.values()].sort((a, b) => a.date.localeCompare(b.date));
}

export type VisitEndpoints = {
  visit: Exclude<VisitId, 'M0'>;
  sriProtocol: ReturnType<typeof sriResponse>;
  sriFurie: ReturnType<typeof sriResponse>;
  clinical: ReturnType<typeof clinicalResponse>;
};

export type ParticipantEndpoints = {
  scores: VisitScores[];
  perVisit: VisitEndpoints[];
  steroidSparing: ReturnType<typeof steroidSparing>;
  treatmentFailure: ReturnType<typeof treatmentFailure> | undefined;
  /** Each criterion's outcome, shown even while the overall result is incomplete. */
  failureCriteria: ReturnType<typeof evaluateFailureCriteria> | undefined;
  /** The doubled-proteinuria threshold used, beside its reference (last pre-infusion) value. */
  proteinuria?: { baseline: number; threshold: number };
  doses: PrednisoneDose[];
};

/**
 * The follow-up visits that measure a response against M0: those whose schedule holds SLEDAI, BILAG and PGA
 * (M3…M12; M1 is a tolerance visit, visits.md), so that no visit is shown forever incomplete for want of scores
 * it never collects.
 */
const EFFICACY_VISITS = SCHEDULE_CONFIG.visits.flatMap(({ id, contents }) =>
  id !== 'M0' &&
  (['sledai', 'bilag', 'pga'] as const).every((instrument) =>
    (contents.instruments as readonly string[]).includes(instrument),
  )
    ? [id]
    : [],
);

/** Every endpoint of a participant from the visits entered so far (recomputed on every change). */
export function participantEndpoints(
  infusionDate: string | undefined,
  forms: Map<VisitId, VisitForms>,
): ParticipantEndpoints {
  const scores = visitScores(forms);
  const baseline = scores.find((s) => s.visit === 'M0') ?? { visit: 'M0' as const };
  const perVisit = EFFICACY_VISITS.map((visit) => {
    const followUp = scores.find((s) => s.visit === visit) ?? { visit };
    return {
      visit,
      sriProtocol: sriResponse(baseline, followUp, 'protocol'),
      sriFurie: sriResponse(baseline, followUp, 'furie2009'),
      clinical: clinicalResponse(scores, visit),
    };
  });
  const doses = prednisoneDoses(forms);
  const events = VISITS.flatMap((visit) => formData(forms.get(visit), 'treatmentFailure')?.events ?? []);
  const renal = renalAssessments(forms);
  const facts = infusionDate ? { infusionDate, renalAssessments: renal, events } : undefined;
  const baselineProteinuria = infusionDate
    ? renal.filter((r) => r.date <= infusionDate && r.proteinuriaGPer24h !== undefined).at(-1)
        ?.proteinuriaGPer24h
    : undefined;
  return {
    scores,
    perVisit,
    doses,
    steroidSparing: infusionDate ? steroidSparing(doses, infusionDate) : incomplete(['infusionDate']),
    treatmentFailure: facts ? treatmentFailure(facts) : undefined,
    failureCriteria: facts ? evaluateFailureCriteria(facts) : undefined,
    ...(baselineProteinuria !== undefined
      ? {
          proteinuria: {
            baseline: baselineProteinuria,
            threshold: proteinuriaDoublingThreshold(baselineProteinuria),
          },
        }
      : {}),
  };
}
