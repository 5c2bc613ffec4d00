import type { Role } from './common';

// Who may write which data-query message (issue 24 item 2), apart from the zod schemas (src/schema/data-query.ts):
// the app bar's menu counts the queries waiting on the person and must not pull zod into the initial bundle.

export const DATA_QUERY_ACTIONS = ['raise', 'answer', 'close', 'reopen'] as const;
export type DataQueryAction = (typeof DATA_QUERY_ACTIONS)[number];

/** Who may write which message (the tablet's commands and the store apply this one table). */
export const DATA_QUERY_ROLES: Record<DataQueryAction, readonly Role[]> = {
  raise: ['data-manager'],
  answer: ['nurse', 'physician'],
  close: ['data-manager'],
  reopen: ['data-manager'],
};

export function mayQuery(action: DataQueryAction, role: Role | undefined): boolean {
  return !!role && DATA_QUERY_ROLES[action].includes(role);
}
