import type pg from 'pg';
import type { Queryable, Row, Store } from './store';

export async function openPostgresStore(connectionString: string): Promise<Store> {
  // Loaded only for PostgreSQL: the driver's first use also loads Node's fetch (undici), ~0.3 s of a start on
  // the embedded store that never needs it (issue 25).
  const { default: pg } = await import('pg');
  // Return BIGINT (sequence numbers) as JS numbers: they stay far below 2^53 for a trial of ten patients.
  pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
  const pool = new pg.Pool({ connectionString, max: 10 });
  // An idle connection the server ends (a restart, an administrator) must not crash the process: the pool
  // drops it and opens another at the next query.
  pool.on('error', () => undefined);
  // Fail at start, with the server's own message, rather than at the first request.
  await pool.query('select 1');
  const wrap = (client: pg.Pool | pg.PoolClient): Queryable => ({
    query: async <T extends Row>(sql: string, params: readonly unknown[] = []) => {
      const result = await client.query(sql, params as unknown[]);
      return { rows: result.rows as T[] };
    },
    // Without parameters pg uses the simple protocol, which accepts several statements.
    exec: async (sql: string) => void (await client.query(sql)),
    // One statement and one JSON parameter whatever the number of rows, unpacked by the table's own row type, in
    // the order given (COPY would need a streaming client, pg-copy-streams, for a gain PostgreSQL does not need).
    copyRows: async (table, columns, rows) => {
      if (rows.length === 0) return;
      const objects = rows.map((row) => Object.fromEntries(columns.map((c, i) => [c, row[i]])));
      const list = columns.join(', ');
      await client.query(
        `insert into ${table} (${list})
         select ${list} from json_populate_recordset(null::${table}, $1::json) with ordinality order by ordinality`,
        [JSON.stringify(objects)],
      );
    },
  });
  return {
    kind: 'postgres',
    ...wrap(pool),
    transaction: async (work) => {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await work(wrap(client));
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
