import { v5 as uuidv5 } from 'uuid';
import { assessEligibility } from '../src/domain/eligibility';
import { checkRecord, planCheck, type ChecklistEntry } from '../src/domain/monitoring';
import { adverseEventTermFor, ctcaeTerm, solicitedChecklist } from '../src/domain/safety/ctcae';
import { monitoringSchedule } from '../src/domain/schedule/monitoring-schedule';
import { toleranceWindow } from '../src/domain/schedule/tolerance-window';
import { addDays, formatCalendarDate as ymd, toDayNumber } from '../src/domain/schedule/calendar-date';
import { SCHEDULE_CONFIG } from '../src/domain/schedule/config';
import { localDateAt, wallTimeToEpoch } from '../src/domain/schedule/zoned-time';
import type { AdverseEvent } from '../src/schema/adverse-events';
import { assessmentRecordId, type Assessment } from '../src/schema/assessments';
import type { EligibilityFacts } from '../src/schema/eligibility';
import { BILAG_SYSTEMS, SDI_ITEMS, SF36_RESPONSE_LEVELS, SLEDAI_IDS } from '../src/schema/instruments';
import type { RecordKind } from '../src/schema/records';
import type { VisitId } from '../src/schema/schedule';
import type { ToleranceDetermination } from '../src/schema/monitoring';

// The workflows' bench (issue 25 item 4): the records a tablet holds for the trial's ten participants, built the
// way the workflows build them (the tablet's own check plan, the visit forms' record ids, signatures over the
// content hash) and stored as a sync pulls them. Two moments of the same trial:
//   - 'year': each participant a year past the infusion (the n-th infused n × 3 days after the first): screening,
//     the infusion with its timed vital-sign sets, the ten day checks (days 4–9 by phone) and the adverse events
//     they opened, the signed DLT determination, the visits M0, M1, M3, M6, M9, M12 with every instrument and the
//     biology, each form signed — every record of a year; the last participant's M12 visit is today, its forms
//     not yet filled;
//   - 'due': the ten participants in their 10-day windows at once, the n-th infusion ended n days before today at
//     10:00: screening and M0 with every instrument, the infusion, the day checks done up to the day before
//     yesterday; yesterday's (overdue) and today's (due) are what the "due now" screen lists.
// Each record's data is checked against its kind's zod schema when it is stored (bench/harness/harness.ts).

const NAMESPACE = '0b6f0c1e-25a4-4c8e-9d2e-7a0f5b2c2504';
const MIN = 60_000;
const HOUR = 60 * MIN;
const ZONE = SCHEDULE_CONFIG.timeZone;
const iso = (ms: number) => new Date(ms).toISOString();

export type BenchRecord = {
  recordId: string;
  kind: RecordKind;
  patientId: string;
  at: string;
  data: Record<string, unknown>;
  /** A later revision of the same record (a form): its reason. */
  reason?: string;
  /** Written by the physician (else the nurse). */
  physician?: boolean;
};

export type WorkflowMoment = 'year' | 'due';
export type Signer = { userId: string; name: string };

/** The check's clinical items as the tablet's checklist shows them (the labs are a section of their own). */
const CLINICAL_ITEMS = solicitedChecklist('days1to10')
  .filter((i) => i.kind === 'freeTerm' || !('lab' in ctcaeTerm(i.id)))
  .map((i) => i.id);

const VISIT_DAYS: Record<VisitId, number> = { M0: -2, M1: 30, M3: 91, M6: 182, M9: 273, M12: 362 };

const FACTS: EligibilityFacts = {
  birthDate: '1984-09-12',
  sex: 'F',
  weightKg: 64,
  heightCm: 164,
  sleAcrCriteria: true,
  anaPositive: true,
  sledai: 10,
  prednisoneFailure: true,
  immunosuppressantFailure: { mycophenolate: true },
  stableTreatmentPrednisoneBased: true,
  childbearingPotential: true,
  pregnancyTest: 'negative',
  breastfeeding: false,
  effectiveContraception: true,
  socialSecurityAffiliation: true,
  creatinineUmolL: 64,
  consentSigned: true,
} as EligibilityFacts;

export function participantIdOf(i: number) {
  return uuidv5(`participant:${i}`, NAMESPACE);
}
export function trialNumberOf(i: number) {
  return `MSC-LES-${String(i + 1).padStart(2, '0')}`;
}

