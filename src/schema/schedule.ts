import { z } from 'zod';
import { textSchema } from './common';

// Schedules of the infusion, the 10-day monitoring and the M0–M12 visits (shared/clinical/domain-api.md,
// "Schedules"). Times are epoch milliseconds; calendar dates are ISO 'YYYY-MM-DD'. The contract's five fields
// (id, label, dueAt, windowStart, windowEnd) are fixed; every other field is optional and additive.

const epochMs = z.number().int();
const isoDate = z.iso.date();

/** Values interpolated into an i18n label, e.g. { minutes: 15 } for 'schedule.infusion'. */
export const labelParamsSchema = z.record(z.string(), z.union([z.string(), z.number()]));

/** What a visit collects (shared/clinical/visits.md, "contents"), as ids the screens map to forms. */
export const visitInstrumentSchema = z.enum(['sledai', 'bilag', 'pga', 'sdi', 'sf36', 'eq5d5l']);
export const visitFormSchema = z.enum(['toleranceReview', 'prednisone']);
export const visitSampleSchema = z.enum(['biology', 'immunophenotyping', 'cytokines']);
export const visitContentsSchema = z.strictObject({
  instruments: z.array(visitInstrumentSchema).readonly(),
  forms: z.array(visitFormSchema).readonly(),
  samples: z.array(visitSampleSchema).readonly(),
});

export const visitIdSchema = z.enum(['M0', 'M1', 'M3', 'M6', 'M9', 'M12']);

export const scheduleItemSchema = z.object({
  /** Stable across recomputations ('baseline', 'infusion-15', 'end', 'post-30', 'day-1', 'M3'): records cite it. */
  id: z.string().min(1),
  /** An i18n key ('schedule.infusion'), never display text: the UI translates it with `labelParams`. */
  label: z.string().min(1),
  /** When the check is due. Always windowStart ≤ dueAt ≤ windowEnd. */
  dueAt: epochMs,
  /** First instant the check counts as on time (inclusive). */
  windowStart: epochMs,
  /** Last instant the check counts as on time (inclusive). */
  windowEnd: epochMs,
  labelParams: labelParamsSchema.optional(),
  /** Which part of the trial the item belongs to, for grouping on screen. */
  phase: z.enum(['infusion', 'monitoring', 'visit']).optional(),
  /** True for an end-of-infusion item placed at the *planned* end because the real end is not recorded yet. */
  provisional: z.boolean().optional(),
  /** True when the check also records blood count, creatinine, ALT and AST (days 1, 3 and 10). */
  includesLabs: z.boolean().optional(),
  /** Day relative to day 0 (the infusion date) for day checks and visits. */
  day: z.number().int().optional(),
  /** Calendar dates (local to the trial's time zone) of the target and window of a visit, for display. */
  targetDate: isoDate.optional(),
  windowStartDate: isoDate.optional(),
  windowEndDate: isoDate.optional(),
  contents: visitContentsSchema.optional(),
  /** M3: the primary efficacy time point for the major clinical response. */
  primaryEfficacy: z.boolean().optional(),
  /** M12: the participant's last visit. */
  endOfFollowUp: z.boolean().optional(),
});
export type ScheduleItem = z.infer<typeof scheduleItemSchema>;
export type VisitContents = z.infer<typeof visitContentsSchema>;
export type VisitId = z.infer<typeof visitIdSchema>;

export const itemStateSchema = z.enum(['upcoming', 'due', 'overdue', 'done', 'missed']);
export type ItemState = z.infer<typeof itemStateSchema>;

/** An IANA zone name; checked against Intl by the domain (a zod string cannot know the zone database). */
const timeZone = z.string().min(1).max(64);

export const infusionScheduleInputSchema = z.strictObject({
  startedAt: epochMs,
  endedAt: epochMs.optional(),
  /** Planned running time while the end is unknown (infusion-and-monitoring.md: default 60, 30–120). */
  plannedDurationMin: z.number().int().min(30).max(120).optional(),
  /** The current time: while the end is unknown, 15-minute checks continue past the planned end up to it. */
  now: epochMs.optional(),
});
export type InfusionScheduleInput = z.infer<typeof infusionScheduleInputSchema>;

export const monitoringScheduleInputSchema = z.strictObject({
  infusionEndedAt: epochMs,
  /** Start of the infusion: its local date is day 0. Without it, day 0 is the local date of the end. */
  infusionStartedAt: epochMs.optional(),
  /** Zone of the local 08:00–20:00 day windows; default 'Europe/Paris' (the trial's single centre). */
  timeZone: timeZone.optional(),
});
export type MonitoringScheduleInput = z.infer<typeof monitoringScheduleInputSchema>;

export const visitScheduleInputSchema = z.strictObject({
  /** Day 0: the local date of the start of the infusion. */
  infusionDate: isoDate,
  timeZone: timeZone.optional(),
});
export type VisitScheduleInput = z.infer<typeof visitScheduleInputSchema>;

/** The team's declaration that an item will not be done (visits.md: "declared missed, with a reason"). */
export const missedDeclarationSchema = z.strictObject({
  reason: textSchema.trim().min(1).max(2000),
  declaredAt: epochMs,
});
export type MissedDeclaration = z.infer<typeof missedDeclarationSchema>;
