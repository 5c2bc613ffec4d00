import { describe, expect, it } from 'vitest';
import { ROUTE_ACCESS } from '../../server/auth/route-access';
import { SYNC_ROLES } from '@/schema/sync-access';

// The tablet's table of who syncs is the store's: the bar never calls the administrator's refused pull a failure
// while the store would have let it through, nor the reverse.
describe('who syncs', () => {
  it('is who the store lets push and pull', () => {
    expect([...SYNC_ROLES].sort()).toEqual([...(ROUTE_ACCESS['GET /api/sync/pull'] as string[])].sort());
    expect([...SYNC_ROLES].sort()).toEqual([...(ROUTE_ACCESS['POST /api/sync/push'] as string[])].sort());
  });
});
