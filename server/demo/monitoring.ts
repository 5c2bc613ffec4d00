import { findAccountByUsername } from '../auth/accounts';
import type { Store } from '../store/store';
import { applyBatch } from '../sync/apply-batch';
import { contentHash } from '../../src/session/canonical-json';
import { checkRecord, planCheck, type ChecklistEntry } from '../../src/domain/monitoring';
import { monitoringSchedule } from '../../src/domain/schedule/monitoring-schedule';
import { toleranceWindow } from '../../src/domain/schedule/tolerance-window';
import { addDays } from '../../src/domain/schedule/calendar-date';
import { SCHEDULE_CONFIG } from '../../src/domain/schedule/config';
import { localDateAt, wallTimeToEpoch } from '../../src/domain/schedule/zoned-time';
import { adverseEventTermFor, ctcaeTerm, solicitedChecklist } from '../../src/domain/safety/ctcae';
import type { AdverseEvent } from '../../src/schema/adverse-events';
import type { ToleranceDetermination } from '../../src/schema/monitoring';
import { demoClinicians, demoId } from './participants';

// Issue 22's demo, through the real push path and the tablet's own check logic (planCheck/checkRecord), timed
// from the moment the demo is seeded, on the trial's calendar days (so it holds whatever day and hour it starts):
//   - MSC-LES-15 on day 3: day 1 done, day 2 never done (overdue), day 3's check open today;
//   - MSC-LES-16 on day 5: a grade-2 fever at the day-2 check, resolved the next morning;
//   - MSC-LES-17 on day 2: a grade-3 pneumonia, hospitalised, a SAE recorded two hours ago — its 24-hour
//     countdown to the sponsor's notification is running;
//   - MSC-LES-18 fourteen days after its infusion: the ten days complete (days 4–9 by phone), a grade-1 headache
//     judged unlikely related, and the physician's DLT determination (no DLT) signed.
// All in cohort 2 at 4 ×10⁶/kg (cohort 1 is the screening demo's). Ids come from names: a second run writes
// nothing (the times of the first run stay).

const MIN = 60_000;
const HOUR = 60 * MIN;
const iso = (ms: number) => new Date(ms).toISOString();
const ZONE = SCHEDULE_CONFIG.timeZone;

/** The check's items as the tablet's checklist shows them: the solicited terms without the labs. */
const CLINICAL_ITEMS = solicitedChecklist('days1to10')
  .filter((i) => i.kind === 'freeTerm' || !('lab' in ctcaeTerm(i.id)))
  .map((i) => i.id);

type Check = {
  day: number;
  byPhone?: boolean;
  present?: { item: Parameters<typeof adverseEventTermFor>[0]; grade: 1 | 2 | 3 }[];
};
type Plan = {
  trialNumber: string;
  initials: string;
  /** Calendar days between the infusion date and the demo's day. */
  daysAgo: number;
  checks: Check[];
};

type Mutation = Record<string, unknown>;

