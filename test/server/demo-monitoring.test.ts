import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoMonitoringBatches } from '../../server/demo/monitoring';
import { demoId } from '../../server/demo/participants';
import { seedDemo } from '../../server/demo/seed';
import { participantMonitoring, toleranceStatus } from '../../src/domain/monitoring';
import { saeClock, withWorstGrade } from '../../src/domain/safety/adverse-event';
import type { AdverseEvent } from '../../src/schema/adverse-events';
import type { ToleranceDetermination } from '../../src/schema/monitoring';
import { createTestStore, STORE_KIND, type TestStore } from './test-store';

// Issue 22's demo: the same four situations whatever day and hour the demo is started — checked with the
// tablet's own derivations on the seed's records at several starts (midnight, early morning, evening, the days
// of both clock changes) — and pushed through the real store, each mutation applied, nothing twice.

type Mutation = { recordId: string; patientId: string; kind: string; data: Record<string, unknown> };

/** The records as a tablet would hold them (the latest data of each). */
function records(mutations: readonly Mutation[]) {
  const latest = new Map<string, Mutation>();
  for (const m of mutations) latest.set(m.recordId, m);
  return [...latest.values()];
}

function situation(all: readonly Mutation[], trialNumber: string, now: number) {
  const patientId = demoId(trialNumber);
  const mine = records(all).filter((r) => r.patientId === patientId);
  const at = (type: string) =>
    Date.parse(String(mine.find((r) => r.kind === 'infusionEvent' && r.data.type === type)!.data.at));
  const infusion = { startedAt: at('start'), endedAt: at('end') };
  const monitoring = participantMonitoring({ infusion, records: mine, now })!;
  const events = mine
    .filter((r) => r.kind === 'adverseEvent')
    .map((r) => ({
      id: r.recordId,
      data: r.data as AdverseEvent,
      gradings: mine
        .filter((g) => g.kind === 'adverseEventGrade' && g.data.adverseEventId === r.recordId)
        .map((g) => ({ data: { grade: g.data.grade as 1 } })),
    }));
  const determination = mine.find((r) => r.kind === 'toleranceDetermination');
  const signed = mine.some((r) => r.kind === 'signature' && r.data.meaning === 'dlt-confirmation');
  const tolerance = toleranceStatus({
    infusionStartedAt: infusion.startedAt,
    events,
    ...(determination
      ? {
          determination: {
            id: determination.recordId,
            rev: 1,
            data: determination.data as ToleranceDetermination,
            signed,
          },
        }
      : {}),
    now,
  })!;
  const state = (id: string) => monitoring.strip.find((s) => s.item.id === id)!.state;
  return { monitoring, tolerance, events, state };
}

const STARTS = [
  '2026-12-01T00:30:00+01:00',
  '2026-12-01T07:59:00+01:00',
  '2026-12-01T14:00:00+01:00',
  '2026-12-01T23:59:00+01:00',
  '2026-03-29T03:30:00+02:00', // the spring clock change in Paris
  '2026-10-25T12:00:00+01:00', // the autumn one
];

describe('the monitoring demo’s four situations', () => {
  it.each(STARTS)('hold when the demo starts at %s', async (start) => {
    const now = Date.parse(start);
    const batches = await demoMonitoringBatches(now, { id: demoId('physician'), displayName: 'Médecin' });
    const all = [...batches.inclusions, ...batches.nurse, ...batches.physician] as unknown as Mutation[];

    const day3 = situation(all, 'MSC-LES-15', now);
    expect(day3.state('day-1')).toBe('done');
    expect(day3.state('day-2')).toBe('overdue');
    expect(['upcoming', 'due', 'overdue']).toContain(day3.state('day-3'));
    expect(day3.state('day-4')).toBe('upcoming');

    const fever = situation(all, 'MSC-LES-16', now);
    expect(fever.events).toHaveLength(1);
    const feverEvent = withWorstGrade(fever.events[0]!.data, fever.events[0]!.gradings);
    expect(feverEvent).toMatchObject({ grade: 2, outcome: 'recovered' });
    expect(Date.parse(feverEvent.endedAt!)).toBeLessThan(now);
    for (const day of [1, 2, 3, 4]) expect(fever.state(`day-${day}`)).toBe('done');

    const sae = situation(all, 'MSC-LES-17', now);
    const [serious] = sae.events.filter((e) => e.data.serious);
    expect(saeClock(serious!.data, now)).toMatchObject({ status: 'due', remainingMs: 22 * 3_600_000 });
    expect(sae.tolerance.summary.status === 'complete' && sae.tolerance.summary.saes).toHaveLength(1);

    const complete = situation(all, 'MSC-LES-18', now);
    expect(complete.monitoring.windowComplete).toBe(true);
    for (let day = 1; day <= 10; day++) expect(complete.state(`day-${day}`)).toBe('done');
    expect(complete.tolerance).toMatchObject({
      determinationCurrent: true,
      counts: { infused: true, completed: true, dlt: false },
    });
  });
});

describe(`the monitoring demo on the store (${STORE_KIND})`, () => {
  let testStore: TestStore;
  beforeAll(async () => {
    testStore = await createTestStore();
  });
  afterAll(() => testStore.drop());

  it('is pushed through the real path, each mutation applied, and a second run writes nothing', async () => {
    const lines = await seedDemo(testStore.store);
    expect(lines.join('\n')).toMatch(/MSC-LES-17 SAE/);
    const count = async () =>
      (await testStore.store.query<{ n: number }>('select count(*)::int as n from mutations')).rows[0]!.n;
    const signatures = await testStore.store.query<{ n: number }>(
      `select count(*)::int as n from mutations where kind = 'signature' and data->>'meaning' = 'dlt-confirmation'`,
    );
    expect(signatures.rows[0]!.n).toBe(1);
    const before = await count();
    await seedDemo(testStore.store);
    expect(await count()).toBe(before);
  });
});
