import { describe, expect, it } from 'vitest';
import type { StoredRecord } from '@/db/types';
import { sriResponse, clinicalResponse, visitSchedule } from '@/domain';
import type { Assessment } from '@/schema/assessments';
import { BILAG_SYSTEMS, SLEDAI_IDS } from '@/schema/instruments';
import { formsByVisit, nextVisit, participantEndpoints, visitCalendar } from '@/features/visits/visit-model';

// The visit screens' model: the calendar's states from the records (done = every form signed at its current
// revision; missed with its reason), and the endpoints gathered from the forms and computed by the core.

let n = 0;
function record(
  data: Assessment | Record<string, unknown>,
  kind: StoredRecord['kind'] = 'assessment',
  rev = 1,
): StoredRecord {
  n += 1;
  const id = `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`;
  return {
    id,
    kind,
    patientId: 'p',
    data: data as Record<string, unknown>,
    rev,
    createdAt: '2026-01-01T10:00:00Z',
    createdBy: 'u',
    deviceId: 'd',
    updatedAt: '2026-01-01T10:00:00Z',
    updatedBy: 'u',
    sortAt: '2026-01-01T10:00:00Z',
    voided: 0,
    inConflict: 0,
    syncState: 'synced',
  };
}
const signature = (target: StoredRecord, signedAt = '2026-01-19T10:00:00+01:00') =>
  record(
    {
      meaning: 'visit-forms',
      recordId: target.id,
      recordRev: target.rev,
      signedAt,
      signer: 'u',
      contentHash: 'x',
    },
    'signature',
  );

const sledai = (visit: 'M0' | 'M3', present: string[]): Assessment => ({
  visit,
  form: 'sledai',
  assessedOn: visit === 'M0' ? '2026-01-19' : '2026-04-21',
  answers: Object.fromEntries(SLEDAI_IDS.map((id) => [id, present.includes(id)])),
});
const bilag = (visit: 'M0' | 'M3', grades: Record<string, string>): Assessment => ({
  visit,
  form: 'bilag',
  assessedOn: '2026-01-19',
  grades: Object.fromEntries(BILAG_SYSTEMS.map((s) => [s, grades[s] ?? 'E'])),
});
const pga = (visit: 'M0' | 'M3', value: number): Assessment => ({
  visit,
  form: 'pga',
  assessedOn: '2026-01-19',
  value,
});

const INFUSION = '2026-01-20';