/** One participant's records: inclusion, infusion (start, end, its checks), the day checks and what they opened. */
async function monitoringRecords(plan: Plan, now: number) {
  const patientId = demoId(plan.trialNumber);
  const infusionId = demoId(`${plan.trialNumber}:infusion`);
  const dayZero = addDays(localDateAt(now, ZONE), -plan.daysAgo);
  const startedAt = wallTimeToEpoch(dayZero, { hour: 9, minute: 0 }, ZONE);
  const endedAt = startedAt + 60 * MIN;
  const name = (what: string) => `${plan.trialNumber}:monitoring:${what}`;
  const nurse: Mutation[] = [];
  const write = (what: string, kind: string, data: object, at: number) =>
    nurse.push({
      mutationId: demoId(`${name(what)}:create`),
      recordId: demoId(name(what)),
      patientId,
      kind,
      op: 'create',
      baseRev: null,
      at: iso(at),
      data,
    });
  const vitals = (what: string, takenAt: number, checkId: string) => {
    write(
      `vitals:${what}`,
      'vitalSigns',
      {
        takenAt: iso(takenAt),
        sbp: 116 + (takenAt % 9),
        dbp: 72,
        hr: 74,
        temperatureC: 36.8,
        spo2: 98,
        rr: 15,
        checkId,
        trackId: infusionId,
      },
      takenAt,
    );
    return demoId(name(`vitals:${what}`));
  };

  write(
    'start',
    'infusionEvent',
    {
      infusionId,
      type: 'start',
      at: iso(startedAt),
      plannedDurationMin: 60,
      volumeToInfuseMl: 64,
      rateMlPerHour: 64,
      doseLevel: 4,
      cellsToInfuse: 256_000_000,
      weightKg: 64,
      lotNumber: `LOT-${plan.trialNumber.slice(-2)}`,
    },
    startedAt,
  );
  for (const m of [15, 30, 45]) vitals(`infusion-${m}`, startedAt + (m + 1) * MIN, `infusion-${m}`);
  write(
    'end',
    'infusionEvent',
    { infusionId, type: 'end', at: iso(endedAt), volumeInfusedMl: 63, residualMl: 1 },
    endedAt,
  );
  vitals('end', endedAt + MIN, 'end');
  const schedule = monitoringSchedule({
    infusionStartedAt: startedAt,
    infusionEndedAt: endedAt,
    timeZone: ZONE,
  });
  for (const item of schedule)
    if (item.id.startsWith('post-') && item.dueAt + MIN < now) vitals(item.id, item.dueAt + MIN, item.id);

  // The day checks, each an hour into its window (day 1: on time at E + 24 h), through the tablet's own plan.
  const events: { id: string; data: AdverseEvent }[] = [];
  for (const check of plan.checks) {
    const item = schedule.find((i) => i.id === `day-${check.day}`)!;
    const doneAt = check.day === 1 ? item.dueAt + 10 * MIN : item.windowStart + HOUR;
    const present = new Map((check.present ?? []).map((p) => [p.item as string, p.grade]));
    const entries: ChecklistEntry[] = CLINICAL_ITEMS.map((id) => {
      const grade = present.get(id);
      return grade === undefined
        ? { item: id, present: false }
        : { item: id, present: true, term: adverseEventTermFor(id as never), grade };
    });
    let n = 0;
    const plannedCheck = planCheck({
      checkId: item.id,
      doneAt: iso(doneAt),
      ...(check.byPhone ? { byPhone: true } : {}),
      entries,
      events,
      newId: () => demoId(name(`${item.id}:event:${n++}`)),
    });
    const vitalSignsId = check.byPhone ? undefined : vitals(item.id, doneAt - 5 * MIN, item.id);
    for (const e of plannedCheck.newEvents) {
      events.push(e);
      nurse.push({
        mutationId: demoId(`${e.id}:create`),
        recordId: e.id,
        patientId,
        kind: 'adverseEvent',
        op: 'create',
        baseRev: null,
        at: iso(doneAt),
        data: e.data,
      });
    }
    plannedCheck.gradings.forEach((g, i) =>
      write(`${item.id}:grading:${i}`, 'adverseEventGrade', g.data, doneAt),
    );
    write(
      `check:${item.id}`,
      'monitoringCheck',
      checkRecord(plannedCheck, {
        checkId: item.id,
        trackId: infusionId,
        doneAt: iso(doneAt),
        ...(check.byPhone ? { byPhone: true } : {}),
        ...(vitalSignsId ? { vitalSignsId } : {}),
      }),
      doneAt,
    );
  }
  return { patientId, startedAt, endedAt, nurse, events, schedule };
}

/**
 * The demo's mutations at `now`, in the three batches they are pushed in: the physician's inclusions, the nurse's
 * records, the physician's assessment, determination and signature. Pure but for the signature's hash.
 */
