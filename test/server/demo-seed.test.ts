import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../server/demo/seed';
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
    expect(first).toBe(4 + 10);
    await seedDemo(testStore.store);
    expect(await count()).toBe(first);
    const { rows } = await testStore.store.query<{ n: number }>(
      'select count(distinct role)::int as n from users',
    );
    expect(rows[0]!.n).toBe(4);
  });
});
