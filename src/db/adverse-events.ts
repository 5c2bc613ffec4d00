import { v7 as uuidv7 } from 'uuid';
import {
  adverseEventViews as domainAdverseEventViews,
  type AdverseEventView as DomainAdverseEventView,
} from '@/domain/monitoring/participant-records';
import type { AdverseEvent, AdverseEventGrade, adverseEventSchema } from '@/schema/adverse-events';
import type { z } from 'zod';
import { failure, type CommandResult } from './command-result';
import { createRecord, recordObservation, saveRevision } from './commands';
import type { ChevetDb } from './database';
import type { StoredRecord } from './types';
import type { WriteContext } from './write-context';

// Adverse-event commands and queries (issue 22), on the one write path of commands.ts. An event is a revisable
// form (`adverseEvent`); each later grading is an `adverseEventGrade` observation, so two nurses on two shifts
// never conflict over a grade; the worst grade is derived (domain/safety). Physician-only fields (causality,
// expectedness, DLT, sponsor notification) are refused to others by the write path itself (domain/record-rules).

type Written = { recordId: string; mutationId: string };
type AdverseEventInput = z.input<typeof adverseEventSchema>;

/** Opens an adverse event for a participant (a "present" answer, an "other event", a spontaneous report). */
export function openAdverseEvent(
  db: ChevetDb,
  ctx: WriteContext,
  input: { patientId: string; data: AdverseEventInput; recordId?: string; draftKey?: string },
): Promise<CommandResult<Written>> {
  return createRecord(db, ctx, {
    kind: 'adverseEvent',
    patientId: input.patientId,
    recordId: input.recordId ?? uuidv7(),
    data: input.data,
    ...(input.draftKey ? { draftKey: input.draftKey } : {}),
  });
}

/**
 * A new revision of an event (end, outcome, seriousness, the physician's assessment…), with a reason. `expectedRev`
 * is the revision the person was looking at: a sync that brought another one answers `stale`, never overwrites.
 */
export function reviseAdverseEvent(
  db: ChevetDb,
  ctx: WriteContext,
  input: {
    recordId: string;
    data: AdverseEventInput;
    reason: string;
    expectedRev?: number;
    draftKey?: string;
  },
) {
  return saveRevision(db, ctx, input);
}

/** Records a new grading of an open event (a later check found it again, better or worse). */
export async function gradeAdverseEvent(
  db: ChevetDb,
  ctx: WriteContext,
  input: { adverseEventId: string; grading: Omit<AdverseEventGrade, 'adverseEventId'>; recordId?: string },
): Promise<CommandResult<Written>> {
  const event = await db.records.get(input.adverseEventId);
  if (!event || event.kind !== 'adverseEvent') return failure({ code: 'not-found' });
  return recordObservation(db, ctx, {
    kind: 'adverseEventGrade',
    patientId: event.patientId,
    ...(input.recordId ? { recordId: input.recordId } : {}),
    data: { ...input.grading, adverseEventId: event.id },
  });
}

/**
 * The physician records when and how the sponsor was notified of a serious event: the 24-hour countdown stops.
 */
export async function recordSponsorNotification(
  db: ChevetDb,
  ctx: WriteContext,
  input: {
    recordId: string;
    notifiedAt: string;
    method: NonNullable<AdverseEvent['sponsorNotificationMethod']>;
    reason: string;
    expectedRev?: number;
  },
) {
  const event = await db.records.get(input.recordId);
  if (!event || event.kind !== 'adverseEvent') return failure({ code: 'not-found' });
  return saveRevision(db, ctx, {
    recordId: event.id,
    data: { ...event.data, sponsorNotifiedAt: input.notifiedAt, sponsorNotificationMethod: input.method },
    reason: input.reason,
    ...(input.expectedRev !== undefined ? { expectedRev: input.expectedRev } : {}),
  });
}

/** An adverse event as the screens show it: its record, its gradings and the grades derived from them. */
export type AdverseEventView = DomainAdverseEventView<StoredRecord>;

/** Builds the views of a participant's events from their records (pure: the domain's, shared with the store). */
export const adverseEventViews = (records: readonly StoredRecord[]): AdverseEventView[] =>
  domainAdverseEventViews(records);

/** A participant's adverse events (voided ones left out), oldest onset first. */
export async function participantAdverseEvents(db: ChevetDb, patientId: string): Promise<AdverseEventView[]> {
  const records = await db.records
    .where('[patientId+kind]')
    .anyOf([
      [patientId, 'adverseEvent'],
      [patientId, 'adverseEventGrade'],
    ])
    .toArray();
  return adverseEventViews(records);
}
