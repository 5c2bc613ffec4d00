import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../server/demo/seed';
import { createTestStore, STORE_KIND, type TestStore } from './test-store';

// Issue 24's demo: the data manager sees a conflict, an open query and an answered query.

describe(`the demo's review data (${STORE_KIND})`, () => {
  let testStore: TestStore;
  beforeAll(async () => {
    testStore = await createTestStore();
  });
  afterAll(() => testStore.drop());

  it('holds an open conflict, an open and an answered query, and nothing twice on a second run', async () => {
    const lines = await seedDemo(testStore.store);
    expect(lines.join('\n')).toMatch(/an open query and an answered query/);
    const conflicts = await testStore.store.query<{ kind: string }>(
      'select kind from records where in_conflict',
    );
    expect(conflicts.rows.map((r) => r.kind)).toContain('participant');
    const queries = async () =>
      (
        await testStore.store.query<{ action: string; query: string; status: string }>(
          `select data->>'action' as action, coalesce(data->>'queryId', record_id::text) as query
             from mutations where kind = 'dataQuery' order by seq`,
        )
      ).rows;
    const first = await queries();
    expect(first.map((q) => q.action)).toEqual(['raise', 'raise', 'answer']);
    expect(first[2]!.query).toBe(first[1]!.query);
    await seedDemo(testStore.store);
    expect(await queries()).toEqual(first);
  });
});
