import type { AdverseEventTerm, CtcaeGrade, SeriousnessCriterion } from '@/schema/adverse-events';
import type { DoseDecision, DoseDecisionSettings, DoseLevel } from '@/schema/dosing';
import type { ToleranceDetermination } from '@/schema/monitoring';
import type { Participant } from '@/schema/participant';
import type { Signature } from '@/schema/signature';
import { DOSING_CONFIG } from './dosing/config';
import { cohortCounts, cohortDoseLevel, cohortMemberStatus, type CohortMemberStatus } from './dosing/cohorts';
import { recommendNextDose, type NextDoseRecommendation } from './dosing/dose-decision';
import {
  adverseEventViews,
  determinationSigned,
  firstInfusion,
  infusionDateOf,
  latestDetermination,
  toleranceEventsOf,
  toleranceStatusOf,
  type ToleranceRecord,
} from './monitoring/participant-records';
import type { DltReason, SaeStatus } from './safety/tolerance';
import { formatCalendarDate } from './schedule/calendar-date';
import { SCHEDULE_CONFIG } from './schedule/config';
import { localDateAt } from './schedule/zoned-time';

// The DSMB tolerance report (issue 24, item 4): per dose cohort, each participant's adverse events by CTCAE term
// and worst grade in the tolerance window, the SAEs, the physician's signed DLT determination, and the Bayesian
// decision with the rule in force — from the records with the functions the tablets use (participant-records,
// toleranceStatus, cohortMemberStatus, cohortCounts, recommendNextDose), so that the report and the dose-decision
// screen can never differ on the same records. The store builds it (server/export/dsmb-report.ts); the app puts
// its figures and codes in words, in French or English.

/** A record as it stands: its current revision, whose participant, and whether it is in an open conflict. */
export type ReportRecord = ToleranceRecord & { patientId: string | null; inConflict: boolean };

export type SignedBy = { signerName: string; role: string; signedAt: string; method: string };

export type DsmbParticipant = {
  patientId: string;
  trialNumber: string;
  initials: string;
  doseLevel?: DoseLevel;
  infusionDate?: string;
  /** The start of the infusion (epoch ms), from the infusion's events; absent before it started. */
  infusionStartedAt?: number;
  /** Where the participant stands for the dose decision (cohortMemberStatus, as the dose-decision screen). */
  member: CohortMemberStatus;
  /** The tolerance over the window (toleranceStatus); absent before the infusion started. */
  tolerance?:
    | { status: 'incomplete'; missing: string[] }
    | {
        status: 'complete';
        window: { startsAt: number; endsAt: number };
        windowComplete: boolean;
        worstGrade: 0 | CtcaeGrade;
        byTerm: { key: string; term: AdverseEventTerm; worstGrade: CtcaeGrade; events: number }[];
        saes: {
          id: string;
          term: AdverseEventTerm;
          criteria: SeriousnessCriterion[];
          onsetAt: string;
          awareAt: number;
          notifyBy: number;
          notifiedAt?: number;
          status: SaeStatus;
          inWindow: boolean;
        }[];
        /** Events meeting the protocol's DLT definition, with the physician's decision (null until decided). */
        dltCandidates: {
          id: string;
          term: AdverseEventTerm;
          grade: CtcaeGrade;
          reasons: DltReason[];
          physicianDecision: boolean | null;
        }[];
        relatednessPending: number;
        outsideWindow: number;
      };
  /** The physician's DLT determination over the window, with its signatures ('dlt-confirmation'). */
  determination?: {
    dlt: boolean;
    decidedAt: string;
    /** Signed on its current revision and content. */
    signed: boolean;
    /** It still judges every current DLT candidate over the same window (toleranceStatus). */
    current: boolean;
    dltEvents: { id: string; term?: AdverseEventTerm }[];
    signatures: SignedBy[];
  };
  /** The participant's record is in an open conflict in the store. */
  inConflict: boolean;
};

