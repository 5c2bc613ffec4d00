import { z } from 'zod';
import { textSchema } from './common';

// The `adverseEvent` record kind: one graded adverse event of a participant (shared/clinical/ctcae.md,
// infusion-and-monitoring.md "Dose-limiting toxicity" and "Serious adverse events"). A revisable form: the nurse
// records term, grade and onset at the bedside; the physician adds relatedness, seriousness and the DLT decision
// in later revisions. Times are ISO-8601 with offset, like every clinical timestamp on the wire.

const instant = z.iso.datetime({ offset: true });

/** A CTCAE grade as recorded for an event: 1 mild … 4 life-threatening, 5 death (NCI CTCAE v5.0, "Grades"). */
export const ctcaeGradeSchema = z.literal([1, 2, 3, 4, 5]);
export type CtcaeGrade = z.infer<typeof ctcaeGradeSchema>;

/**
 * What the event is: a CTCAE term, identified by catalogue version and MedDRA code (one code per term in
 * v5.0), or a free-text term "not in catalogue" that a person grades by hand (ctcae.md).
 */
export const adverseEventTermSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('ctcae'),
    /** CTCAE version the term and grade belong to, stored with every grade (ctcae.md): '5.0'. */
    version: z.string().regex(/^\d+\.\d+$/),
    /** MedDRA codes are eight digits. */
    meddraCode: z.number().int().min(10_000_000).max(99_999_999),
  }),
  z.strictObject({
    kind: z.literal('freeText'),
    /** As the person wrote it, e.g. an infection's name ("infections (free term)", infusion-and-monitoring.md). */
    text: textSchema.trim().min(1).max(200),
  }),
]);
export type AdverseEventTerm = z.infer<typeof adverseEventTermSchema>;

/**
 * Causality to the MSC product or its administration, the usual five-step scale. A DLT needs "at least possibly
 * related" (infusion-and-monitoring.md), i.e. possible, probable or definite.
 */
export const relatednessSchema = z.enum(['notRelated', 'unlikely', 'possible', 'probable', 'definite']);
export type Relatedness = z.infer<typeof relatednessSchema>;

/** ICH E2A seriousness criteria (infusion-and-monitoring.md, "Serious adverse events"). */
export const seriousnessCriterionSchema = z.enum([
  'death',
  'lifeThreatening',
  'hospitalisation',
  'disability',
  'congenitalAnomaly',
  'importantMedicalEvent',
]);
export type SeriousnessCriterion = z.infer<typeof seriousnessCriterionSchema>;

/** The lab terms graded automatically from a value (domain-api.md, LabTerm). */
export const labTermSchema = z.enum([
  'anemia',
  'neutrophilCountDecreased',
  'plateletCountDecreased',
  'lymphocyteCountDecreased',
  'alanineAminotransferaseIncreased',
  'aspartateAminotransferaseIncreased',
  'creatinineIncreased',
]);
export type LabTerm = z.infer<typeof labTermSchema>;

/**
 * What the automatic grading proposed for a lab event, kept beside the grade the person confirmed (ctcae.md:
 * "graded automatically … and the nurse/physician confirms"). Units of domain-api.md.
 */
export const labGradingSchema = z.strictObject({
  term: labTermSchema,
  value: z.number(),
  lln: z.number().optional(),
  uln: z.number().optional(),
  baseline: z.number().optional(),
  proposedGrade: z.literal([0, 1, 2, 3, 4]),
});

export const adverseEventOutcomeSchema = z.enum([
  'recovered',
  'recovering',
  'notRecovered',
  'recoveredWithSequelae',
  'fatal',
  'unknown',
]);

/** Whether the event is listed in the reference safety information (the investigator's brochure). */
export const expectednessSchema = z.enum(['expected', 'unexpected']);
/** What was done about the event (several may apply). */
export const adverseEventActionSchema = z.enum([
  'none',
  'infusionSlowed',
  'infusionInterrupted',
  'infusionStopped',
  'symptomaticTreatment',
  'oxygen',
  'hospitalisation',
  'other',
]);
/** How the sponsor was notified of a serious event. */
export const sponsorNotificationMethodSchema = z.enum(['eCRF', 'email', 'fax', 'phone', 'other']);

