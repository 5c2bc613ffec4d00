import { z } from 'zod';
import { textSchema } from './common';

// Dose, cell product and dose-decision shapes (shared/clinical/dosing.md, infusion-and-monitoring.md "Product and
// dose"). Ranges that are trial settings (weight 30–200 kg, viability ≥ 70 %, duration 30–120 min, the decision
// cut-offs) live in the domain's configuration (src/domain/dosing/config.ts); these schemas fix the shapes.

const instant = z.iso.datetime({ offset: true });
const count = z.number().int().min(0);

/** The synopsis' dose levels: 1, 2 or 4 ×10⁶ viable MSC per kg. */
export const doseLevelSchema = z.literal([1, 2, 4]);
export type DoseLevel = z.infer<typeof doseLevelSchema>;

/** What the bag holds, as read from its label and release certificate. */
export const productContentSchema = z.strictObject({
  /** Total viable cells in the bag. */
  totalViableCells: z.number().positive(),
  /** Bag volume, mL. */
  volumeMl: z.number().positive(),
  /** Viability, %. */
  viabilityPercent: z.number().min(0).max(100).optional(),
  /** Expiry, date and time. */
  expiresAt: instant.optional(),
});
export type ProductContent = z.infer<typeof productContentSchema>;

/** `computeDose`'s input (domain-api.md), with the optional product checks and their time. */
export const doseInputSchema = z.strictObject({
  /** Weight measured on the infusion day, kg. */
  weightKg: z.number(),
  doseLevel: doseLevelSchema,
  product: productContentSchema.optional(),
  /** Time of the check, epoch ms; needed when the product's expiry is given. */
  at: z.number().optional(),
});
export type DoseInput = z.infer<typeof doseInputSchema>;

/** The `infusionProduct` record: the checks before starting (infusion-and-monitoring.md, "Product and dose"). */
export const infusionProductSchema = productContentSchema.extend({
  lotNumber: textSchema.trim().min(1).max(64),
  /** Trial number printed on the bag, checked against the participant's ("identity of bag ↔ participant"). */
  labelTrialNumber: z.string().regex(/^MSC-LES-\d{2}$/),
  viabilityPercent: z.number().min(0).max(100),
  expiresAt: instant,
});
export type InfusionProduct = z.infer<typeof infusionProductSchema>;

/** The decision rule's settings: changeable only by an admin with a reason and a signature (dosing.md). */
export const doseDecisionSettingsSchema = z
  .strictObject({
    /** Beta prior of the DLT probability. */
    prior: z.strictObject({ a: z.number().positive(), b: z.number().positive() }),
    /** θ: "excessive toxicity" means p > θ. */
    threshold: z.number().gt(0).lt(1),
    /** P(p > θ) at or above this, after any participant completes: inclusions at the dose pause. */
    safetySignalAt: z.number().min(0).max(1),
    /** End of cohort: at or above this, de-escalate. */
    deEscalateAt: z.number().min(0).max(1),
    /** End of cohort: at or below this, escalate. */
    escalateAt: z.number().min(0).max(1),
    cohortSize: z.number().int().min(1),
  })
  .refine((s) => s.escalateAt < s.deEscalateAt, { message: 'escalateAt must be below deEscalateAt' });
export type DoseDecisionSettings = z.infer<typeof doseDecisionSettingsSchema>;

export const doseRecommendationSchema = z.enum(['escalate', 'de-escalate', 'hold', 'wait']);
export type DoseRecommendation = z.infer<typeof doseRecommendationSchema>;

/** `recommendNextDose`'s input (domain-api.md), with the optional dose of the cohort. */
export const doseDecisionInputSchema = z.strictObject({
  /** Participants with a DLT at the dose (each counts among `completed`). */
  dlts: count,
  /** Participants infused at the dose. */
  patients: count,
  /** Participants evaluable: day 10 completed, or a DLT earlier. */
  completed: count,
  cohortSize: z.number().int().min(1).optional(),
  /** The cohort's dose level; default the first cohort's. */
  doseLevel: doseLevelSchema.optional(),
});
export type DoseDecisionInput = z.infer<typeof doseDecisionInputSchema>;

/**
 * The `doseDecision` record: the physician's decision, kept apart from the recommendation it answers, with the
 * rationale and the settings in force (dosing.md, "Decisions").
 */
export const doseDecisionSchema = z.strictObject({
  /** The cohort the decision closes (1 or 2); the next cohort's dose is `nextDoseLevel`. */
  cohort: z.number().int().min(1).max(2).optional(),
  doseLevel: doseLevelSchema,
  dlts: count,
  patients: count,
  completed: count,
  recommendation: doseRecommendationSchema,
  probabilityExcessive: z.number().min(0).max(1),
  settings: doseDecisionSettingsSchema,
  /** What the physician decided: the next cohort's dose, or to pause inclusions. */
  decision: z.enum(['escalate', 'de-escalate', 'hold', 'pause']),
  nextDoseLevel: doseLevelSchema.optional(),
  rationale: textSchema.trim().min(1).max(4000),
  decidedAt: instant,
});
export type DoseDecision = z.infer<typeof doseDecisionSchema>;
