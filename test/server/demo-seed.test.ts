import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAccountByUsername } from '../../server/auth/accounts';
import type { Principal } from '../../server/auth/roles';
import { demoId, demoParticipantLines } from '../../server/demo/participants';
import { seedDemo } from '../../server/demo/seed';
import { applyBatch } from '../../server/sync/apply-batch';

// Forms per demo visit: M0/M3/M6/M9/M12 hold SLEDAI, BILAG, PGA, SDI, SF-36, EQ-5D and prednisone (7), M1 holds
// prednisone and the tolerance review (2), and one participant's M3 its treatment-failure facts.
const VISIT_FORMS = 7 * (1 + 2 + 3 + 5 + 2) + 2 * 4 + 1;
import { createTestStore, STORE_KIND, type TestStore } from './test-store';

describe(`the demo seed (${STORE_KIND})`, () => {
  let testStore: TestStore;
  beforeAll(async () => {
    testStore = await createTestStore();
  });
  afterAll(() => testStore.drop());

  it('creates one account per role and fictional participants at several stages, and nothing twice', async () => {
    const lines = await seedDemo(testStore.store);
    expect(lines.join('\n')).toMatch(/medecin/);
    expect(lines.join('\n')).toMatch(/MSC-LES-01/);
    const count = async () =>
      (await testStore.store.query<{ n: number }>('select count(*)::int as n from mutations')).rows[0]!.n;
    const first = await count();
    // 4 participants + 10 vital-sign sets; issue 23's follow-up: 5 participants, their visit forms and signatures.
    // Issue 20: 5 cohort revisions, a decision and its signature, 2 participants in screening with their
    // assessments, the screen failure's signature and revision.
    // Issue 21: 3 participants and their infusions (running: 7 steps, start, 2 sets; paused: + pause, 3 sets;
    // finished yesterday: 7 steps, start, end, 11 sets).
    // Issue 24: two revisions of one participant from one base (a conflict), two queries and an answer.
    // Issue 22: 4 participants; each infusion's start, end and 9 sets; 16 day checks and 10 sets; 2 adverse
    // events from them and a spontaneous SAE; the fever's end; the headache's assessment, the DLT determination
    // and its signature.
    expect(first).toBe(
      4 +
        10 +
        5 +
        2 * VISIT_FORMS +
        5 +
        2 +
        2 * 2 +
        2 +
        3 +
        10 +
        12 +
        20 +
        2 +
        3 +
        4 +
        4 * 11 +
        16 +
        10 +
        2 +
        1 +
        1 +
        3,
    );
    const events = await testStore.store.query<{ type: string; n: number }>(
      `select data->>'type' as type, count(*)::int as n from mutations where kind = 'infusionEvent' group by 1 order by 1`,
    );
    expect(events.rows).toEqual([
      { type: 'end', n: 1 + 4 },
      { type: 'pause', n: 1 },
      { type: 'start', n: 3 + 4 },
    ]);
    expect(lines.join('\n')).toMatch(/MSC-LES-12 running since 20 min/);
    expect(lines.join('\n')).toMatch(/cohort 1 complete/);
    expect(lines.join('\n')).toMatch(/MSC-LES-08 \(M0, M1, M3, M6, M9, M12\)/);
    // The banner lists the participants as the store holds them (trial number, initials, status), after the seeds.
    const listed = lines.slice(lines.findIndex((line) => line.startsWith('Demo participants')));
    expect(listed[0]).toBe('Demo participants (18; trial number, initials, status):');
    expect(listed).toContain('  MSC-LES-01   AM   follow-up');
    expect(listed).toContain('  MSC-LES-04   EF   screening');
    expect(listed).toContain('  MSC-LES-11   ST   screen-failed');
    expect(listed).toContain('  MSC-LES-14   KV   included');
    expect(listed).toContain('  MSC-LES-17   NO   included');
    expect(listed).toHaveLength(19);
    await seedDemo(testStore.store);
    expect(await count()).toBe(first);
    const { rows } = await testStore.store.query<{ n: number }>(
      'select count(distinct role)::int as n from users',
    );
    expect(rows[0]!.n).toBe(4);
  });

  it("the banner's participants come from the store: a new one shows, none on an empty store", async () => {
    const empty = await createTestStore();
    try {
      expect(await demoParticipantLines(empty.store)).toEqual([]);
    } finally {
      await empty.drop();
    }
    const physician = (await findAccountByUsername(testStore.store, 'medecin'))!;
    const me: Principal = {
      userId: physician.id,
      username: physician.username,
      role: 'physician',
      deviceId: demoId('seed-device'),
    };
    const id = demoId('banner-test:MSC-LES-20');
    const results = await applyBatch(testStore.store, me, [
      {
        mutationId: demoId('banner-test:create'),
        recordId: id,
        patientId: id,
        kind: 'participant',
        op: 'create',
        baseRev: null,
        at: '2026-03-10T10:00:00+01:00',
        data: { trialNumber: 'MSC-LES-20', initials: 'XY', sex: 'M', status: 'screening' },
      },
    ]);
    expect(results.map((r) => r.status)).toEqual(['applied']);
    const lines = await demoParticipantLines(testStore.store);
    expect(lines[0]).toBe('Demo participants (19; trial number, initials, status):');
    expect(lines.at(-1)).toBe('  MSC-LES-20   XY   screening');
  });
});
