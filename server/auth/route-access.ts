import type { Role } from './roles';

/**
 * Who may call each API route, in one place. A route missing from this table makes the server refuse to start
 * (access.ts), so no route is ever open by accident. `public` routes need no token.
 */
export type Access = 'public' | readonly Role[];

const CLINICAL: readonly Role[] = ['nurse', 'physician', 'data-manager'];
/** Review and exports (issue 24): the data manager and the physicians, never a nurse or an administrator. */
const REVIEWERS: readonly Role[] = ['physician', 'data-manager'];
const EVERYONE: readonly Role[] = ['nurse', 'physician', 'data-manager', 'admin'];

export const ROUTE_ACCESS: Record<string, Access> = {
  'GET /api/health': 'public',
  'POST /api/auth/login': 'public',
  // The refresh token in the body is the credential: the access token may have expired.
  'POST /api/auth/refresh': 'public',
  'POST /api/auth/logout': EVERYONE,
  'POST /api/auth/reauthenticate': EVERYONE,
  'GET /api/auth/me': EVERYONE,
  'GET /api/admin/users': ['admin'],
  'POST /api/admin/users': ['admin'],
  'PATCH /api/admin/users/:id': ['admin'],
  'POST /api/admin/users/:id/password': ['admin'],
  'POST /api/admin/users/:id/sign-in-delay/clear': ['admin'],
  'GET /api/admin/devices': ['admin'],
  'POST /api/admin/devices/:id/revoke': ['admin'],
  'POST /api/sync/push': CLINICAL,
  'GET /api/sync/pull': CLINICAL,
  'GET /api/export/odm': REVIEWERS,
  'GET /api/export/csv': REVIEWERS,
  // The DSMB tolerance report (issue 24 item 4).
  'GET /api/reports/dsmb': REVIEWERS,
  // Names of authors, signers and tablets, for every screen that shows them (issue 24).
  'GET /api/people': CLINICAL,
  'GET /api/review/devices': REVIEWERS,
};