describe('the visit model', () => {
  it('SRI (both definitions) and MCR at M3 are the core’s, from the forms entered', () => {
    const assessments = [
      record(sledai('M0', ['arthritis', 'rash', 'lowComplement', 'increasedDnaBinding'])), // 4 + 2 + 2 + 2 = 10
      record(bilag('M0', { musculoskeletal: 'B', mucocutaneous: 'B' })),
      record(pga('M0', 1.5)),
      record(sledai('M3', ['lowComplement'])), // 2
      record(bilag('M3', { musculoskeletal: 'C', mucocutaneous: 'D' })),
      record(pga('M3', 0.8)),
    ];
    const forms = formsByVisit({ assessments, missed: [], signatures: [] });
    const endpoints = participantEndpoints(INFUSION, forms);
    const m3 = endpoints.perVisit.find((v) => v.visit === 'M3')!;
    const baseline = endpoints.scores.find((s) => s.visit === 'M0')!;
    const followUp = endpoints.scores.find((s) => s.visit === 'M3')!;
    expect(baseline).toMatchObject({ sledai: 10, pga: 1.5 });
    expect(m3.sriProtocol).toEqual(sriResponse(baseline, followUp, 'protocol'));
    expect(m3.sriProtocol).toMatchObject({ status: 'complete', responder: true, sledaiReduced: true });
    expect(m3.sriFurie).toMatchObject({ status: 'complete', responder: true });
    expect(m3.clinical).toEqual(clinicalResponse(endpoints.scores, 'M3'));
    expect(m3.clinical).toMatchObject({
      status: 'complete',
      response: 'MCR',
      reasons: ['allSystemsCOrBetter'],
    });
    // M6 not entered: incomplete, naming it, never a guess.
    expect(endpoints.perVisit.find((v) => v.visit === 'M6')!.clinical).toEqual({
      status: 'incomplete',
      missing: ['visits.M6'],
    });
  });

  it('gives a response at the visits that assess it only: M1 has no SLEDAI, BILAG nor PGA (visits.md)', () => {
    const forms = formsByVisit({ assessments: [], missed: [], signatures: [] });
    expect(participantEndpoints(INFUSION, forms).perVisit.map((v) => v.visit)).toEqual([
      'M3',
      'M6',
      'M9',
      'M12',
    ]);
  });

  it('an incomplete SLEDAI gives no total: the SRI names it missing', () => {
    const partial: Assessment = {
      visit: 'M3',
      form: 'sledai',
      assessedOn: '2026-04-21',
      answers: { arthritis: true },
    };
    const forms = formsByVisit({
      assessments: [
        record(sledai('M0', [])),
        record(partial),
        record(bilag('M0', {})),
        record(bilag('M3', {})),
      ],
      missed: [],
      signatures: [],
    });
    const m3 = participantEndpoints(INFUSION, forms).perVisit.find((v) => v.visit === 'M3')!;
    expect(m3.sriProtocol.status).toBe('incomplete');
    expect(m3.sriProtocol.status === 'incomplete' && m3.sriProtocol.missing).toEqual(
      expect.arrayContaining(['followUp.sledai', 'followUp.pga', 'baseline.pga']),
    );
  });

  it('a visit is done only when every required form is signed at its current revision', () => {
    const schedule = visitSchedule({ infusionDate: INFUSION });
    const m1 = schedule.find((item) => item.id === 'M1')!;
    const now = m1.windowStart + 86_400_000;
    const prednisone = record({ visit: 'M1', form: 'prednisone', assessedOn: '2026-02-19', mgPerDay: 10 });
    const tolerance = record(
      { visit: 'M1', form: 'toleranceReview', assessedOn: '2026-02-19', newAdverseEvents: false },
      'assessment',
      2,
    );
    const stale = { ...signature(tolerance), data: { ...signature(tolerance).data, recordRev: 1 } };
    let calendar = visitCalendar(
      INFUSION,
      { assessments: [prednisone, tolerance], missed: [], signatures: [signature(prednisone), stale] },
      now,
    );
    let entry = calendar.find((e) => e.visit === 'M1')!;
    expect(entry.state).toBe('due');
    expect(entry.finalisedCount).toBe(1);
    expect(entry.forms.toleranceReview).toMatchObject({ finalised: false, signatureInvalidated: true });
    expect(nextVisit(calendar)?.visit).toBe('M0'); // M0's window closed on day 0 with nothing: overdue, listed first

    calendar = visitCalendar(
      INFUSION,
      {
        assessments: [prednisone, tolerance],
        missed: [],
        signatures: [signature(prednisone), stale, signature(tolerance, '2026-02-20T09:00:00+01:00')],
      },
      now,
    );
    entry = calendar.find((e) => e.visit === 'M1')!;
    expect(entry.state).toBe('done');
    expect(calendar.find((e) => e.visit === 'M0')!.state).toBe('overdue');
  });

  it('a missed visit carries the team’s reason; nothing becomes missed by the clock alone', () => {
    const schedule = visitSchedule({ infusionDate: INFUSION });
    const late = schedule.find((item) => item.id === 'M3')!.windowEnd + 86_400_000;
    const missed = record(
      { visit: 'M3', reason: 'hospitalisée ailleurs', declaredAt: '2026-05-10T10:00:00+02:00' },
      'visitMissed',
    );
    const calendar = visitCalendar(INFUSION, { assessments: [], missed: [missed], signatures: [] }, late);
    expect(calendar.find((e) => e.visit === 'M3')).toMatchObject({
      state: 'missed',
      missedReason: 'hospitalisée ailleurs',
    });
    expect(calendar.find((e) => e.visit === 'M1')!.state).toBe('overdue');
  });

  it('steroid sparing reads the M12 record; treatment failure names each criterion and the proteinuria threshold', () => {
    const dose = (visit: string, assessedOn: string, mgPerDay: number) =>
      record({ visit, form: 'prednisone', assessedOn, mgPerDay });
    const bio = (visit: string, assessedOn: string, creatinine: number, proteinuria24h: number) =>
      record({ visit, form: 'biology', assessedOn, labs: { creatinine, proteinuria24h }, samples: [] });
    const forms = formsByVisit({
      assessments: [
        dose('M0', '2026-01-19', 20),
        dose('M9', '2026-10-20', 10),
        dose('M12', '2027-01-12', 5), // day 357: inside the M12 window, before day 364
        bio('M0', '2026-01-19', 70, 0.8),
        record({
          visit: 'M0',
          form: 'treatmentFailure',
          assessedOn: '2026-01-19',
          renalAssessments: [{ date: '2026-01-05', creatinineUmolL: 72 }],
          events: [],
        }),
        record({
          visit: 'M6',
          form: 'treatmentFailure',
          assessedOn: '2026-07-21',
          renalAssessments: [],
          events: [
            {
              kind: 'rescueTherapy',
              date: '2026-07-01',
              therapy: 'intravenousSteroids',
              forSleWorsening: true,
            },
          ],
        }),
      ],
      missed: [],
      signatures: [],
    });
    const endpoints = participantEndpoints(INFUSION, forms);
    expect(endpoints.steroidSparing).toMatchObject({ status: 'complete', responder: true, baselineMg: 20 });
    expect(endpoints.treatmentFailure).toMatchObject({
      status: 'complete',
      failed: true,
      failedOn: '2026-07-01',
      triggered: ['rescueTherapy'],
    });
    expect(endpoints.proteinuria).toEqual({ baseline: 0.8, threshold: 1.6 });
    expect(endpoints.failureCriteria?.ok && endpoints.failureCriteria.value.map((c) => c.status)).toEqual([
      'notMet',
      'notMet',
      'notMet',
      'notMet',
      'met',
    ]);
  });
});
