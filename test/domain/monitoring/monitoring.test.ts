import { describe, expect, it } from 'vitest';
import { adverseEventTermFor } from '@/domain';
import { participantMonitoring, planCheck, toleranceStatus } from '@/domain/monitoring';
import type { AdverseEvent } from '@/schema/adverse-events';

// Times in Paris (UTC+1 in March): infusion 09:00–10:00 on 2 March 2026 (day 0).
const T0 = Date.parse('2026-03-02T09:00:00+01:00');
const E = Date.parse('2026-03-02T10:00:00+01:00');
const HOUR = 3_600_000;
const at = (iso: string) => Date.parse(iso);

describe('the 10-day strip', () => {
  const strip = (records: Parameters<typeof participantMonitoring>[0]['records'], now: number) =>
    participantMonitoring({ infusion: { startedAt: T0, endedAt: E }, records, now })!;

  it('lists every check from E + 30 min to day 10, with upcoming / due / overdue / done at a time', () => {
    const day3Noon = at('2026-03-05T12:00:00+01:00');
    const m = strip(
      [
        { kind: 'vitalSigns', data: { checkId: 'post-30', takenAt: '2026-03-02T10:31:00+01:00' } },
        { kind: 'monitoringCheck', data: { checkId: 'day-1', doneAt: '2026-03-03T10:05:00+01:00' } },
        {
          kind: 'monitoringCheck',
          data: { checkId: 'day-2', doneAt: '2026-03-04T18:00:00+01:00', byPhone: true },
        },
        // A voided check does not count.
        {
          kind: 'monitoringCheck',
          voided: 1,
          data: { checkId: 'day-3', doneAt: '2026-03-05T09:00:00+01:00' },
        },
      ],
      day3Noon,
    );
    expect(m.strip.map((s) => s.item.id)).toEqual([
      'post-30',
      'post-60',
      'post-120',
      'post-240',
      'post-360',
      'day-1',
      'day-2',
      'day-3',
      'day-4',
      'day-5',
      'day-6',
      'day-7',
      'day-8',
      'day-9',
      'day-10',
    ]);
    const state = (id: string) => m.strip.find((s) => s.item.id === id)!;
    expect(state('post-30')).toMatchObject({ state: 'done' });
    expect(state('post-60').state).toBe('overdue');
    expect(state('day-2')).toMatchObject({ state: 'done', byPhone: true });
    expect(state('day-3').state).toBe('due');
    expect(state('day-4').state).toBe('upcoming');
    expect(m.current!.item.id).toBe('post-60');
    expect(m.windowComplete).toBe(false);
    // Day 3 at 20:00:00 is still due (window ends inclusive); a millisecond later it is overdue.
    const close = at('2026-03-05T20:00:00+01:00');
    expect(strip([], close).strip.find((s) => s.item.id === 'day-3')!.state).toBe('due');
    expect(strip([], close + 1).strip.find((s) => s.item.id === 'day-3')!.state).toBe('overdue');
    // The window runs to the end of day 10, after the day-10 check closed at 20:00.
    expect(strip([], at('2026-03-12T23:59:59+01:00')).windowComplete).toBe(false);
    expect(strip([], at('2026-03-13T00:00:00+01:00')).windowComplete).toBe(true);
  });
});

