import { z } from 'zod';

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
    text: z.string().trim().min(1).max(200),
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
    comment: z.string().max(2000).optional(),
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
    if (ae.awareAt !== undefined && ae.sponsorNotifiedAt !== undefined) {
      if (Date.parse(ae.sponsorNotifiedAt) < Date.parse(ae.awareAt)) {
        issue('sponsorNotifiedAt', 'Notified before the team was aware');
      }
    }
  });
export type AdverseEvent = z.infer<typeof adverseEventSchema>;
