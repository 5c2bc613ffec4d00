import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '@/db/database';
import { loadQueryThreads } from '@/db/query-threads';
import { awaits } from '@/domain/data-query';
import type { Role } from '@/schema/common';

/** How many queries wait on this role (to answer, for a nurse or physician; not closed, for the data manager). */
export function useQueriesWaiting(role: Role | undefined): number {
  return (
    useLiveQuery(
      async () => (await loadQueryThreads(getDb())).filter((q) => awaits(q, role)).length,
      [role],
    ) ?? 0
  );
}