export type DsmbCohort = {
  cohort: number;
  doseLevel: DoseLevel;
  participants: DsmbParticipant[];
  counts: { patients: number; completed: number; dlts: number };
  recommendation: NextDoseRecommendation;
  /** The physicians' recorded decisions closing this cohort, oldest first, with their signatures. */
  decisions: {
    decidedAt: string;
    decision: DoseDecision['decision'];
    nextDoseLevel?: DoseLevel;
    rationale: string;
    probabilityExcessive: number;
    signatures: SignedBy[];
  }[];
};

export type DsmbReport = {
  reportId: string;
  /** When the store was read (UTC): the report's "as of". */
  takenAt: string;
  /** The trial day the report was computed for (Paris), 'YYYY-MM-DD'. */
  today: string;
  producedBy: { userId: string | null; name: string; role: string };
  /** The last log sequence included. */
  lastSeq: number;
  /** The decision rule in force, from the trial configuration. */
  settings: DoseDecisionSettings;
  doseLevels: readonly DoseLevel[];
  toleranceLastDay: number;
  cohorts: DsmbCohort[];
};

const byTime = (a: string, b: string) => Date.parse(a) - Date.parse(b);

/**
 * Builds the report from every current record. `contentHashes` gives the content hash of each determination's
 * current data (hashing is asynchronous; the caller computes it), to check its dlt-confirmation signature.
 */
