import { z } from 'zod';
import { textSchema } from './common';
import { ctcaeGradeSchema, labTermSchema } from './adverse-events';

// The 10-day tolerance monitoring (shared/clinical/infusion-and-monitoring.md, "Schedule", "Solicited CTCAE
// terms", "The tolerance window", "Dose-limiting toxicity"): the answers of one timed check, and the physician's
// determination of a participant's DLT over the window.

const instant = z.iso.datetime({ offset: true });

/** One solicited item's answer: absent, or present at a grade, pointing at the adverse event it opened/updated. */
export const checklistAnswerSchema = z.discriminatedUnion('present', [
  z.strictObject({ item: textSchema.min(1).max(64), present: z.literal(false) }),
  z.strictObject({
    item: textSchema.min(1).max(64),
    present: z.literal(true),
    grade: ctcaeGradeSchema,
    adverseEventId: z.uuid(),
    /** Recorded as a sign of another present term (infusion reaction rule), not as an event of its own. */
    signOf: textSchema.min(1).max(64).optional(),
  }),
]);
export type ChecklistAnswer = z.infer<typeof checklistAnswerSchema>;

/** A lab result of days 1, 3 and 10 with its normal limits and the grade gradeLab proposed. Units of domain-api.md. */
export const checkLabSchema = z.strictObject({
  term: labTermSchema,
  value: z.number(),
  lln: z.number().optional(),
  uln: z.number().optional(),
  /** The participant's pre-infusion value, where CTCAE grades against it. */
  baseline: z.number().optional(),
  proposedGrade: z.literal([0, 1, 2, 3, 4]),
});
export type CheckLab = z.infer<typeof checkLabSchema>;

/**
 * The `monitoringCheck` record kind: the answers of one check of the monitoring schedule (an append-only
 * observation; a correction supersedes it). The check's vital signs are a `vitalSigns` record with the same
 * `checkId`; each "present" answer and each other event is an `adverseEvent` (with an `adverseEventGrade` when the
 * event was already open).
 */
export const monitoringCheckSchema = z.strictObject({
  /** Schedule item id of monitoringSchedule: 'post-30' … 'day-10'. */
  checkId: textSchema.min(1).max(64),
  /** The infusion (or monitoring track) whose schedule `checkId` belongs to, as on vital signs. */
  trackId: z.uuid().optional(),
  doneAt: instant,
  /** Done by phone on a day at home: no vital signs, answers as the participant reports them. */
  byPhone: z.boolean().optional(),
  answers: z.array(checklistAnswerSchema).max(60),
  /** Events outside the solicited list, chosen from the whole catalogue (or free text). */
  otherEventIds: z.array(z.uuid()).max(30).optional(),
  labs: z.array(checkLabSchema).max(10).optional(),
  /** Current treatments as the nurse noted them. */
  treatments: textSchema.max(2000).optional(),
  vitalSignsId: z.uuid().optional(),
  /** Entered after the check's window closed: why. */
  lateReason: textSchema.trim().min(3).max(1000).optional(),
  comment: textSchema.max(2000).optional(),
});
export type MonitoringCheck = z.infer<typeof monitoringCheckSchema>;

/** Why an event meets the DLT definition (infusion-and-monitoring.md, "Dose-limiting toxicity"). */
export const dltReasonSchema = z.enum(['relatedGrade3OrMore', 'infusionReactionGrade4OrMore', 'death']);

/**
 * The `toleranceDetermination` record kind (a form, physician only, signed 'dlt-confirmation'): the physician's
 * determination of whether the participant had a DLT over the tolerance window, event by event. The numbers
 * (worst grades, candidate events) are not copied here: they are derived from the adverse events each time.
 */
export const toleranceDeterminationSchema = z
  .strictObject({
    /** The tolerance window judged, epoch ms (start of infusion → end of day 10). */
    windowStartsAt: z.number().int(),
    windowEndsAt: z.number().int(),
    /** The physician's answer for each event the rules proposed (and any other they judged a DLT). */
    events: z
      .array(
        z.strictObject({
          adverseEventId: z.uuid(),
          isDlt: z.boolean(),
          comment: textSchema.max(1000).optional(),
        }),
      )
      .max(60),
    /** The participant had a DLT: true when any event above is one. */
    dlt: z.boolean(),
    decidedAt: instant,
    comment: textSchema.max(2000).optional(),
  })
  .refine((d) => d.dlt === d.events.some((e) => e.isDlt), {
    path: ['dlt'],
    message: 'The determination must agree with the events judged',
  });
export type ToleranceDetermination = z.infer<typeof toleranceDeterminationSchema>;
