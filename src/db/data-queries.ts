import { parseCorrection, queryActions, valueAt, withValueAt, type QueryThread } from '@/domain/data-query';
import { mayQuery, type DataQueryAction } from '@/schema/data-query';
import { RECORD_KINDS } from '@/schema/records';
import { failure, type CommandError, type CommandResult } from './command-result';
import { createRecord, saveRevision } from './commands';
import type { ChevetDb } from './database';
import type { StoredRecord } from './types';
import { loadQueryThreads } from './query-threads';
import type { WriteContext } from './write-context';

export { loadQueryThreads };

// Data queries (issue 24 item 2), through the one write path: every message is a `dataQuery` observation written
// by createRecord (validation, audit and outbox in its transaction); a correction is the queried record's own
// revision (saveRevision) or superseding observation, written with the answer in ONE transaction.

/** The data manager asks about one field of a record, at the revision on screen. */
export async function raiseQuery(
  db: ChevetDb,
  ctx: WriteContext,
  input: { recordId: string; field: string; text: string },
): Promise<CommandResult<{ recordId: string }>> {
  if (!mayQuery('raise', ctx.role)) return failure({ code: 'forbidden' });
  const record = await db.records.get(input.recordId);
  if (!record || record.kind === 'dataQuery') return failure({ code: 'not-found' });
  return createRecord(db, ctx, {
    kind: 'dataQuery',
    patientId: record.patientId,
    data: {
      action: 'raise',
      target: { recordId: record.id, kind: record.kind, rev: record.rev, field: input.field },
      text: input.text,
    },
  });
}

/** Closes or re-opens a query (the data manager), with an optional (close) or required (re-open) text. */
export async function moveQuery(
  db: ChevetDb,
  ctx: WriteContext,
  input: { queryId: string; action: 'close' | 'reopen'; text?: string },
): Promise<CommandResult<{ recordId: string }>> {
  const thread = await threadFor(db, ctx, input.queryId, input.action);
  if ('code' in thread) return failure(thread);
  const text = input.text?.trim();
  return createRecord(db, ctx, {
    kind: 'dataQuery',
    patientId: thread.patientId,
    data: { action: input.action, queryId: input.queryId, ...(text ? { text } : {}) },
  });
}

/**
 * A nurse or physician answers a query; with `correction`, the field's new value (as typed) and the reason are
 * written first as a change of the queried record, and the answer names that change.
 */
export async function answerQuery(
  db: ChevetDb,
  ctx: WriteContext,
  input: { queryId: string; text: string; correction?: { value: string; reason: string } },
): Promise<CommandResult<{ recordId: string; correctionId?: string }>> {
  const thread = await threadFor(db, ctx, input.queryId, 'answer');
  if ('code' in thread) return failure(thread);
  const answer = (correction?: { recordId: string; mutationId: string }) =>
    createRecord(db, ctx, {
      kind: 'dataQuery',
      patientId: thread.patientId,
      data: {
        action: 'answer',
        queryId: input.queryId,
        text: input.text,
        ...(correction ? { correction } : {}),
      },
    });
  if (!input.correction) return answer();
  const target = await currentTarget(db, thread.target.recordId);
  if (!target) return failure({ code: 'not-found' });
  const { field } = thread.target;
  const value = parseCorrection(valueAt(target.data, field), input.correction.value);
  if (value === undefined) return failure({ code: 'invalid', issues: [{ path: field, message: 'value' }] });
  const data = withValueAt(target.data, field, value);
  const { reason } = input.correction;
  try {
    let correctionId = '';
    await db.transaction('rw', [db.records, db.revisions, db.audit, db.outbox, db.drafts], async () => {
      const changed =
        RECORD_KINDS[target.kind].mode === 'form'
          ? await saveRevision(db, ctx, { recordId: target.id, data, reason, expectedRev: target.rev })
          : await createRecord(db, ctx, {
              kind: target.kind,
              patientId: target.patientId,
              data,
              supersedes: target.id,
              reason,
            });
      if (!changed.ok) throw new AnswerFailure(changed);
      correctionId = changed.recordId;
      const answered = await answer({ recordId: changed.recordId, mutationId: changed.mutationId });
      if (!answered.ok) throw new AnswerFailure(answered);
    });
    return { ok: true, recordId: input.queryId, correctionId };
  } catch (error) {
    if (error instanceof AnswerFailure) {
      const { ok: _ok, ...detail } = error.result;
      return failure(detail as CommandError);
    }
    throw error;
  }
}

class AnswerFailure extends Error {
  constructor(readonly result: { ok: false } & CommandError) {
    super(result.code);
  }
}

/** The queried record as it stands now: an observation already corrected is followed to its latest correction. */
async function currentTarget(db: ChevetDb, recordId: string): Promise<StoredRecord | undefined> {
  let record = await db.records.get(recordId);
  for (let hops = 0; record && hops < 20; hops++) {
    const next = await db.records
      .where('[patientId+kind]')
      .equals([record.patientId ?? '', record.kind])
      .filter((r) => r.supersedes === record!.id && !r.voided)
      .first();
    if (!next) break;
    record = next;
  }
  return record;
}

async function threadFor(
  db: ChevetDb,
  ctx: WriteContext,
  queryId: string,
  action: DataQueryAction,
): Promise<QueryThread | CommandError> {
  if (!mayQuery(action, ctx.role)) return { code: 'forbidden' };
  const thread = (await loadQueryThreads(db)).find((t) => t.id === queryId);
  if (!thread) return { code: 'not-found' };
  // The thread moved on (a sync brought a close, another person's answer): the screen shows it again.
  if (!queryActions(thread.status, ctx.role).includes(action)) return { code: 'stale' };
  return thread;
}
