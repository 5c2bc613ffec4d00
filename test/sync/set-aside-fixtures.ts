import type { ChevetDb } from '@/db/database';
import { SyncFailure, type SyncApi } from '@/sync/api';
import type { Mutation, PushResult } from '@/schema/sync';

export const NUL = '\u0000';
export const BAD_COMMENT = `douleur${NUL}bras`;

/**
 * Puts a NUL into a queued set's comment, in its revision and its outbox mutation alike: what a tablet of the
 * previous release stored when a NUL was typed into the vital-signs form (today's schema refuses it at saving).
 */
export async function plantBadText(db: ChevetDb, mutationId: string) {
  const entry = (await db.outbox.where('mutationId').equals(mutationId).first())!;
  await db.outbox.update(entry.order!, {
    mutation: { ...entry.mutation, data: { ...entry.mutation.data, comment: BAD_COMMENT } },
  });
  const revision = (await db.revisions.get(mutationId))!;
  await db.revisions.put({ ...revision, data: { ...revision.data, comment: BAD_COMMENT } });
}

export const hasBadText = (m: Mutation) => JSON.stringify(m).includes('\\u0000');

/** A store that answers every clean mutation `applied` and fails a whole batch holding a NUL, as PGlite did. */
export function storeFailingOnNul(
  failure = () => new SyncFailure('server', 'internal error', undefined, 500),
) {
  const calls: Mutation[][] = [];
  let seq = 0;
  const api: SyncApi = {
    async push({ mutations }) {
      calls.push(mutations);
      if (mutations.some(hasBadText)) throw failure();
      return {
        results: mutations.map((m): PushResult => ({
          mutationId: m.mutationId,
          status: 'applied',
          seq: ++seq,
          rev: 1,
        })),
      };
    },
    pull: async (after) => ({ changes: [], cursor: after, hasMore: false }),
  };
  return { api, calls };
}

/** A store that answers these mutations `rejected` with this answer, and applies the others. */
export function storeRejecting(rejected: Record<string, Omit<PushResult, 'mutationId' | 'status'>>): SyncApi {
  let seq = 0;
  return {
    push: async ({ mutations }) => ({
      results: mutations.map((m): PushResult =>
        rejected[m.mutationId]
          ? { mutationId: m.mutationId, status: 'rejected', ...rejected[m.mutationId] }
          : { mutationId: m.mutationId, status: 'applied', seq: ++seq, rev: 1 },
      ),
    }),
    pull: async (after) => ({ changes: [], cursor: after, hasMore: false }),
  };
}
