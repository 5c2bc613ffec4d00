// The central store behind one small interface, so that routes run unchanged on embedded PGlite and on a real
// PostgreSQL server (architecture.md, "Central store"). SQL is written once, in PostgreSQL's dialect.

export type Row = Record<string, unknown>;

export interface Queryable {
  query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<{ rows: T[] }>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /**
   * Appends rows to `table`, each a list of values in the order of `columns` (a string, number, boolean, null, or
   * an object or array stored as JSON); columns left out take their defaults, and the table's triggers and
   * constraints apply as to an INSERT. The cheapest way into a table: COPY on PGlite, one INSERT of one JSON
   * parameter on PostgreSQL. Rows are inserted in the order given (an identity column left out numbers them so).
   */
  copyRows(table: string, columns: readonly string[], rows: readonly (readonly CopyValue[])[]): Promise<void>;
}

export type CopyValue = string | number | boolean | null | object;

export interface Store extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `work` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