export function buildDsmbReport(input: {
  records: readonly ReportRecord[];
  contentHashes: ReadonlyMap<string, string>;
  /** When the records were read (UTC ISO-8601). */
  takenAt: string;
  lastSeq: number;
  reportId: string;
  producedBy: DsmbReport['producedBy'];
}): DsmbReport {
  const { records } = input;
  const now = Date.parse(input.takenAt);
  const today = formatCalendarDate(localDateAt(now, SCHEDULE_CONFIG.timeZone));
  const byPatient = new Map<string, ReportRecord[]>();
  for (const record of records) {
    if (record.patientId === null) continue;
    const list = byPatient.get(record.patientId);
    if (list) list.push(record);
    else byPatient.set(record.patientId, [record]);
  }
  const signaturesOf = (recordId: string, meaning: Signature['meaning'], rev?: number): SignedBy[] =>
    records
      .filter((r) => r.kind === 'signature' && !r.voided && r.data.recordId === recordId)
      .map((r) => r.data as Signature)
      .filter((s) => s.meaning === meaning && (rev === undefined || s.recordRev === rev))
      .sort((a, b) => byTime(a.signedAt, b.signedAt))
      .map((s) => ({ signerName: s.signerName, role: s.role, signedAt: s.signedAt, method: s.method }));

  const participants: (DsmbParticipant & { cohort: number })[] = [];
  const included = records
    .filter((r) => r.kind === 'participant' && !r.voided && typeof r.data.cohort === 'number')
    .sort((a, b) => String(a.data.trialNumber).localeCompare(String(b.data.trialNumber)));
  for (const record of included) {
    const participant = record.data as Participant;
    const own = byPatient.get(record.id) ?? [];
    const views = adverseEventViews(own);
    const latest = latestDetermination(own);
    const determination = latest
      ? { record: latest, signed: determinationSigned(own, latest, input.contentHashes.get(latest.id) ?? '') }
      : undefined;
    const infusion = firstInfusion(own);
    // As the dose-decision screen: the infusion's start is the date of record; the dossier's date otherwise.
    const infusionDate = infusionDateOf(infusion) ?? participant.infusionDate;
    const member = cohortMemberStatus({
      ...(infusionDate ? { infusionDate } : {}),
      events: toleranceEventsOf(views, determination),
      today,
    });
    const status = infusion ? toleranceStatusOf({ infusion, views, determination, now }) : undefined;
    const event = new Map(views.map((v) => [v.record.id, v]));
    const termOf = (id: string) => event.get(id)?.data.term;
    let tolerance: DsmbParticipant['tolerance'];
    if (status?.summary.status === 'incomplete') {
      tolerance = { status: 'incomplete', missing: status.summary.missing };
    } else if (status?.summary.status === 'complete') {
      const summary = status.summary;
      tolerance = {
        status: 'complete',
        window: summary.window,
        windowComplete: status.windowComplete,
        worstGrade: summary.worstGrade,
        byTerm: summary.byTerm.map((line) => ({
          key: line.key,
          term: line.term,
          worstGrade: line.worstGrade,
          events: line.eventIds.length,
        })),
        saes: summary.saes.map((sae) => ({
          ...sae,
          term: termOf(sae.id)!,
          onsetAt: event.get(sae.id)!.data.onsetAt,
        })),
        dltCandidates: summary.dltEvents.map((e) => ({
          ...e,
          term: termOf(e.id)!,
          grade: event.get(e.id)!.worstGrade,
        })),
        relatednessPending: summary.relatednessPending.length,
        outsideWindow: summary.outsideWindow.length,
      };
    }
    const judged = latest?.data as ToleranceDetermination | undefined;
    participants.push({
      cohort: participant.cohort!,
      patientId: record.id,
      trialNumber: participant.trialNumber,
      initials: participant.initials,
      ...(participant.doseLevel !== undefined ? { doseLevel: participant.doseLevel } : {}),
      ...(infusionDate ? { infusionDate } : {}),
      ...(infusion ? { infusionStartedAt: infusion.startedAt } : {}),
      member,
      ...(tolerance ? { tolerance } : {}),
      ...(latest && judged && determination
        ? {
            determination: {
              dlt: judged.dlt,
              decidedAt: judged.decidedAt,
              signed: determination.signed,
              current: status?.determinationCurrent ?? false,
              dltEvents: judged.events
                .filter((e) => e.isDlt)
                .map((e) => {
                  const term = termOf(e.adverseEventId);
                  return { id: e.adverseEventId, ...(term ? { term } : {}) };
                }),
              signatures: signaturesOf(latest.id, 'dlt-confirmation', latest.rev),
            },
          }
        : {}),
      inConflict: record.inConflict,
    });
  }

  const decisionRecords = records
    .filter((r) => r.kind === 'doseDecision' && !r.voided)
    .sort((a, b) => byTime(String(a.data.decidedAt), String(b.data.decidedAt)));
  const decisions = decisionRecords.map((r) => r.data as DoseDecision);
  // As the dose-decision screen: cohort 1 always, cohort 2 once someone joined it.
  const cohortNumbers = [1, ...(participants.some((p) => p.cohort === 2) ? [2] : [])];
  const cohorts = cohortNumbers.map((cohort): DsmbCohort => {
    const members = participants.filter((p) => p.cohort === cohort);
    const doseLevel = cohortDoseLevel(decisions, cohort) ?? DOSING_CONFIG.firstCohortDoseLevel;
    const counts = cohortCounts(members.map((p) => p.member));
    return {
      cohort,
      doseLevel,
      participants: members.map(({ cohort: _cohort, ...p }) => p),
      counts,
      recommendation: recommendNextDose({ ...counts, doseLevel }),
      decisions: decisionRecords
        .filter((r) => ((r.data as DoseDecision).cohort ?? 1) === cohort)
        .map((r) => {
          const d = r.data as DoseDecision;
          return {
            decidedAt: d.decidedAt,
            decision: d.decision,
            ...(d.nextDoseLevel !== undefined ? { nextDoseLevel: d.nextDoseLevel } : {}),
            rationale: d.rationale,
            probabilityExcessive: d.probabilityExcessive,
            signatures: signaturesOf(r.id, 'dose-decision'),
          };
        }),
    };
  });

  return {
    reportId: input.reportId,
    takenAt: input.takenAt,
    today,
    producedBy: input.producedBy,
    lastSeq: input.lastSeq,
    settings: DOSING_CONFIG.decision,
    doseLevels: DOSING_CONFIG.doseLevels,
    toleranceLastDay: SCHEDULE_CONFIG.dailyChecks.toDay,
    cohorts,
  };
}