export async function demoMonitoringBatches(
  now: number,
  physician: { id: string; displayName: string },
): Promise<{ inclusions: Mutation[]; nurse: Mutation[]; physician: Mutation[] }> {
  const plans: Plan[] = [
    { trialNumber: 'MSC-LES-15', initials: 'LM', daysAgo: 3, checks: [{ day: 1 }] },
    {
      trialNumber: 'MSC-LES-16',
      initials: 'MN',
      daysAgo: 5,
      checks: [{ day: 1 }, { day: 2, present: [{ item: 'fever', grade: 2 }] }, { day: 3 }, { day: 4 }],
    },
    { trialNumber: 'MSC-LES-17', initials: 'NO', daysAgo: 2, checks: [{ day: 1 }] },
    {
      trialNumber: 'MSC-LES-18',
      initials: 'OP',
      daysAgo: 14,
      checks: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((day) => ({
        day,
        ...(day >= 4 && day <= 9 ? { byPhone: true } : {}),
        ...(day === 2 ? { present: [{ item: 'headache' as const, grade: 1 as const }] } : {}),
      })),
    },
  ];
  const built = await Promise.all(plans.map((p) => monitoringRecords(p, now)));
  const byNumber = new Map(plans.map((p, i) => [p.trialNumber, built[i]!]));

  // The physician includes them (cohort 2, whose dose the screening demo's decision set).
  const inclusions: Mutation[] = plans.map((p) => ({
    mutationId: demoId(`${p.trialNumber}:create`),
    recordId: demoId(p.trialNumber),
    patientId: demoId(p.trialNumber),
    kind: 'participant',
    op: 'create',
    baseRev: null,
    at: iso(byNumber.get(p.trialNumber)!.startedAt - 7 * 24 * HOUR),
    data: {
      trialNumber: p.trialNumber,
      initials: p.initials,
      sex: 'F',
      status: 'included',
      cohort: 2,
      doseLevel: 4,
      inclusionDate: iso(byNumber.get(p.trialNumber)!.startedAt - 7 * 24 * HOUR).slice(0, 10),
    },
  }));

  // The nurse's records: infusions, checks, the events they opened; the fever resolved; the SAE.
  const fever = byNumber.get('MSC-LES-16')!;
  const feverEvent = fever.events[0]!;
  const feverEnd = Date.parse(feverEvent.data.onsetAt) + 20 * HOUR;
  const feverResolved = { ...feverEvent.data, endedAt: iso(feverEnd), outcome: 'recovered' as const };
  const sae = byNumber.get('MSC-LES-17')!;
  const saeId = demoId('MSC-LES-17:monitoring:sae');
  const saeData: AdverseEvent = {
    term: { kind: 'ctcae', version: '5.0', meddraCode: 10061229 }, // Lung infection (pneumonia)
    grade: 3,
    onsetAt: iso(now - 3 * HOUR),
    serious: true,
    seriousness: ['hospitalisation'],
    awareAt: iso(now - 2 * HOUR),
    solicited: false,
    actions: ['hospitalisation'],
    narrative: 'Fièvre et toux, foyer pulmonaire à la radiographie : hospitalisation (démo).',
  };
  const nurse: Mutation[] = [
    ...built.flatMap((b) => b.nurse),
    {
      mutationId: demoId(`${feverEvent.id}:resolved`),
      recordId: feverEvent.id,
      patientId: fever.patientId,
      kind: 'adverseEvent',
      op: 'revise',
      baseRev: 1,
      reason: 'Fièvre résolue',
      at: iso(feverEnd),
      data: feverResolved,
    },
    {
      mutationId: demoId(`${saeId}:create`),
      recordId: saeId,
      patientId: sae.patientId,
      kind: 'adverseEvent',
      op: 'create',
      baseRev: null,
      at: iso(now - 2 * HOUR),
      data: saeData,
    },
  ];

  // The physician: relation of the headache, the DLT determination (no DLT) of the completed participant, signed.
  const complete = byNumber.get('MSC-LES-18')!;
  const headache = complete.events[0]!;
  const window = toleranceWindow({ infusionStartedAt: complete.startedAt, timeZone: ZONE })!;
  const decidedAt = window.endsAt + 10 * HOUR;
  const assessed = { ...headache.data, relatedness: 'unlikely' as const, expectedness: 'expected' as const };
  const determinationId = demoId('MSC-LES-18:monitoring:determination');
  const determination: ToleranceDetermination = {
    windowStartsAt: window.startsAt,
    windowEndsAt: window.endsAt,
    events: [],
    dlt: false,
    decidedAt: iso(decidedAt),
  };
  const signerName = physician.displayName;
  const assessment: Mutation[] = [
    {
      mutationId: demoId(`${headache.id}:assessed`),
      recordId: headache.id,
      patientId: complete.patientId,
      kind: 'adverseEvent',
      op: 'revise',
      baseRev: 1,
      reason: 'Évaluation médicale',
      at: iso(decidedAt - HOUR),
      data: assessed,
    },
    {
      mutationId: demoId(`${determinationId}:create`),
      recordId: determinationId,
      patientId: complete.patientId,
      kind: 'toleranceDetermination',
      op: 'create',
      baseRev: null,
      at: iso(decidedAt),
      data: determination,
    },
    {
      mutationId: demoId(`${determinationId}:signature`),
      recordId: demoId(`${determinationId}:signature-record`),
      patientId: complete.patientId,
      kind: 'signature',
      op: 'create',
      baseRev: null,
      at: iso(decidedAt),
      data: {
        signer: physician.id,
        signerName,
        role: 'physician',
        meaning: 'dlt-confirmation',
        signedAt: iso(decidedAt),
        recordId: determinationId,
        recordRev: 1,
        contentHash: await contentHash(determination),
        method: 'pin',
      },
    },
  ];
  return { inclusions, nurse, physician: assessment };
}

const DEMO_LINE =
  'Demo monitoring (cohort 2 at 4 ×10⁶/kg): MSC-LES-15 on day 3 (day-2 check overdue), MSC-LES-16 grade-2 fever resolved, MSC-LES-17 SAE (pneumonia, hospitalised) — 24 h countdown running, MSC-LES-18 ten days complete, DLT determination (no DLT) signed';

export async function seedDemoMonitoring(store: Store, now = Date.now()): Promise<string[]> {
  const clinicians = await demoClinicians(store);
  const physician = await findAccountByUsername(store, 'medecin');
  if (!clinicians || !physician) return [];
  const { asPhysician, asNurse } = clinicians;
  // Seeded once: the times are those of the first run (a later run would move them, and the store refuses a
  // mutation id again with another content).
  const seeded = await store.query('select 1 from mutations where record_id = $1 limit 1', [
    demoId('MSC-LES-18:monitoring:determination'),
  ]);
  if (seeded.rows.length > 0) return [DEMO_LINE];
  const batches = await demoMonitoringBatches(now, {
    id: physician.id,
    displayName: physician.displayName || physician.username,
  });
  for (const [principal, mutations] of [
    [asPhysician, batches.inclusions],
    [asNurse, batches.nurse],
    [asPhysician, batches.physician],
  ] as const) {
    const results = await applyBatch(store, principal, mutations);
    const refused = results.filter((r) => r.status !== 'applied' && r.status !== 'duplicate');
    if (refused.length > 0) throw new Error(`demo monitoring refused: ${JSON.stringify(refused)}`);
  }
  return [DEMO_LINE];
}
