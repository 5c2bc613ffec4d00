import { contentRuleViolation } from '../../src/domain/record-rules';
import type { Principal } from '../auth/roles';
import type { Queryable } from '../store/store';
import type { ValidMutation } from './validate-mutation';

/** Kinds whose content rules depend on the writer's role and the revision written on (src/domain/record-rules). */
const RULED_KINDS = new Set(['adverseEvent', 'assessment', 'dataQuery']);

/**
 * The store's half of the content rules (the tablet's commands apply the same function): for each mutation of a
 * ruled kind, the data of the revision it was made on (`baseRev`, from the store or earlier in the batch) is
 * compared with what it writes. Answers the rejected mutations with their reason.
 */
export async function contentRejections(
  tx: Queryable,
  mutations: readonly ValidMutation[],
  principal: Principal,
): Promise<Map<string, string>> {
  const rejected = new Map<string, string>();
  const ruled = mutations.filter((m) => RULED_KINDS.has(m.kind) && m.op !== 'void');
  // A physician may write every field and form; only the data queries' rules (who raises, who answers) bind one.
  if (ruled.length === 0 || (principal.role === 'physician' && ruled.every((m) => m.kind !== 'dataQuery')))
    return rejected;
  const bases = await baseData(
    tx,
    ruled.filter((m) => m.op === 'revise'),
  );
  const inBatch = new Map<string, Record<string, unknown>>();
  for (const m of mutations) {
    if (RULED_KINDS.has(m.kind) && m.op !== 'void') {
      const before =
        m.op === 'create' ? undefined : (bases.get(`${m.recordId}:${m.baseRev}`) ?? inBatch.get(m.recordId));
      const violation = contentRuleViolation(m.kind, principal.role, before, m.data);
      if (violation) rejected.set(m.mutationId, `not allowed for this role: ${violation}`);
    }
    inBatch.set(m.recordId, m.data);
  }
  return rejected;
}

async function baseData(tx: Queryable, revisions: readonly ValidMutation[]) {
  const found = new Map<string, Record<string, unknown>>();
  if (revisions.length === 0) return found;
  const { rows } = await tx.query<{ record_id: string; rev: number; data: Record<string, unknown> }>(
    `select m.record_id, m.rev, m.data from mutations m
       join unnest($1::uuid[], $2::int[]) as b(record_id, rev) on b.record_id = m.record_id and b.rev = m.rev`,
    [revisions.map((m) => m.recordId), revisions.map((m) => m.baseRev)],
  );
  for (const row of rows) found.set(`${row.record_id}:${row.rev}`, row.data);
  return found;
}
