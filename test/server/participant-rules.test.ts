import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { buildApp } from '../../server/app';
import { createTestStore, STORE_KIND, type TestStore } from './test-store';
import { pushAs } from './sync-fixtures';
import { addSignedInUser, type SignedInUser } from './people-fixtures';

// The trial's shared resources (issue 20): a trial number and a cohort slot belong to one participant, whatever
// two tablets offline sent. The store keeps the first and refuses the second with a reason code; two pushes at
// the same moment (two tablets coming back online together) cannot both win.

describe(`trial numbers and cohort slots are shared (${STORE_KIND})`, () => {
  let testStore: TestStore;
  let app: FastifyInstance;
  let tabletA: SignedInUser;
  let tabletB: SignedInUser;

  beforeAll(async () => {
    testStore = await createTestStore();
    app = await buildApp({ store: testStore.store });
    tabletA = await addSignedInUser(testStore.store, 'physician');
    tabletB = await addSignedInUser(testStore.store, 'physician');
  });
  afterAll(async () => {
    await app.close();
    await testStore.drop();
  });
  beforeEach(async () => {
    // Each test starts from an empty trial (the mutation log itself is append-only and stays).
    await testStore.store.query('delete from participant_registry');
  });

  const push = (user: SignedInUser, mutations: unknown[]) => pushAs(app, user, mutations);
  const create = (trialNumber: string, extra: Record<string, unknown> = {}) => {
    const id = uuidv7();
    return {
      mutationId: uuidv7(),
      recordId: id,
      patientId: id,
      kind: 'participant',
      op: 'create',
      baseRev: null,
      at: '2026-03-02T09:00:00+01:00',
      data: { trialNumber, initials: 'AB', ...extra },
    };
  };
  const include = (created: ReturnType<typeof create>, cohort = 1) => ({
    ...created,
    mutationId: uuidv7(),
    op: 'revise',
    baseRev: 1,
    reason: 'inclusion',
    data: { ...created.data, status: 'included', cohort, doseLevel: 2, inclusionDate: '2026-03-02' },
  });
  const registered = async () =>
    (
      await testStore.store.query<{
        trial_number: string;
        cohort: number | null;
        cohort_slot: number | null;
      }>('select trial_number, cohort, cohort_slot from participant_registry order by trial_number')
    ).rows;

  it('refuses a second participant with a trial number already taken, and keeps the first', async () => {
    const first = create('MSC-LES-06');
    const second = create('MSC-LES-06');
    expect((await push(tabletA, [first]))[0]!.status).toBe('applied');
    const [refused] = await push(tabletB, [second]);
    expect(refused).toMatchObject({ status: 'rejected' });
    expect(refused!.reason).toMatch(/^trial-number-taken: MSC-LES-06/);
    // Resending the refused mutation is refused again, never stored; the first participant's revision applies.
    expect((await push(tabletB, [second]))[0]!.status).toBe('rejected');
    expect((await push(tabletA, [include(first)]))[0]!.status).toBe('applied');
    expect(await registered()).toEqual([{ trial_number: 'MSC-LES-06', cohort: 1, cohort_slot: 1 }]);
    // A revision renaming another participant onto a taken number is refused too.
    const third = create('MSC-LES-07');
    await push(tabletB, [third]);
    const rename = {
      ...third,
      mutationId: uuidv7(),
      op: 'revise',
      baseRev: 1,
      reason: 'typo',
      data: { ...third.data, trialNumber: 'MSC-LES-06' },
    };
    expect((await push(tabletB, [rename]))[0]!.reason).toMatch(/^trial-number-taken/);
  });

  it('refuses a sixth participant in a five-slot cohort, within one batch too', async () => {
    const five = ['01', '02', '03', '04', '05', '06'].map((n) => create(`MSC-LES-${n}`));
    expect((await push(tabletA, five)).every((r) => r.status === 'applied')).toBe(true);
    const results = await push(
      tabletA,
      five.map((p) => include(p)),
    );
    expect(results.map((r) => r.status)).toEqual([...Array(5).fill('applied'), 'rejected']);
    expect(results[5]!.reason).toMatch(/^cohort-full: cohort 1 already holds its 5 participants/);
    // The refused participant is still there, not included; cohort 2 has room.
    expect((await registered()).filter((r) => r.cohort === 1)).toHaveLength(5);
    expect((await push(tabletA, [include(five[5]!, 2)]))[0]!.status).toBe('applied');
    // A revision of an included participant (same cohort) keeps its slot.
    const again = { ...include(five[0]!), baseRev: 2, data: { ...include(five[0]!).data, comment: 'ok' } };
    expect((await push(tabletA, [again]))[0]!.status).toBe('applied');
  });

  it('under two concurrent pushes, gives the last slot and a number to exactly one tablet', async () => {
    const four = ['11', '12', '13', '14'].map((n) => create(`MSC-LES-${n}`));
    await push(tabletA, four);
    await push(
      tabletA,
      four.map((p) => include(p)),
    );
    // Each tablet created its own fifth participant offline, with the same number, and included it.
    for (let round = 0; round < 3; round += 1) {
      await testStore.store.query(
        "delete from participant_registry where trial_number not in ('MSC-LES-11','MSC-LES-12','MSC-LES-13','MSC-LES-14')",
      );
      const number = `MSC-LES-${20 + round}`;
      const a = create(number);
      const b = create(number);
      const [resultsA, resultsB] = await Promise.all([
        push(tabletA, [a, include(a)]),
        push(tabletB, [b, include(b)]),
      ]);
      const statuses = [resultsA, resultsB].map((r) => r.map((x) => x.status));
      expect(statuses).toContainEqual(['applied', 'applied']);
      expect(statuses).toContainEqual(['rejected', 'rejected']);
      const loser = statuses[0]![0] === 'rejected' ? resultsA : resultsB;
      expect(loser[0]!.reason).toMatch(/^trial-number-taken/);
      expect((await registered()).filter((r) => r.cohort === 1)).toHaveLength(5);
    }
    // Two different numbers racing for the last slot: one included, one refused with cohort-full.
    await testStore.store.query(
      "delete from participant_registry where trial_number not in ('MSC-LES-11','MSC-LES-12','MSC-LES-13','MSC-LES-14')",
    );
    const a = create('MSC-LES-31');
    const b = create('MSC-LES-32');
    await Promise.all([push(tabletA, [a]), push(tabletB, [b])]);
    const [[includedA], [includedB]] = await Promise.all([
      push(tabletA, [include(a)]),
      push(tabletB, [include(b)]),
    ]);
    expect([includedA!.status, includedB!.status].sort()).toEqual(['applied', 'rejected']);
    expect([includedA, includedB].find((r) => r!.status === 'rejected')!.reason).toMatch(/^cohort-full/);
    const slots = (await registered()).filter((r) => r.cohort === 1).map((r) => r.cohort_slot);
    expect(slots.sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it('the registry refuses a second owner of a number or a slot even without the check', async () => {
    const id = () => uuidv7();
    await testStore.store.query(
      "insert into participant_registry (participant_id, trial_number, cohort, cohort_slot) values ($1, 'MSC-LES-40', 1, 1)",
      [id()],
    );
    await expect(
      testStore.store.query(
        "insert into participant_registry (participant_id, trial_number) values ($1, 'MSC-LES-40')",
        [id()],
      ),
    ).rejects.toThrow();
    await expect(
      testStore.store.query(
        "insert into participant_registry (participant_id, trial_number, cohort, cohort_slot) values ($1, 'MSC-LES-41', 1, 1)",
        [id()],
      ),
    ).rejects.toThrow();
  });
});
