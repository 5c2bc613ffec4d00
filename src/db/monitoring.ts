import { v7 as uuidv7 } from 'uuid';
import { checkRecord, planCheck, type ChecklistEntry } from '@/domain/monitoring';
import type { AdverseEvent, AdverseEventTerm, CtcaeGrade } from '@/schema/adverse-events';
import type { MonitoringCheck } from '@/schema/monitoring';
import type { VitalSigns } from '@/schema/vital-signs';
import { failure, type CommandError, type CommandResult } from './command-result';
import { createRecord } from './commands';
import type { ChevetDb } from './database';
import type { WriteContext } from './write-context';

// Saving one monitoring check (issue 22): its vital signs, the adverse events its "present" answers open, the
// gradings of ongoing events, and the check record itself — all in ONE transaction, so a check is never half
// saved (each piece still goes through the one write path with its validation, audit and outbox).

export type MonitoringCheckInput = {
  patientId: string;
  checkId: string;
  doneAt: string;
  byPhone?: boolean;
  entries: readonly ChecklistEntry[];
  others?: readonly { term: AdverseEventTerm; grade: CtcaeGrade }[];
  vitals?: Omit<VitalSigns, 'checkId'>;
  labs?: MonitoringCheck['labs'];
  treatments?: string;
  lateReason?: string;
  comment?: string;
  draftKey?: string;
};

export async function recordMonitoringCheck(
  db: ChevetDb,
  ctx: WriteContext,
  input: MonitoringCheckInput,
): Promise<CommandResult<{ recordId: string; openedEventIds: string[] }>> {
  const events = await db.records
    .where('[patientId+kind]')
    .equals([input.patientId, 'adverseEvent'])
    .filter((r) => !r.voided)
    .toArray();
  const plan = planCheck({
    checkId: input.checkId,
    doneAt: input.doneAt,
    ...(input.byPhone ? { byPhone: true } : {}),
    entries: input.entries,
    ...(input.others ? { others: input.others } : {}),
    events: events.map((r) => ({ id: r.id, data: r.data as AdverseEvent })),
    newId: uuidv7,
  });
  const checkId = uuidv7();
  const writes: Parameters<typeof createRecord>[2][] = [];
  let vitalSignsId: string | undefined;
  if (input.vitals && !input.byPhone) {
    vitalSignsId = uuidv7();
    writes.push({
      kind: 'vitalSigns',
      patientId: input.patientId,
      recordId: vitalSignsId,
      data: { ...input.vitals, checkId: input.checkId },
    });
  }
  for (const e of plan.newEvents)
    writes.push({ kind: 'adverseEvent', patientId: input.patientId, recordId: e.id, data: e.data });
  for (const g of plan.gradings)
    writes.push({ kind: 'adverseEventGrade', patientId: input.patientId, data: g.data });
  const check = checkRecord(plan, {
    checkId: input.checkId,
    doneAt: input.doneAt,
    ...(input.byPhone ? { byPhone: true } : {}),
    ...(input.labs?.length ? { labs: input.labs } : {}),
    ...(input.treatments?.trim() ? { treatments: input.treatments.trim() } : {}),
    ...(vitalSignsId ? { vitalSignsId } : {}),
    ...(input.lateReason?.trim() ? { lateReason: input.lateReason.trim() } : {}),
    ...(input.comment?.trim() ? { comment: input.comment.trim() } : {}),
  });
  writes.push({
    kind: 'monitoringCheck',
    patientId: input.patientId,
    recordId: checkId,
    data: check,
    ...(input.draftKey ? { draftKey: input.draftKey } : {}),
  });

  try {
    await db.transaction('rw', [db.records, db.revisions, db.audit, db.outbox, db.drafts], async () => {
      for (const w of writes) {
        const result = await createRecord(db, ctx, w);
        if (!result.ok) throw new CheckFailure(result);
      }
    });
  } catch (error) {
    if (error instanceof CheckFailure) {
      const { ok: _ok, ...detail } = error.result;
      return failure(detail as CommandError);
    }
    throw error;
  }
  return { ok: true, recordId: checkId, openedEventIds: plan.newEvents.map((e) => e.id) };
}

class CheckFailure extends Error {
  constructor(readonly result: { ok: false } & CommandError) {
    super(result.code);
  }
}
