import { PGlite, type Transaction } from '@electric-sql/pglite';
import { copyText } from './copy-text';
import type { CopyValue, Queryable, Row, Store } from './store';

/**
 * PostgreSQL's default 128 MB of shared buffers live inside the WASM heap and stay resident once touched: the
 * server's RSS passed 470 MB after a 50 000-record push (issue 12, figure 8). A trial's store is tens of MB and
 * the OS caches the data files anyway; with 16 MB the push and pull take as long (`npm run bench`).
 */
const START_PARAMS = [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'];

/** Embedded PostgreSQL (WASM) in a data folder, or in memory when `dataDir` is undefined (tests). */
export async function openPgliteStore(dataDir?: string): Promise<Store> {
  const db = await PGlite.create({ ...(dataDir ? { dataDir } : {}), startParams: START_PARAMS });
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
  // COPY … FROM '/dev/blob' reads the rows from a Blob handed to PGlite with the statement: no statement to parse
  // per row and no JSON parameter to unpack (the push's log insert in about half the time of an INSERT, issue 25).
  const copyRows = async (
    on: PGlite | Transaction,
    table: string,
    columns: readonly string[],
    rows: readonly (readonly CopyValue[])[],
  ) => {
    if (rows.length === 0) return;
    await on.query(`copy ${table} (${columns.join(', ')}) from '/dev/blob'`, [], {
      blob: new Blob([copyText(rows)]),
    });
  };
  return {
    kind: 'pglite',
    query: (sql, params) => exclusive(() => query(sql, params)),
    exec: (sql) => exclusive(async () => void (await db.exec(sql))),
    copyRows: (table, columns, rows) => exclusive(() => copyRows(db, table, columns, rows)),
    transaction: (work) =>
      exclusive(() =>
        db.transaction(async (tx) => {
          const scoped: Queryable = {
            query: async <T extends Row>(sql: string, params: readonly unknown[] = []) => ({
              rows: (await tx.query<T>(sql, params as unknown[])).rows,
            }),
            exec: async (sql: string) => void (await tx.exec(sql)),
            copyRows: (table, columns, rows) => copyRows(tx, table, columns, rows),
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
