import type { Role } from '@/schema/common';
import type { DataQuery, QueryTarget } from '@/schema/data-query';
import { mayQuery, type DataQueryAction } from '@/schema/data-query-roles';

// A data query's thread and status (issue 24 item 2), derived from its append-only messages: the same on every
// tablet and on the store, whatever order they arrived in.

export type QueryStatus = 'open' | 'answered' | 'closed';

/** One message of a thread as stored: the `dataQuery` record's data, who wrote it and when (device time). */
export type QueryMessage = {
  id: string;
  data: DataQuery;
  at: string;
  by: string;
  /** Not yet on the store (pending on this tablet). */
  pending?: boolean;
};

export type QueryThread = {
  id: string;
  patientId: string | null;
  target: QueryTarget;
  status: QueryStatus;
  /** The raise first, then the other messages in the order they were written. */
  messages: readonly QueryMessage[];
  raisedAt: string;
  raisedBy: string;
  /** When the last message was written. */
  updatedAt: string;
};

/** Messages in the order they were written (device time, then id: UUIDv7 ids grow with time). */
function chronological(a: QueryMessage, b: QueryMessage) {
  return a.at.localeCompare(b.at) || a.id.localeCompare(b.id);
}

/** The status after each message: an answer to a closed query stays in the thread but does not re-open it. */
export function nextStatus(status: QueryStatus, action: DataQueryAction): QueryStatus {
  switch (action) {
    case 'raise':
    case 'reopen':
      return 'open';
    case 'answer':
      return status === 'closed' ? 'closed' : 'answered';
    case 'close':
      return 'closed';
  }
}

/**
 * Groups `dataQuery` messages into threads, one per raise (messages whose raise is not here are left out: they
 * arrive with it on the next pull).
 */
export function queryThreads(
  messages: readonly (QueryMessage & { patientId: string | null })[],
): QueryThread[] {
  const threads = new Map<
    string,
    { raise: QueryMessage & { patientId: string | null }; rest: QueryMessage[] }
  >();
  for (const m of messages) if (m.data.action === 'raise') threads.set(m.id, { raise: m, rest: [] });
  for (const m of messages) {
    if (m.data.action !== 'raise') threads.get(m.data.queryId)?.rest.push(m);
  }
  return [...threads.values()].map(({ raise, rest }) => {
    const ordered = [raise, ...rest.sort(chronological)];
    const status = ordered.reduce<QueryStatus>((s, m) => nextStatus(s, m.data.action), 'open');
    return {
      id: raise.id,
      patientId: raise.patientId,
      target: (raise.data as Extract<DataQuery, { action: 'raise' }>).target,
      status,
      messages: ordered,
      raisedAt: raise.at,
      raisedBy: raise.by,
      updatedAt: ordered.at(-1)!.at,
    };
  });
}

/** What this person may do next on a query in this status (the screens offer only these). */
export function queryActions(status: QueryStatus, role: Role | undefined): DataQueryAction[] {
  const possible: DataQueryAction[] =
    status === 'closed' ? ['reopen'] : status === 'answered' ? ['close', 'reopen'] : ['answer', 'close'];
  return possible.filter((action) => mayQuery(action, role));
}

/** Does this query wait on this role? Nurses and physicians answer open ones; the data manager reviews answers. */
export function awaits(thread: Pick<QueryThread, 'status'>, role: Role | undefined): boolean {
  if (role === 'nurse' || role === 'physician') return thread.status === 'open';
  if (role === 'data-manager') return thread.status !== 'closed';
  return false;
}

/** The value at a dotted path of a record's data (`facts.creatinine`, `answers.3`); undefined when absent. */
export function valueAt(data: unknown, path: string): unknown {
  let value: unknown = data;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** A copy of `data` with the value at `path` replaced (arrays stay arrays); the rest is untouched. */
export function withValueAt<T>(data: T, path: string, value: unknown): T {
  const [key, ...rest] = path.split('.');
  const container: unknown = data ?? {};
  const copy: Record<string, unknown> | unknown[] = Array.isArray(container)
    ? [...container]
    : { ...(container as Record<string, unknown>) };
  const current = (copy as Record<string, unknown>)[key!];
  (copy as Record<string, unknown>)[key!] =
    rest.length === 0 ? value : withValueAt(current, rest.join('.'), value);
  return copy as T;
}

/**
 * The leaf fields of a record's data as dotted paths with their values, in the record's own order: what a query
 * can be raised on. Arrays of scalars and empty objects are one field each.
 */
export function recordFields(data: unknown, prefix = ''): { path: string; value: unknown }[] {
  if (data === null || typeof data !== 'object') return prefix ? [{ path: prefix, value: data }] : [];
  const entries = Array.isArray(data)
    ? data.every((item) => item === null || typeof item !== 'object')
      ? []
      : data.map((item, index) => [String(index), item] as const)
    : Object.entries(data);
  if (entries.length === 0) return prefix ? [{ path: prefix, value: data }] : [];
  return entries.flatMap(([key, value]) => recordFields(value, prefix ? `${prefix}.${key}` : key));
}

/**
 * The value a person typed to correct a field, as the field's type: a number for a number (comma or point), true or
 * false for a yes/no, null for an empty entry of a field that was null, the text otherwise. Undefined when the
 * text is not a value of that type.
 */
export function parseCorrection(current: unknown, typed: string): unknown {
  const text = typed.trim();
  if (typeof current === 'number') {
    const value = Number(text.replace(',', '.'));
    return text !== '' && Number.isFinite(value) ? value : undefined;
  }
  if (typeof current === 'boolean') {
    if (['true', 'oui', 'yes', '1'].includes(text.toLowerCase())) return true;
    if (['false', 'non', 'no', '0'].includes(text.toLowerCase())) return false;
    return undefined;
  }
  if (current === null && text === '') return null;
  return text === '' ? undefined : text;
}