export const adverseEventSchema = z
  .strictObject({
    term: adverseEventTermSchema,
    grade: ctcaeGradeSchema,
    onsetAt: instant,
    endedAt: instant.optional(),
    /** Answered on the solicited checklist (true) or reported spontaneously. */
    solicited: z.boolean().optional(),
    /** The physician's causality assessment; absent while not yet assessed. */
    relatedness: relatednessSchema.optional(),
    serious: z.boolean(),
    seriousness: z.array(seriousnessCriterionSchema).max(6).optional(),
    /** When the team became aware of the SAE: the 24-hour notification clock starts here. */
    awareAt: instant.optional(),
    /** When the sponsor was notified of the SAE. */
    sponsorNotifiedAt: instant.optional(),
    outcome: adverseEventOutcomeSchema.optional(),
    /** For a lab term: the value and limits it was graded from, and the grade proposed. */
    labGrading: labGradingSchema.optional(),
    /** The physician's signed decision on whether this event is a dose-limiting toxicity. */
    dltDecision: z.strictObject({ isDlt: z.boolean(), decidedAt: instant }).optional(),
    comment: textSchema.max(2000).optional(),
    /** The physician's causality assessment to the procedure (the infusion itself, the venous access). */
    relationToProcedure: relatednessSchema.optional(),
    expectedness: expectednessSchema.optional(),
    actions: z.array(adverseEventActionSchema).max(8).optional(),
    /** How the sponsor was notified (with `sponsorNotifiedAt`). */
    sponsorNotificationMethod: sponsorNotificationMethodSchema.optional(),
    /** The SAE narrative for the sponsor's notification. */
    narrative: textSchema.max(4000).optional(),
    /** The monitoring check (schedule item id, e.g. 'day-3') at which the event was first recorded. */
    checkId: textSchema.min(1).max(64).optional(),
    /** First reported by phone (a day at home). */
    byPhone: z.boolean().optional(),
    /**
     * Bedside term ids recorded as signs of this event rather than as events of their own (CTCAE v5.0: an infusion
     * related reaction is not also an allergic reaction or a cytokine release syndrome).
     */
    signs: z.array(textSchema.min(1).max(64)).max(30).optional(),
  })
  .superRefine((ae, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    const criteria = ae.seriousness ?? [];
    if (ae.serious && criteria.length === 0)
      issue('seriousness', 'A serious event needs at least one criterion');
    if (!ae.serious && criteria.length > 0)
      issue('serious', 'Seriousness criteria given for a non-serious event');
    if (ae.serious && ae.awareAt === undefined) issue('awareAt', 'A serious event needs the awareness time');
    if (!ae.serious && ae.sponsorNotifiedAt !== undefined) {
      issue('sponsorNotifiedAt', 'Only a serious event is notified to the sponsor');
    }
    // Grade 5 is death (CTCAE), which is always serious (ICH E2A).
    if (ae.grade === 5 && !criteria.includes('death'))
      issue('seriousness', 'Grade 5 is a death: serious, "death"');
    if (ae.endedAt !== undefined && Date.parse(ae.endedAt) < Date.parse(ae.onsetAt)) {
      issue('endedAt', 'The event ends before its onset');
    }
    if (ae.sponsorNotificationMethod !== undefined && ae.sponsorNotifiedAt === undefined) {
      issue('sponsorNotifiedAt', 'How the sponsor was notified, but not when');
    }
    if (ae.awareAt !== undefined && ae.sponsorNotifiedAt !== undefined) {
      if (Date.parse(ae.sponsorNotifiedAt) < Date.parse(ae.awareAt)) {
        issue('sponsorNotifiedAt', 'Notified before the team was aware');
      }
    }
  });
export type AdverseEvent = z.infer<typeof adverseEventSchema>;

/** Fields only a physician may set or change (nurses record; physicians assess and sign). */
export const PHYSICIAN_ONLY_AE_FIELDS = [
  'relatedness',
  'relationToProcedure',
  'expectedness',
  'dltDecision',
  'sponsorNotifiedAt',
  'sponsorNotificationMethod',
] as const satisfies readonly (keyof AdverseEvent)[];

/**
 * The `adverseEventGrade` record kind: one grading of an adverse event at a time (an append-only observation, so
 * two nurses grading the same event on two shifts never conflict). The event's grade at onset is in its own
 * record; its worst grade is derived from both (domain/safety, `worstAdverseEventGrade`).
 */
export const adverseEventGradeSchema = z.strictObject({
  adverseEventId: z.uuid(),
  grade: ctcaeGradeSchema,
  gradedAt: instant,
  /** CTCAE version of the grade (stored with every grade, ctcae.md). */
  version: z.string().regex(/^\d+\.\d+$/),
  checkId: textSchema.min(1).max(64).optional(),
  byPhone: z.boolean().optional(),
  labGrading: labGradingSchema.optional(),
  comment: textSchema.max(2000).optional(),
});
export type AdverseEventGrade = z.infer<typeof adverseEventGradeSchema>;