/** One visit's forms as a physician fills them (M1: the dose and the tolerance review), the disease settling. */
function visitForms(visit: VisitId, on: string, n: number): Assessment[] {
  const common = { visit, assessedOn: on };
  const active = visit === 'M0' || (visit === 'M6' && n % 3 === 0);
  const sledai = active ? ['arthritis', 'rash', 'alopecia', 'lowComplement', 'increasedDnaBinding'] : [];
  const forms: Assessment[] = [{ ...common, form: 'prednisone', mgPerDay: active ? 20 : 7.5 }];
  if (visit === 'M1') return [...forms, { ...common, form: 'toleranceReview', newAdverseEvents: false }];
  const level = active ? 3 : 1;
  forms.push(
    {
      ...common,
      form: 'sledai',
      answers: Object.fromEntries(SLEDAI_IDS.map((id) => [id, sledai.includes(id)])),
    },
    {
      ...common,
      form: 'bilag',
      grades: Object.fromEntries(
        BILAG_SYSTEMS.map((id) => [id, active && id === 'musculoskeletal' ? 'B' : active ? 'C' : 'D']),
      ),
    },
    { ...common, form: 'pga', value: active ? 1.8 : 0.5 },
    { ...common, form: 'sdi', items: Object.fromEntries(SDI_ITEMS.map((item) => [item.id, 0])) },
    {
      ...common,
      form: 'sf36',
      response: {
        form: 'v2',
        answers: SF36_RESPONSE_LEVELS.v2.map((levels) => Math.min(level, levels)) as never,
      },
    },
    {
      ...common,
      form: 'eq5d5l',
      levels: {
        mobility: level,
        selfCare: 1,
        usualActivities: level,
        painDiscomfort: level,
        anxietyDepression: 1,
        vas: active ? 50 : 75,
      },
    },
    {
      ...common,
      form: 'biology',
      labs: {
        haemoglobin: 12.4,
        leucocytes: 5.1,
        neutrophils: 3.2,
        lymphocytes: 1.1,
        platelets: 240,
        creatinine: 66,
        proteinuria24h: active ? 0.4 : 0.1,
        antiDsDna: active ? 120 : 18,
        c3: active ? 0.7 : 1.0,
        c4: active ? 0.08 : 0.16,
      },
      samples: [{ tubeId: `CYT-${visit}-${n}`, collectedAt: `${on}T09:30:00.000Z` }],
    },
  );
  return forms;
}

