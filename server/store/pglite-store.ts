import { PGlite } from '@electric-sql/pglite';
import type { Queryable, Row, Store } from './store';

/** Embedded PostgreSQL (WASM) in a data folder, or in memory when `dataDir` is undefined (tests). */
export async function openPgliteStore(dataDir?: string): Promise<Store> {
  const db = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
  // PGlite runs one query at a time; transactions take the whole connection, so queue them explicitly to keep
  // a request's statements from interleaving with another's transaction.
  let tail: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    const run = tail.then(work, work);
    tail = run.catch(() => undefined);
    return run;
  };
  const query = async <T extends Row>(sql: string, params: readonly unknown[] = []) => {
    const result = await db.query<T>(sql, params as unknown[]);
    return { rows: result.rows };
  };
  return {
    kind: 'pglite',
    query: (sql, params) => exclusive(() => query(sql, params)),
    exec: (sql) => exclusive(async () => void (await db.exec(sql))),
    transaction: (work) =>
      exclusive(() =>
        db.transaction(async (tx) => {
          const scoped: Queryable = {
            query: async <T extends Row>(sql: string, params: readonly unknown[] = []) => ({
              rows: (await tx.query<T>(sql, params as unknown[])).rows,
            }),
            exec: async (sql: string) => void (await tx.exec(sql)),
          };
          return work(scoped);
        }),
      ),
    close: async () => {
      await tail;
      await db.close();
    },
  };
}
