import { z } from 'zod';
import { isoDateTimeSchema, reasonSchema, uuidSchema } from './common';
import { doseLevelSchema, infusionProductSchema } from './dosing';

// The records of one infusion at the bedside (shared/clinical/infusion-and-monitoring.md; issue 21). All are
// append-only observations, grouped by `infusionId` (a UUID chosen when the checklist opens): a pre-infusion
// checklist item, an event of the running infusion (start, pause, resume, end), a check declared missed (the
// reaction checklist is a `monitoringCheck`, src/schema/monitoring.ts, like every solicited checklist). Nothing here is a timer: every due time is computed from these facts and the clock
// (architecture.md, "Time-critical bedside work").

const instant = isoDateTimeSchema;
const text = (max: number) => z.string().trim().min(1).max(max);

// ————————————————————————————————————————— pre-infusion checklist ——————————————————————————————————————————

/** The items of the pre-infusion checklist, in the order the nurse goes through them. */
export const INFUSION_CHECKLIST_ITEMS = [
  'identity',
  'screening',
  'weight',
  'product',
  'premedication',
  'ivLine',
  'baselineVitals',
] as const;
export const infusionChecklistItemSchema = z.enum(INFUSION_CHECKLIST_ITEMS);
export type InfusionChecklistItem = z.infer<typeof infusionChecklistItemSchema>;

/** A physician's waiver of an item, with the reason; the physician signs the record ('infusion-waiver'). */
export const checklistWaiverSchema = z.strictObject({ reason: reasonSchema });

const stepBase = { infusionId: uuidSchema, at: instant };

export const premedicationSchema = z.strictObject({
  drug: text(120),
  dose: text(60),
  givenAt: instant,
});
export type Premedication = z.infer<typeof premedicationSchema>;

/**
 * `infusionStep`: one answer of the pre-infusion checklist. The latest record of an item wins; a waiver is a step
 * of outcome 'waived' written by a physician. What each item holds:
 * - identity: the trial number, initials and birth date read back with the participant (the birth date is
 *   checked against the wristband, not stored: patients are known by trial number and initials only);
 * - screening: consent and eligibility seen signed (ids of the records, when the tablet holds them);
 * - weight: today's weight, the weight the dose was assigned on, the dose recomputed;
 * - product: the bag as read from its label and release certificate, and the volume holding the dose;
 * - premedication: what was given, or none;
 * - ivLine: the line checked (site, patency);
 * - baselineVitals: the vital-sign set taken within the 30 minutes before the start.
 */
const doneStepSchema = z.discriminatedUnion('item', [
  z.strictObject({
    ...stepBase,
    item: z.literal('identity'),
    outcome: z.literal('done'),
    confirmed: z.literal(true),
  }),
  z.strictObject({
    ...stepBase,
    item: z.literal('screening'),
    outcome: z.literal('done'),
    consentRecordId: uuidSchema.optional(),
    eligibilityRecordId: uuidSchema.optional(),
  }),
  z.strictObject({
    ...stepBase,
    item: z.literal('weight'),
    outcome: z.literal('done'),
    weightKg: z.number().min(30).max(200),
    /** The weight the dose was assigned on (screening), when known. */
    assignedWeightKg: z.number().min(30).max(200).optional(),
    doseLevel: doseLevelSchema,
    cellsToInfuse: z.number().int().positive(),
  }),
  z.strictObject({
    ...stepBase,
    item: z.literal('product'),
    outcome: z.literal('done'),
    product: infusionProductSchema.extend({ bagNumber: text(64), preparedAt: instant }),
    volumeToInfuseMl: z.number().positive(),
  }),
  z.strictObject({
    ...stepBase,
    item: z.literal('premedication'),
    outcome: z.literal('done'),
    /** Empty when no premedication is prescribed. */
    given: z.array(premedicationSchema).max(10),
  }),
  z.strictObject({
    ...stepBase,
    item: z.literal('ivLine'),
    outcome: z.literal('done'),
    site: text(120).optional(),
    patent: z.literal(true),
  }),
  z.strictObject({
    ...stepBase,
    item: z.literal('baselineVitals'),
    outcome: z.literal('done'),
    vitalSignsId: uuidSchema,
  }),
]);
export const infusionStepSchema = z.union([
  doneStepSchema,
  z.strictObject({
    ...stepBase,
    item: infusionChecklistItemSchema,
    outcome: z.literal('waived'),
    waiver: checklistWaiverSchema,
  }),
]);
export type InfusionStep = z.infer<typeof infusionStepSchema>;

// ———————————————————————————————————————————— the running infusion ————————————————————————————————————————————

/** Why an infusion was paused or stopped (issue 21). */
export const INFUSION_INTERRUPTION_REASONS = [
  'reaction',
  'lineProblem',
  'participantRequest',
  'other',
] as const;
export const infusionInterruptionReasonSchema = z.enum(INFUSION_INTERRUPTION_REASONS);
export type InfusionInterruptionReason = z.infer<typeof infusionInterruptionReasonSchema>;

const interruption = {
  reason: infusionInterruptionReasonSchema,
  /** Free text; required with 'other'. */
  reasonText: z.string().trim().max(1000).optional(),
};
const needsTextWithOther = (e: { reason?: string; reasonText?: string }) =>
  e.reason !== 'other' || (e.reasonText?.trim().length ?? 0) >= 3;
const otherMessage = { message: 'A reason "other" needs its text', path: ['reasonText'] };

/**
 * `infusionEvent`: what happened to the running infusion. 'start' carries what the pump was set to; 'end' the
 * volume infused and the residual, and a reason when the infusion was stopped before its planned volume.
 */
export const infusionEventSchema = z.discriminatedUnion('type', [
  z.strictObject({
    infusionId: uuidSchema,
    type: z.literal('start'),
    at: instant,
    plannedDurationMin: z.number().int().min(30).max(120),
    volumeToInfuseMl: z.number().positive(),
    rateMlPerHour: z.number().positive(),
    doseLevel: doseLevelSchema,
    cellsToInfuse: z.number().int().positive(),
    weightKg: z.number().min(30).max(200),
    lotNumber: text(64),
  }),
  z
    .strictObject({ infusionId: uuidSchema, type: z.literal('pause'), at: instant, ...interruption })
    .refine(needsTextWithOther, otherMessage),
  z.strictObject({ infusionId: uuidSchema, type: z.literal('resume'), at: instant }),
  z
    .strictObject({
      infusionId: uuidSchema,
      type: z.literal('end'),
      at: instant,
      volumeInfusedMl: z.number().min(0).max(2000),
      residualMl: z.number().min(0).max(2000),
      /** Stopped before the planned volume: why. */
      stopped: z.strictObject(interruption).refine(needsTextWithOther, otherMessage).optional(),
    })
    .refine((e) => e.stopped === undefined || needsTextWithOther(e.stopped), otherMessage),
]);
export type InfusionEvent = z.infer<typeof infusionEventSchema>;

// ————————————————————————————————————————— checks, missed and reactions ————————————————————————————————————————

/**
 * `missedCheck`: the team's declaration that a scheduled check will not be done, with a reason (visits.md: only
 * a person decides that). Generic over schedules: `trackId` is the infusion's id here, the monitoring's later;
 * `checkId` the schedule item's id ('infusion-15', 'post-60', 'day-3').
 */
export const missedCheckSchema = z.strictObject({
  trackId: uuidSchema,
  checkId: z.string().min(1).max(64),
  reason: reasonSchema,
  declaredAt: instant,
});
export type MissedCheck = z.infer<typeof missedCheckSchema>;
