import type { Role } from './common';

/**
 * Roles that hold clinical data on a tablet and sync it: the store's sync routes are theirs
 * (server/auth/route-access.ts, checked by test/ui/permissions.test.ts). Its own module, light enough for the
 * shell's initial bundle (the record table behind permissions.ts pulls every record schema).
 */
export const SYNC_ROLES: readonly Role[] = ['nurse', 'physician', 'data-manager'];

export function maySync(role: Role | undefined): boolean {
  return !!role && SYNC_ROLES.includes(role);
}
