import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { buildApp } from '../../server/app';
import type { DsmbReport } from '../../server/export/dsmb-report';
import {
  adverseEventTermFor,
  ctcaeTerm,
  cohortCounts,
  cohortMemberStatus,
  recommendNextDose,
  toleranceWindow,
  withWorstGrade,
  type BedsideTermId,
} from '../../src/domain';
import { DOSING_CONFIG } from '../../src/domain/dosing/config';
import type { AdverseEvent } from '../../src/schema/adverse-events';
import { contentHash } from '../../src/session/canonical-json';
import { addSignedInUser, type SignedInUser } from './people-fixtures';
import { newMutation, pushAs } from './sync-fixtures';
import { createTestStore, STORE_KIND, type TestStore } from './test-store';

// Issue 24 item 4: the DSMB tolerance report, computed on the store from its log with the tablets' domain
// functions. A seeded cohort: three infused participants (one with a signed DLT, one with a signed "no DLT", one
// not yet determined) and one included but not infused; the report's terms, worst grades, SAEs, DLTs and the
// decision's numbers are checked against the domain functions on the same records, and by hand.

const ae = (
  id: BedsideTermId,
  over: Partial<AdverseEvent> & { grade: AdverseEvent['grade']; onsetAt: string },
): AdverseEvent => ({
  term: adverseEventTermFor(id),
  serious: false,
  ...over,
});

