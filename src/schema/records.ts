import { z } from 'zod';
import { assessmentSchema, visitMissedSchema } from './assessments';
import { dataQuerySchema } from './data-query';
import type { Role } from './common';
import { doseDecisionSchema } from './dosing';
import { adverseEventGradeSchema, adverseEventSchema } from './adverse-events';
import { monitoringCheckSchema, toleranceDeterminationSchema } from './monitoring';
import { infusionEventSchema, infusionStepSchema, missedCheckSchema } from './infusion';
import { participantSchema } from './participant';
import { eligibilityRecordSchema } from './screening';
import { signatureSchema } from './signature';
import { vitalSignsSchema } from './vital-signs';

/**
 * Every record kind Chevet stores, with how it changes and who may write it (architecture.md, "Records, audit
 * and never losing a value"). `observation` kinds are append-only: a correction is a new record superseding the
 * old one, and they never conflict. `form` kinds are revised: each save is a new revision on a `baseRev`, and two
 * revisions from the same base are kept as a conflict until a physician resolves it.
 */
export type RecordKindSpec = {
  schema: z.ZodType;
  mode: 'observation' | 'form';
  /** Roles that may create, revise or void records of this kind. */
  writers: readonly Role[];
  /**
   * What the record is about: one participant (the default; `patientId` required), the trial as a whole
   * (`patientId` null: a dose decision), or either (a signature follows the record it signs).
   */
  scope?: 'participant' | 'trial' | 'either';
};

const CLINICIANS: readonly Role[] = ['nurse', 'physician'];

export const RECORD_KINDS = {
  participant: { schema: participantSchema, mode: 'form', writers: ['physician'] },
  vitalSigns: { schema: vitalSignsSchema, mode: 'observation', writers: CLINICIANS },
  signature: {
    schema: signatureSchema,
    mode: 'observation',
    writers: ['nurse', 'physician', 'data-manager'],
    scope: 'either',
  },
  // Issue 20: screening and the dose decision.
  eligibility: { schema: eligibilityRecordSchema, mode: 'form', writers: ['physician'] },
  doseDecision: { schema: doseDecisionSchema, mode: 'observation', writers: ['physician'], scope: 'trial' },
  // Tolerance monitoring (issue 22): nurses record, physicians assess; fields only a physician may change are
  // PHYSICIAN_ONLY_AE_FIELDS, checked on the tablet and by the store.
  adverseEvent: { schema: adverseEventSchema, mode: 'form', writers: CLINICIANS },
  adverseEventGrade: { schema: adverseEventGradeSchema, mode: 'observation', writers: CLINICIANS },
  monitoringCheck: { schema: monitoringCheckSchema, mode: 'observation', writers: CLINICIANS },
  toleranceDetermination: { schema: toleranceDeterminationSchema, mode: 'form', writers: ['physician'] },
  // The infusion at the bedside (src/schema/infusion.ts, issue 21).
  infusionStep: { schema: infusionStepSchema, mode: 'observation', writers: CLINICIANS },
  infusionEvent: { schema: infusionEventSchema, mode: 'observation', writers: CLINICIANS },
  missedCheck: { schema: missedCheckSchema, mode: 'observation', writers: CLINICIANS },
  /** Issue 23: a visit form (instrument, prednisone, biology…); nurses enter questionnaires and samples too. */
  assessment: { schema: assessmentSchema, mode: 'form', writers: CLINICIANS },
  visitMissed: { schema: visitMissedSchema, mode: 'observation', writers: ['physician'] },
  /** Issue 24: a data query's thread (src/schema/data-query.ts); which role writes which message: DATA_QUERY_ROLES. */
  dataQuery: {
    schema: dataQuerySchema,
    mode: 'observation',
    writers: ['nurse', 'physician', 'data-manager'],
    scope: 'either',
  },
} as const satisfies Record<string, RecordKindSpec>;

export type RecordKind = keyof typeof RECORD_KINDS;
export const RECORD_KIND_NAMES = Object.keys(RECORD_KINDS) as RecordKind[];
export const recordKindSchema = z.enum(RECORD_KIND_NAMES as [RecordKind, ...RecordKind[]]);

export function isRecordKind(kind: string): kind is RecordKind {
  return Object.hasOwn(RECORD_KINDS, kind);
}

export function recordScope(kind: RecordKind): NonNullable<RecordKindSpec['scope']> {
  return (RECORD_KINDS[kind] as RecordKindSpec).scope ?? 'participant';
}

export type RecordData<K extends RecordKind> = z.infer<(typeof RECORD_KINDS)[K]['schema']>;
