import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestStore, RUNTIME_ROLE, type TestStore } from './test-store';

// Issue 17: on PostgreSQL the server connects as a role that can only read and append the logs. The attack: a
// server (or whoever holds its connection string) running `ALTER TABLE … DISABLE TRIGGER` then `UPDATE` to
// rewrite the "append-only" mutation log. CI runs the server suite as such a role (TEST_RUNTIME_ROLE, .ci/run).

describe.runIf(RUNTIME_ROLE)(`the runtime role ${RUNTIME_ROLE} on PostgreSQL`, () => {
  let testStore: TestStore;
  beforeAll(async () => {
    testStore = await createTestStore();
  });
  afterAll(() => testStore.drop());

  it('connects as the restricted role, not as the tables’ owner', async () => {
    const { rows } = await testStore.store.query<{ who: string; owner: string }>(
      `select current_user as who, tableowner as owner from pg_tables where tablename = 'mutations'`,
    );
    expect(rows[0]!.who).toBe(RUNTIME_ROLE);
    expect(rows[0]!.owner).not.toBe(RUNTIME_ROLE);
  });

  it('can neither disable the log’s triggers nor rewrite, delete or truncate the logs', async () => {
    const q = (sql: string) => testStore.store.query(sql);
    await expect(q('alter table mutations disable trigger all')).rejects.toThrow(/must be owner/);
    await expect(q('alter table server_audit disable trigger all')).rejects.toThrow(/must be owner/);
    for (const table of ['mutations', 'server_audit']) {
      await expect(
        q(
          `update ${table} set seq = seq`.replace(
            'seq = seq',
            table === 'mutations' ? "reason = 'x'" : "action = 'x'",
          ),
        ),
      ).rejects.toThrow(/permission denied/);
      await expect(q(`delete from ${table}`)).rejects.toThrow(/permission denied/);
      await expect(q(`truncate ${table}`)).rejects.toThrow(/permission denied/);
    }
    await expect(q('drop table records')).rejects.toThrow(/must be owner/);
    await expect(q('create table sneaky (a int)')).rejects.toThrow(/permission denied/);
  });

  it('reads and appends the logs, and keeps the working tables', async () => {
    await testStore.store.query(`insert into server_audit (action) values ('runtime-role-test')`);
    const { rows } = await testStore.store.query<{ n: number }>(
      `select count(*)::int as n from server_audit where action = 'runtime-role-test'`,
    );
    expect(rows[0]!.n).toBe(1);
    await testStore.store.query('delete from login_throttle');
  });
});