describe(`DSMB tolerance report (${STORE_KIND})`, () => {
  let testStore: TestStore;
  let app: FastifyInstance;
  let physician: SignedInUser;
  let nurse: SignedInUser;
  let dataManager: SignedInUser;
  let admin: SignedInUser;
  const ids = { p1: uuidv7(), p2: uuidv7(), p3: uuidv7(), p4: uuidv7() };
  const infusionDates = { p1: '2026-03-02', p2: '2026-03-09', p3: '2026-03-16' } as const;
  const start = (date: string) => `${date}T09:00:00+01:00`;
  // p1: fever 1 then graded 2, headache 1, a related grade 3 hypotension that was serious (the DLT), and a grade 4
  // event after day 10 (listed outside the window, never counted).
  const fever = { id: uuidv7(), data: ae('fever', { grade: 1, onsetAt: '2026-03-02T12:00:00+01:00' }) };
  const feverGrading = {
    id: uuidv7(),
    data: {
      adverseEventId: fever.id,
      grade: 2 as const,
      gradedAt: '2026-03-03T09:00:00+01:00',
      version: '5.0',
    },
  };
  const headache = { id: uuidv7(), data: ae('headache', { grade: 1, onsetAt: '2026-03-02T15:00:00+01:00' }) };
  const sae = {
    id: uuidv7(),
    data: ae('hypotension', {
      grade: 3,
      onsetAt: '2026-03-04T08:00:00+01:00',
      serious: true,
      seriousness: ['hospitalisation'],
      awareAt: '2026-03-04T08:30:00+01:00',
      sponsorNotifiedAt: '2026-03-04T16:00:00+01:00',
      relatedness: 'possible',
    }),
  };
  const late = { id: uuidv7(), data: ae('nausea', { grade: 3, onsetAt: '2026-03-20T08:00:00+01:00' }) };
  // p2: a rash entered at grade 2 then revised to grade 1, signed "no DLT". p3: a grade 1 chills, no determination
  // yet, and a grade 4 vomiting entered for the wrong participant and voided (the store's current state counts).
  const rash = {
    id: uuidv7(),
    data: ae('rashMaculoPapular', { grade: 2, onsetAt: '2026-03-10T10:00:00+01:00' }),
  };
  const rashRevised = { ...rash.data, grade: 1 as const };
  const chills = { id: uuidv7(), data: ae('chills', { grade: 1, onsetAt: '2026-03-16T11:00:00+01:00' }) };
  const voided = { id: uuidv7(), data: ae('vomiting', { grade: 4, onsetAt: '2026-03-16T12:00:00+01:00' }) };
  const later = (e: { id: string; data: unknown }, patientId: string, op: 'revise' | 'void', data: unknown) =>
    newMutation({
      recordId: e.id,
      patientId,
      kind: 'adverseEvent',
      op,
      baseRev: 1,
      reason: 'correction',
      data,
    });
  let report: DsmbReport;

  const push = async (user: SignedInUser, mutations: Record<string, unknown>[]) => {
    const results = await pushAs(app, user, mutations);
    expect(results.filter((r) => r.status !== 'applied')).toEqual([]);
  };
  const get = (user: SignedInUser) =>
    app.inject({ method: 'GET', url: '/api/reports/dsmb', headers: user.headers });

  const participant = (key: keyof typeof ids, n: number, initials: string, infusionDate?: string) =>
    newMutation({
      recordId: ids[key],
      patientId: ids[key],
      kind: 'participant',
      data: {
        trialNumber: `MSC-LES-${n}`,
        initials,
        cohort: 1,
        doseLevel: 2,
        status: infusionDate ? 'infused' : 'included',
        ...(infusionDate ? { infusionDate } : {}),
      },
    });
  const infusion = (patientId: string, date: string) => {
    const infusionId = uuidv7();
    return [
      newMutation({
        patientId,
        kind: 'infusionEvent',
        data: {
          infusionId,
          type: 'start',
          at: start(date),
          plannedDurationMin: 60,
          volumeToInfuseMl: 100,
          rateMlPerHour: 100,
          doseLevel: 2,
          cellsToInfuse: 140_000_000,
          weightKg: 70,
          lotNumber: 'LOT-1',
        },
      }),
      newMutation({
        patientId,
        kind: 'infusionEvent',
        data: { infusionId, type: 'end', at: `${date}T10:00:00+01:00`, volumeInfusedMl: 100, residualMl: 0 },
      }),
    ];
  };
  const event = (patientId: string, e: { id: string; data: unknown }, kind = 'adverseEvent') =>
    newMutation({ recordId: e.id, patientId, kind, data: e.data });
  /** The physician's determination over the participant's window, and its dlt-confirmation signature. */
  const determination = async (
    patientId: string,
    date: string,
    events: { adverseEventId: string; isDlt: boolean }[],
  ) => {
    const window = toleranceWindow({ infusionStartedAt: Date.parse(start(date)) })!;
    const recordId = uuidv7();
    const data = {
      windowStartsAt: window.startsAt,
      windowEndsAt: window.endsAt,
      events,
      dlt: events.some((e) => e.isDlt),
      decidedAt: '2026-03-27T09:00:00+01:00',
    };
    return [
      newMutation({ recordId, patientId, kind: 'toleranceDetermination', data }),
      newMutation({
        patientId,
        kind: 'signature',
        data: {
          signer: physician.userId,
          signerName: physician.username,
          role: 'physician',
          meaning: 'dlt-confirmation',
          signedAt: '2026-03-27T09:05:00+01:00',
          recordId,
          recordRev: 1,
          contentHash: await contentHash(data),
          method: 'pin',
        },
      }),
    ];
  };

  beforeAll(async () => {
    testStore = await createTestStore();
    app = await buildApp({ store: testStore.store });
    physician = await addSignedInUser(testStore.store, 'physician');
    nurse = await addSignedInUser(testStore.store, 'nurse');
    dataManager = await addSignedInUser(testStore.store, 'data-manager');
    admin = await addSignedInUser(testStore.store, 'admin');
    await push(physician, [
      participant('p1', 41, 'AB', infusionDates.p1),
      participant('p2', 42, 'CD', infusionDates.p2),
      participant('p3', 43, 'EF', infusionDates.p3),
      participant('p4', 44, 'GH'),
      ...infusion(ids.p1, infusionDates.p1),
      ...infusion(ids.p2, infusionDates.p2),
      ...infusion(ids.p3, infusionDates.p3),
      event(ids.p1, fever),
      event(ids.p1, feverGrading, 'adverseEventGrade'),
      event(ids.p1, headache),
      event(ids.p1, sae),
      event(ids.p1, late),
      event(ids.p2, rash),
      event(ids.p3, chills),
      event(ids.p3, voided),
      later(rash, ids.p2, 'revise', rashRevised),
      later(voided, ids.p3, 'void', voided.data),
      ...(await determination(ids.p1, infusionDates.p1, [{ adverseEventId: sae.id, isDlt: true }])),
      ...(await determination(ids.p2, infusionDates.p2, [])),
    ]);
    const res = await get(dataManager);
    expect(res.statusCode).toBe(200);
    report = res.json();
  });
  afterAll(async () => {
    await app.close();
    await testStore.drop();
  });

  it('lists the cohort’s participants with each one’s terms and worst grades in the window', () => {
    expect(report.cohorts.map((c) => [c.cohort, c.doseLevel])).toEqual([[1, 2]]);
    const [cohort] = report.cohorts;
    expect(cohort!.participants.map((p) => `${p.trialNumber} ${p.initials}`)).toEqual([
      'MSC-LES-41 AB',
      'MSC-LES-42 CD',
      'MSC-LES-43 EF',
      'MSC-LES-44 GH',
    ]);
    const [p1, p2, p3, p4] = cohort!.participants;
    const code = (id: BedsideTermId) => ctcaeTerm(id).meddraCode;
    if (p1!.tolerance?.status !== 'complete') throw new Error('p1 tolerance incomplete');
    // The worst grade over time (the later grading of fever), worst first; the day-18 nausea outside the window.
    expect(
      p1!.tolerance.byTerm.map((t) => [t.term.kind === 'ctcae' && t.term.meddraCode, t.worstGrade, t.events]),
    ).toEqual([
      [code('hypotension'), 3, 1],
      [code('fever'), 2, 1],
      [code('headache'), 1, 1],
    ]);
    expect(p1!.tolerance.worstGrade).toBe(3);
    expect(p1!.tolerance.outsideWindow).toBe(1);
    expect(p1!.tolerance.windowComplete).toBe(true);
    expect(p1!.infusionStartedAt).toBe(Date.parse(start(infusionDates.p1)));
    if (p2!.tolerance?.status !== 'complete' || p3!.tolerance?.status !== 'complete')
      throw new Error('incomplete');
    // The revised grade, not the first; the voided event not at all.
    expect(p2!.tolerance.byTerm.map((t) => t.worstGrade)).toEqual([1]);
    expect(p3!.tolerance.byTerm.map((t) => [t.term, t.worstGrade])).toEqual([
      [adverseEventTermFor('chills'), 1],
    ]);
    // Included, not infused: in the table, not counted.
    expect(p4!.tolerance).toBeUndefined();
    expect(p4!.member).toMatchObject({ infused: false, completed: false, dlt: false, worstGrade: 0 });
  });

  it('gives the SAEs with their criteria and notification, and the DLTs from the signed determinations', () => {
    const [p1, p2, p3] = report.cohorts[0]!.participants;
    if (p1!.tolerance?.status !== 'complete') throw new Error('p1 tolerance incomplete');
    expect(p1!.tolerance.saes).toEqual([
      expect.objectContaining({
        id: sae.id,
        term: adverseEventTermFor('hypotension'),
        criteria: ['hospitalisation'],
        onsetAt: sae.data.onsetAt,
        awareAt: Date.parse(sae.data.awareAt!),
        notifyBy: Date.parse(sae.data.awareAt!) + 24 * 3_600_000,
        notifiedAt: Date.parse(sae.data.sponsorNotifiedAt!),
        status: 'notifiedOnTime',
        inWindow: true,
      }),
    ]);
    expect(p1!.tolerance.dltCandidates).toEqual([
      {
        id: sae.id,
        term: adverseEventTermFor('hypotension'),
        grade: 3,
        reasons: ['relatedGrade3OrMore'],
        physicianDecision: true,
      },
    ]);
    expect(p1!.determination).toMatchObject({
      dlt: true,
      signed: true,
      current: true,
      dltEvents: [{ id: sae.id, term: adverseEventTermFor('hypotension') }],
      signatures: [
        { signerName: physician.username, role: 'physician', signedAt: '2026-03-27T09:05:00+01:00' },
      ],
    });
    expect(p2!.determination).toMatchObject({ dlt: false, signed: true, current: true, dltEvents: [] });
    expect(p3!.determination).toBeUndefined();
    expect([p1, p2, p3].map((p) => p!.member.dlt)).toEqual([true, false, false]);
  });

  it('decides with the domain functions on the same records: the numbers are the dose-decision screen’s', () => {
    const [cohort] = report.cohorts;
    // What the tablet computes: each participant's events with their worst grade and the signed decision.
    const signedDlt = { isDlt: true, decidedAt: '2026-03-27T09:00:00+01:00' };
    const today = report.today;
    const statuses = [
      cohortMemberStatus({
        infusionDate: infusionDates.p1,
        events: [
          withWorstGrade(fever.data, [feverGrading]),
          headache.data,
          { ...sae.data, dltDecision: signedDlt },
          late.data,
        ],
        today,
      }),
      cohortMemberStatus({ infusionDate: infusionDates.p2, events: [rashRevised], today }),
      cohortMemberStatus({ infusionDate: infusionDates.p3, events: [chills.data], today }),
      cohortMemberStatus({ events: [], today }),
    ];
    expect(cohort!.participants.map((p) => p.member)).toEqual(statuses);
    const counts = cohortCounts(statuses);
    expect(counts).toEqual({ patients: 3, completed: 3, dlts: 1 });
    expect(cohort!.counts).toEqual(counts);
    const expected = recommendNextDose({ ...counts, doseLevel: 2 });
    expect(cohort!.recommendation).toEqual(JSON.parse(JSON.stringify(expected)));
    // By hand: Beta(1 + 1, 1 + 2); P(p > 0.3) = 1 − (6x² − 8x³ + 3x⁴) at x = 0.3 = 0.6517.
    expect(cohort!.recommendation.posterior).toMatchObject({ a: 2, b: 3 });
    expect(cohort!.recommendation.probabilityExcessive).toBeCloseTo(0.6517, 4);
    expect(cohort!.recommendation.decision).toBe('wait');
    expect(cohort!.recommendation.remainingToInclude).toBe(2);
    // The rule in force, from the trial configuration.
    expect(report.settings).toEqual(DOSING_CONFIG.decision);
    expect(cohort!.recommendation.settings).toEqual(DOSING_CONFIG.decision);
  });

  it('is for data managers and physicians: a nurse and an administrator get 403', async () => {
    expect((await get(physician)).statusCode).toBe(200);
    for (const user of [nurse, admin]) {
      const res = await get(user);
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('forbidden');
    }
    expect((await app.inject({ method: 'GET', url: '/api/reports/dsmb' })).statusCode).toBe(401);
  });

  it('is audited: who produced it, when, over which part of the log, and what it recommended', async () => {
    const res = await get(physician);
    const produced: DsmbReport = res.json();
    expect(res.headers['cache-control']).toBe('no-store');
    expect(produced.producedBy).toMatchObject({
      userId: physician.userId,
      name: physician.username,
      role: 'physician',
    });
    const { rows } = await testStore.store.query<{
      actor_user_id: string;
      actor_device_id: string;
      subject: string;
      detail: unknown;
      at: string;
    }>(
      `select actor_user_id, actor_device_id, subject, detail, at from server_audit
        where action = 'dsmb-report' order by id`,
    );
    const entry = rows.find((r) => r.subject === `report:${produced.reportId}`);
    expect(entry).toMatchObject({ actor_user_id: physician.userId, actor_device_id: physician.deviceId });
    const detail = typeof entry!.detail === 'string' ? JSON.parse(entry!.detail) : entry!.detail;
    expect(detail).toEqual({
      lastSeq: produced.lastSeq,
      cohorts: [
        {
          cohort: 1,
          doseLevel: 2,
          patients: 3,
          completed: 3,
          dlts: 1,
          recommendation: 'wait',
          probabilityExcessive: produced.cohorts[0]!.recommendation.probabilityExcessive,
        },
      ],
    });
    // The data manager's earlier report is audited too, under their name.
    expect(
      rows.some((r) => r.subject === `report:${report.reportId}` && r.actor_user_id === dataManager.userId),
    ).toBe(true);
  });
});