/** Every record of participant `n` at `now` for the given moment, in the order they were written. */
export function participantRecords(n: number, moment: WorkflowMoment, now: number, signer: Signer) {
  const patientId = participantIdOf(n);
  const trialNumber = trialNumberOf(n);
  const id = (name: string) => uuidv5(`${patientId}:${name}`, NAMESPACE);
  const infusionId = id('infusion');
  // 'year': the last participant's M12 visit is today, its forms still to fill (the instrument rows fill them).
  const today = localDateAt(now, ZONE);
  const dayZero = addDays(
    today,
    moment === 'due' ? -(n + 1) : n === 9 ? -VISIT_DAYS.M12 : -(375 + 3 * (9 - n)),
  );
  const startedAt = wallTimeToEpoch(dayZero, { hour: 9, minute: 0 }, ZONE);
  const endedAt = startedAt + 60 * MIN;
  const records: BenchRecord[] = [];
  const signatures: { recordId: string; data: object; meaning: string; at: number }[] = [];
  const add = (name: string, kind: RecordKind, at: number, data: object, physician = false) => {
    records.push({ recordId: id(name), kind, patientId, at: iso(at), data: data as never, physician });
    return id(name);
  };
  const vitals = (name: string, takenAt: number, checkId: string, baseline = false) =>
    add(name, 'vitalSigns', takenAt, {
      takenAt: iso(takenAt),
      sbp: 112 + ((takenAt / MIN) % 13),
      dbp: 72,
      hr: 70 + ((takenAt / MIN) % 11),
      temperatureC: 36.8,
      spo2: 98,
      rr: 15,
      checkId,
      trackId: infusionId,
      ...(baseline ? { baseline: true } : {}),
    });

  // Screening and inclusion, three weeks before.
  const screeningDate = ymd(addDays(dayZero, -21));
  const assessment = assessEligibility(FACTS, screeningDate);
  const inclusion = {
    trialNumber,
    initials: ['AB', 'CD', 'EF', 'GH', 'IJ', 'KL', 'MN', 'OP', 'QR', 'ST'][n]!,
    sex: 'F',
    status: 'follow-up',
    cohort: n < 5 ? 1 : 2,
    doseLevel: n < 5 ? 2 : 4,
    inclusionDate: ymd(addDays(dayZero, -14)),
    infusionDate: ymd(dayZero),
  };
  records.push({
    recordId: patientId,
    kind: 'participant',
    patientId,
    at: iso(startedAt - 21 * 24 * HOUR),
    data: inclusion,
    physician: true,
  });
  const eligibility = {
    screeningDate,
    consentDate: screeningDate,
    facts: FACTS,
    verdict: assessment.verdict,
    excludedBy: assessment.excludedBy,
  };
  const eligibilityId = add('eligibility', 'eligibility', startedAt - 21 * 24 * HOUR, eligibility, true);
  signatures.push({
    recordId: eligibilityId,
    data: eligibility,
    meaning: 'eligibility-assessment',
    at: startedAt - 21 * 24 * HOUR,
  });

  // The visits: M0 two days before the infusion, the others on their target days if they have passed.
  for (const [visit, day] of Object.entries(VISIT_DAYS) as [VisitId, number][]) {
    const date = addDays(dayZero, day);
    const on = ymd(date);
    const at = wallTimeToEpoch(date, { hour: 10, minute: 0 }, ZONE);
    if (at > now || (moment === 'year' && n === 9 && visit === 'M12')) continue;
    for (const data of visitForms(visit, on, n)) {
      const recordId = assessmentRecordId(patientId, visit, data.form);
      records.push({
        recordId,
        kind: 'assessment',
        patientId,
        at: iso(at),
        data: data as never,
        physician: true,
      });
      signatures.push({ recordId, data, meaning: 'visit-forms', at: at + HOUR });
    }
  }

  // The infusion: the pre-infusion checklist, start, a set every 15 minutes, end, then E + 30 min … E + 6 h.
  const before = startedAt - 25 * MIN;
  const step = (item: string, extra: object) =>
    add(`step:${item}`, 'infusionStep', before, {
      infusionId,
      at: iso(before),
      item,
      outcome: 'done',
      ...extra,
    });
  step('identity', { confirmed: true });
  step('screening', {});
  step('weight', {
    weightKg: 64,
    doseLevel: inclusion.doseLevel,
    cellsToInfuse: 64 * inclusion.doseLevel * 1e6,
  });
  step('product', {
    product: {
      lotNumber: `LOT-${trialNumber.slice(-2)}`,
      bagNumber: 'P1',
      labelTrialNumber: trialNumber,
      totalViableCells: 400_000_000,
      viabilityPercent: 91,
      volumeMl: 100,
      expiresAt: iso(startedAt + 8 * HOUR),
      preparedAt: iso(startedAt - 3 * HOUR),
    },
    volumeToInfuseMl: 64,
  });
  step('premedication', { given: [] });
  step('ivLine', { patent: true, site: 'avant-bras gauche' });
  step('baselineVitals', { vitalSignsId: id('vitals:baseline') });
  vitals('vitals:baseline', startedAt - 10 * MIN, 'baseline', true);
  add('event:start', 'infusionEvent', startedAt, {
    infusionId,
    type: 'start',
    at: iso(startedAt),
    plannedDurationMin: 60,
    volumeToInfuseMl: 64,
    rateMlPerHour: 64,
    doseLevel: inclusion.doseLevel,
    cellsToInfuse: 64 * inclusion.doseLevel * 1e6,
    weightKg: 64,
    lotNumber: `LOT-${trialNumber.slice(-2)}`,
  });
  for (const m of [15, 30, 45]) vitals(`vitals:infusion-${m}`, startedAt + (m + 1) * MIN, `infusion-${m}`);
  add('event:end', 'infusionEvent', endedAt, {
    infusionId,
    type: 'end',
    at: iso(endedAt),
    volumeInfusedMl: 63,
    residualMl: 1,
  });
  vitals('vitals:end', endedAt + MIN, 'end');
  const schedule = monitoringSchedule({
    infusionStartedAt: startedAt,
    infusionEndedAt: endedAt,
    timeZone: ZONE,
  });
  for (const item of schedule)
    if (item.id.startsWith('post-') && item.dueAt + MIN < now)
      vitals(`vitals:${item.id}`, item.dueAt + MIN, item.id);

  // The day checks through the tablet's own plan: a grade-1 headache on day 2 for every other participant.
  const yesterday = toDayNumber(localDateAt(now, ZONE)) - 1;
  const events: { id: string; data: AdverseEvent }[] = [];
  for (let day = 1; day <= 10; day++) {
    const item = schedule.find((i) => i.id === `day-${day}`)!;
    const doneAt = day === 1 ? item.dueAt + 10 * MIN : item.windowStart + HOUR;
    if (moment === 'due' && (doneAt > now || toDayNumber(localDateAt(doneAt, ZONE)) >= yesterday)) break;
    const byPhone = day >= 4 && day <= 9;
    const headache = day === 2 && n % 2 === 0;
    const entries: ChecklistEntry[] = CLINICAL_ITEMS.map((item) =>
      headache && item === 'headache'
        ? { item, present: true, term: adverseEventTermFor(item as never), grade: 1 }
        : { item, present: false },
    );
    let k = 0;
    const plan = planCheck({
      checkId: item.id,
      doneAt: iso(doneAt),
      ...(byPhone ? { byPhone: true } : {}),
      entries,
      events,
      newId: () => id(`${item.id}:event:${k++}`),
    });
    const vitalSignsId = byPhone ? undefined : vitals(`vitals:${item.id}`, doneAt - 5 * MIN, item.id);
    for (const e of plan.newEvents) {
      events.push(e);
      records.push({
        recordId: e.id,
        kind: 'adverseEvent',
        patientId,
        at: iso(doneAt),
        data: e.data as never,
      });
    }
    plan.gradings.forEach((g, i) => add(`${item.id}:grading:${i}`, 'adverseEventGrade', doneAt, g.data));
    add(
      `check:${item.id}`,
      'monitoringCheck',
      doneAt,
      checkRecord(plan, {
        checkId: item.id,
        trackId: infusionId,
        doneAt: iso(doneAt),
        ...(byPhone ? { byPhone: true } : {}),
        ...(vitalSignsId ? { vitalSignsId } : {}),
      }),
    );
  }

  if (moment === 'year') {
    // The headache resolved the next day and assessed by the physician; the DLT determination, signed.
    const window = toleranceWindow({ infusionStartedAt: startedAt, timeZone: ZONE })!;
    const decidedAt = window.endsAt + 10 * HOUR;
    for (const e of events) {
      const resolved = {
        ...e.data,
        endedAt: iso(Date.parse(e.data.onsetAt) + 20 * HOUR),
        outcome: 'recovered',
      };
      records.push({
        recordId: e.id,
        kind: 'adverseEvent',
        patientId,
        at: resolved.endedAt,
        data: resolved,
        reason: 'Résolu',
      });
      records.push({
        recordId: e.id,
        kind: 'adverseEvent',
        patientId,
        at: iso(decidedAt - HOUR),
        data: { ...resolved, relatedness: 'unlikely', expectedness: 'expected' },
        reason: 'Évaluation médicale',
        physician: true,
      });
    }
    const determination: ToleranceDetermination = {
      windowStartsAt: window.startsAt,
      windowEndsAt: window.endsAt,
      events: [],
      dlt: false,
      decidedAt: iso(decidedAt),
    };
    const determinationId = add('determination', 'toleranceDetermination', decidedAt, determination, true);
    signatures.push({
      recordId: determinationId,
      data: determination,
      meaning: 'dlt-confirmation',
      at: decidedAt,
    });
  }

  return {
    records,
    signatures: signatures.map((s) => ({
      ...s,
      signatureId: id(`signature:${s.recordId}`),
      signer,
      patientId,
    })),
  };
}

/** The whole trial at `now`: the ten participants' records, each signature with what it signs. */
export function workflowTrial(moment: WorkflowMoment, now: number, signer: Signer, participants = 10) {
  const all = Array.from({ length: participants }, (_, n) => participantRecords(n, moment, now, signer));
  return {
    patientIds: all.map((_, n) => participantIdOf(n)),
    trialNumbers: all.map((_, n) => trialNumberOf(n)),
    records: all.flatMap((p) => p.records),
    signatures: all.flatMap((p) => p.signatures),
  };
}