describe('a check’s answers', () => {
  let n = 0;
  const newId = () => `00000000-0000-7000-8000-${String(++n).padStart(12, '0')}`;
  it('opens an event per new present term, grades an ongoing one, records a sign without an event', () => {
    const ongoing = { id: 'fever-1', data: { term: adverseEventTermFor('fever') } };
    const plan = planCheck({
      checkId: 'day-2',
      doneAt: '2026-03-04T09:00:00+01:00',
      byPhone: true,
      entries: [
        { item: 'fever', present: true, term: adverseEventTermFor('fever'), grade: 2 },
        {
          item: 'infusionRelatedReaction',
          present: true,
          term: adverseEventTermFor('infusionRelatedReaction'),
          grade: 2,
        },
        {
          item: 'allergicReaction',
          present: true,
          term: adverseEventTermFor('allergicReaction'),
          grade: 2,
          signOf: 'infusionRelatedReaction',
        },
        { item: 'headache', present: false },
      ],
      others: [{ term: { kind: 'freeText', text: 'Zona' }, grade: 2 }],
      events: [ongoing],
      newId,
    });
    expect(plan.gradings).toEqual([
      {
        data: {
          adverseEventId: 'fever-1',
          grade: 2,
          gradedAt: '2026-03-04T09:00:00+01:00',
          version: '5.0',
          checkId: 'day-2',
          byPhone: true,
        },
      },
    ]);
    expect(plan.newEvents).toHaveLength(2);
    const reaction = plan.newEvents[0]!;
    expect(reaction.data).toMatchObject({
      grade: 2,
      checkId: 'day-2',
      byPhone: true,
      solicited: true,
      signs: ['allergicReaction'],
    });
    expect(plan.answers.map((a) => [a.item, a.present && a.adverseEventId])).toEqual([
      ['fever', 'fever-1'],
      ['infusionRelatedReaction', reaction.id],
      ['allergicReaction', reaction.id],
      ['headache', false],
    ]);
    expect(plan.newEvents[1]!.data).toMatchObject({
      term: { kind: 'freeText', text: 'Zona' },
      solicited: false,
    });
    expect(plan.otherEventIds).toEqual([plan.newEvents[1]!.id]);
    // An ended event of the same term is not reopened: a new one starts.
    const again = planCheck({
      checkId: 'day-5',
      doneAt: '2026-03-07T09:00:00+01:00',
      entries: [{ item: 'fever', present: true, term: adverseEventTermFor('fever'), grade: 1 }],
      events: [{ id: 'fever-1', data: { ...ongoing.data, endedAt: '2026-03-05T09:00:00+01:00' } }],
      newId,
    });
    expect(again.gradings).toEqual([]);
    expect(again.newEvents).toHaveLength(1);
  });
});

describe('the tolerance status the cohort table counts', () => {
  const event = (over: Partial<AdverseEvent>): AdverseEvent => ({
    term: adverseEventTermFor('fever'),
    grade: 1,
    onsetAt: '2026-03-03T09:00:00+01:00',
    serious: false,
    ...over,
  });
  const window = { windowStartsAt: T0, windowEndsAt: at('2026-03-12T23:59:59.999+01:00') };
  const after = at('2026-03-13T08:00:00+01:00');

  it('a grade 1 reaching grade 3 by a later grading, possibly related, is a DLT candidate; it counts once signed', () => {
    const events = [
      { id: 'e1', data: event({ relatedness: 'possible' }), gradings: [{ data: { grade: 3 as const } }] },
    ];
    const pending = toleranceStatus({ infusionStartedAt: T0, events, now: after })!;
    expect(pending.summary.status === 'complete' && pending.summary.dltEvents.map((e) => e.reasons)).toEqual([
      ['relatedGrade3OrMore'],
    ]);
    expect(pending.counts).toEqual({ infused: true, completed: false, dlt: false });
    const determination = {
      id: 'd1',
      rev: 1,
      data: {
        ...window,
        events: [{ adverseEventId: 'e1', isDlt: true }],
        dlt: true,
        decidedAt: '2026-03-13T09:00:00+01:00',
      },
    };
    const unsigned = toleranceStatus({
      infusionStartedAt: T0,
      events,
      determination: { ...determination, signed: false },
      now: after,
    })!;
    expect(unsigned.determinationCurrent).toBe(true);
    expect(unsigned.counts.completed).toBe(false);
    const signed = toleranceStatus({
      infusionStartedAt: T0,
      events,
      determination: { ...determination, signed: true },
      now: after,
    })!;
    expect(signed.counts).toEqual({ infused: true, completed: true, dlt: true });
    expect(signed.summary.status === 'complete' && signed.summary.dltEvents[0]!.physicianDecision).toBe(true);
    // A new candidate after the determination makes it stale: not counted until judged and signed again.
    const later = [
      ...events,
      { id: 'e2', data: event({ grade: 4, term: adverseEventTermFor('anaphylaxis') }), gradings: [] },
    ];
    const stale = toleranceStatus({
      infusionStartedAt: T0,
      events: later,
      determination: { ...determination, signed: true },
      now: after,
    })!;
    expect(stale.determinationCurrent).toBe(false);
    expect(stale.counts.completed).toBe(false);
  });

  it('a signed "no DLT" counts as completed only once the 10 days are over', () => {
    const determination = {
      id: 'd1',
      rev: 1,
      signed: true,
      data: { ...window, events: [], dlt: false, decidedAt: '2026-03-13T09:00:00+01:00' },
    };
    const during = toleranceStatus({
      infusionStartedAt: T0,
      events: [],
      determination,
      now: T0 + 5 * 24 * HOUR,
    })!;
    expect(during.counts).toEqual({ infused: true, completed: false, dlt: false });
    expect(
      toleranceStatus({ infusionStartedAt: T0, events: [], determination, now: after })!.counts.completed,
    ).toBe(true);
  });
});
