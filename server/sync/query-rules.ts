import type { DataQuery } from '../../src/schema/data-query';
import type { Queryable } from '../store/store';
import type { Rejection, ValidMutation } from './validate-mutation';

// The store's structural rules on data queries (issue 24 item 2; who may write which message is a content rule,
// src/domain/record-rules.ts): a query is raised on a record the store holds, at a revision it has, for that
// record's participant; every later message names a raise of the same participant; an answer's correction is a
// stored change of the queried record (a revision of it, or an observation superseding it). A query's messages
// are never corrected, and voided only by their author.

type State = { kind: string; patientId: string | null; rev: number };
type Raise = { patientId: string | null; targetRecordId: string };
type Change = { recordId: string; patientId: string | null; supersedes: string | null };

export type QueryFacts = {
  /** Stored raises: queryId → its participant and target. */
  raises: Map<string, Raise>;
  /** Stored mutations named as corrections: mutationId → what it changed. */
  changes: Map<string, Change>;
};

/** The record ids the batch's queries name (their targets and raises), whose states the judge must load. */
export function queryRecordIds(mutations: readonly ValidMutation[]): string[] {
  return queriesOf(mutations).flatMap(({ data }) =>
    data.action === 'raise' ? [data.target.recordId] : [data.queryId],
  );
}

/** Reads, at once, the raises and corrections that the batch's query messages name. */
export async function loadQueryFacts(
  tx: Queryable,
  mutations: readonly ValidMutation[],
): Promise<QueryFacts> {
  const facts: QueryFacts = { raises: new Map(), changes: new Map() };
  const queries = queriesOf(mutations);
  const queryIds = queries.flatMap(({ data }) => (data.action === 'raise' ? [] : [data.queryId]));
  const corrections = queries.flatMap(({ data }) =>
    data.action === 'answer' && data.correction ? [data.correction.mutationId] : [],
  );
  if (queryIds.length > 0) {
    const { rows } = await tx.query<{ record_id: string; patient_id: string | null; target: string }>(
      `select record_id, patient_id, data->'target'->>'recordId' as target from mutations
        where kind = 'dataQuery' and op = 'create' and data->>'action' = 'raise' and record_id = any($1::uuid[])`,
      [queryIds],
    );
    for (const r of rows)
      facts.raises.set(r.record_id, { patientId: r.patient_id, targetRecordId: r.target });
  }
  if (corrections.length > 0) {
    const { rows } = await tx.query<{
      mutation_id: string;
      record_id: string;
      patient_id: string | null;
      supersedes: string | null;
    }>(
      'select mutation_id, record_id, patient_id, supersedes from mutations where mutation_id = any($1::uuid[])',
      [corrections],
    );
    for (const r of rows)
      facts.changes.set(r.mutation_id, {
        recordId: r.record_id,
        patientId: r.patient_id,
        supersedes: r.supersedes,
      });
  }
  return facts;
}

const refuse = (reason: string): Rejection => ({ code: 'query-target', reason });

/**
 * Why the store refuses this data-query mutation, or null. `states` are the records as the batch stands so far;
 * `accepted` the batch's mutations accepted before this one (a raise or a correction earlier in the batch counts).
 */
export function queryRefusal(
  m: ValidMutation,
  states: ReadonlyMap<string, State>,
  facts: QueryFacts,
  accepted: ReadonlyMap<string, ValidMutation>,
  firstAuthor: string | undefined,
  userId: string,
): Rejection | null {
  if (m.kind !== 'dataQuery') return null;
  if (m.op === 'void')
    return firstAuthor === userId
      ? null
      : { code: 'not-record-author', reason: 'a data query’s message is voided only by its author' };
  if (m.supersedes)
    return {
      code: 'supersede-not-allowed',
      reason: 'a data query’s message is never corrected: add another',
    };
  const data = m.data as DataQuery;
  if (data.action === 'raise') {
    const target = states.get(data.target.recordId);
    if (!target || target.kind !== data.target.kind || target.kind === 'dataQuery')
      return refuse(`the queried record ${data.target.recordId} (${data.target.kind}) is not on the store`);
    if (data.target.rev > target.rev)
      return refuse(
        `the queried record has no revision ${data.target.rev} on the store (latest ${target.rev})`,
      );
    if (target.patientId !== m.patientId)
      return refuse('a query belongs to the participant of the record it queries');
    return null;
  }
  const raise = facts.raises.get(data.queryId) ?? raiseInBatch(data.queryId, accepted);
  if (!raise || raise.patientId !== m.patientId)
    return refuse(`the query ${data.queryId} is not on the store (for this participant)`);
  if (data.action === 'answer' && data.correction) {
    const { recordId, mutationId } = data.correction;
    const change = facts.changes.get(mutationId) ?? changeInBatch(mutationId, accepted);
    const ofTarget =
      change && (change.recordId === raise.targetRecordId || change.supersedes === raise.targetRecordId);
    if (!change || change.recordId !== recordId || change.patientId !== m.patientId || !ofTarget)
      return refuse('the correction is not a stored change of the queried record');
  }
  return null;
}

function raiseInBatch(queryId: string, accepted: ReadonlyMap<string, ValidMutation>): Raise | undefined {
  for (const m of accepted.values()) {
    const data = m.data as DataQuery;
    if (m.kind === 'dataQuery' && m.recordId === queryId && m.op === 'create' && data.action === 'raise')
      return { patientId: m.patientId, targetRecordId: data.target.recordId };
  }
  return undefined;
}

function changeInBatch(mutationId: string, accepted: ReadonlyMap<string, ValidMutation>): Change | undefined {
  const m = accepted.get(mutationId);
  return m && { recordId: m.recordId, patientId: m.patientId, supersedes: m.supersedes ?? null };
}

function queriesOf(mutations: readonly ValidMutation[]) {
  return mutations
    .filter((m) => m.kind === 'dataQuery' && m.op === 'create')
    .map((m) => ({ m, data: m.data as DataQuery }));
}
