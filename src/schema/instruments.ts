import { z } from 'zod';

// What a valid answer to each disease-activity and quality-of-life instrument is: the ids, the response ranges and
// the shapes of the forms. How answers become scores lives in src/domain/instruments.

// ── SELENA-SLEDAI ────────────────────────────────────────────────────────────────────────────────────────────────
/** The 24 descriptors in the instrument's order (shared/clinical/sledai.md; Petri M et al., NEJM 2005;353:2550). */
export const SLEDAI_IDS = [
  'seizure',
  'psychosis',
  'organicBrainSyndrome',
  'visualDisturbance',
  'cranialNerveDisorder',
  'lupusHeadache',
  'cva',
  'vasculitis',
  'arthritis',
  'myositis',
  'urinaryCasts',
  'hematuria',
  'proteinuria',
  'pyuria',
  'rash',
  'alopecia',
  'mucosalUlcers',
  'pleurisy',
  'pericarditis',
  'lowComplement',
  'increasedDnaBinding',
  'fever',
  'thrombocytopenia',
  'leukopenia',
] as const;
export const sledaiIdSchema = z.enum(SLEDAI_IDS);
/** true = present within the 10 days before the assessment; a descriptor left out is not yet answered. */
export const sledaiAnswersSchema = z.partialRecord(sledaiIdSchema, z.boolean());
export type SledaiAnswers = z.infer<typeof sledaiAnswersSchema>;

/** A SELENA-SLEDAI total as carried between visits: 0–105 (sledai.md). */
export const sledaiTotalSchema = z.number().int().min(0).max(105);

// ── BILAG-2004 ───────────────────────────────────────────────────────────────────────────────────────────────────
/** The nine BILAG-2004 systems (shared/clinical/instruments.md; Isenberg DA et al., Rheumatology 2005;44:902). */
export const BILAG_SYSTEMS = [
  'constitutional',
  'mucocutaneous',
  'neuropsychiatric',
  'musculoskeletal',
  'cardiorespiratory',
  'gastrointestinal',
  'ophthalmic',
  'renal',
  'haematological',
] as const;
export const bilagSystemSchema = z.enum(BILAG_SYSTEMS);
/** A = severe, B = moderate, C = mild stable activity, D = previously affected now inactive, E = never affected. */
export const bilagGradeSchema = z.enum(['A', 'B', 'C', 'D', 'E']);
export const bilagGradesSchema = z.partialRecord(bilagSystemSchema, bilagGradeSchema);
export type BilagGrades = z.infer<typeof bilagGradesSchema>;

// ── Physician Global Assessment ──────────────────────────────────────────────────────────────────────────────────
/** Exact to one decimal, tolerating the binary representation of values such as 0.3. */
const hasAtMostOneDecimal = (value: number) => Math.abs(value * 10 - Math.round(value * 10)) < 1e-9;

/** 0–3 visual analogue scale recorded to one decimal (instruments.md; Petri 2005). */
export const pgaSchema = z
  .number()
  .min(0)
  .max(3)
  .refine(hasAtMostOneDecimal, { message: 'The PGA is recorded to one decimal' });

// ── SLICC/ACR Damage Index ───────────────────────────────────────────────────────────────────────────────────────
/**
 * The SDI items with the points each may score (Gladman D et al., Arthritis Rheum 1996;39:363; item list checked
 * against the PhenX Toolkit SLICC/ACR protocol and the Medscape SDI calculator). `max` is the item's maximum:
 * 2 where the index says "score 2 if > 1". End-stage renal disease scores 3 or nothing (`allOrNothing`).
 */
export const SDI_ITEMS = [
  { id: 'cataract', system: 'ocular', max: 1 }, // any cataract ever
  { id: 'retinalChangeOrOpticAtrophy', system: 'ocular', max: 1 },
  { id: 'cognitiveImpairmentOrPsychosis', system: 'neuropsychiatric', max: 1 },
  { id: 'seizures6Months', system: 'neuropsychiatric', max: 1 }, // requiring therapy for 6 months
  { id: 'cerebrovascularAccident', system: 'neuropsychiatric', max: 2 }, // ever; 2 if > 1
  { id: 'cranialOrPeripheralNeuropathy', system: 'neuropsychiatric', max: 1 }, // excluding optic
  { id: 'transverseMyelitis', system: 'neuropsychiatric', max: 1 },
  { id: 'gfrBelow50', system: 'renal', max: 1 }, // estimated or measured GFR < 50 %
  { id: 'proteinuria3_5', system: 'renal', max: 1 }, // ≥ 3.5 g/24 h
  { id: 'endStageRenalDisease', system: 'renal', max: 3, allOrNothing: true }, // regardless of dialysis/transplant
  { id: 'pulmonaryHypertension', system: 'pulmonary', max: 1 },
  { id: 'pulmonaryFibrosis', system: 'pulmonary', max: 1 },
  { id: 'shrinkingLung', system: 'pulmonary', max: 1 },
  { id: 'pleuralFibrosis', system: 'pulmonary', max: 1 },
  { id: 'pulmonaryInfarction', system: 'pulmonary', max: 1 },
  { id: 'anginaOrBypass', system: 'cardiovascular', max: 1 },
  { id: 'myocardialInfarction', system: 'cardiovascular', max: 2 }, // ever; 2 if > 1
  { id: 'cardiomyopathy', system: 'cardiovascular', max: 1 },
  { id: 'valvularDisease', system: 'cardiovascular', max: 1 },
  { id: 'pericarditis6MonthsOrPericardiectomy', system: 'cardiovascular', max: 1 },
  { id: 'claudication6Months', system: 'peripheralVascular', max: 1 },
  { id: 'minorTissueLoss', system: 'peripheralVascular', max: 1 }, // pulp space
  { id: 'significantTissueLoss', system: 'peripheralVascular', max: 2 }, // digit or limb, ever; 2 if > 1 site
  { id: 'venousThrombosisWithSequelae', system: 'peripheralVascular', max: 1 },
  { id: 'bowelSpleenLiverGallbladderLoss', system: 'gastrointestinal', max: 2 }, // 2 if > 1 site
  { id: 'mesentericInsufficiency', system: 'gastrointestinal', max: 1 },
  { id: 'chronicPeritonitis', system: 'gastrointestinal', max: 1 },
  { id: 'upperGiStrictureOrSurgery', system: 'gastrointestinal', max: 1 },
  { id: 'pancreaticInsufficiency', system: 'gastrointestinal', max: 1 },
  { id: 'muscleAtrophyOrWeakness', system: 'musculoskeletal', max: 1 },
  { id: 'deformingOrErosiveArthritis', system: 'musculoskeletal', max: 1 },
  { id: 'osteoporosisWithFracture', system: 'musculoskeletal', max: 1 }, // or vertebral collapse
  { id: 'avascularNecrosis', system: 'musculoskeletal', max: 2 }, // 2 if > 1
  { id: 'osteomyelitis', system: 'musculoskeletal', max: 1 },
  { id: 'tendonRupture', system: 'musculoskeletal', max: 1 },
  { id: 'scarringChronicAlopecia', system: 'skin', max: 1 },
  { id: 'extensiveScarring', system: 'skin', max: 1 }, // of panniculum other than scalp and pulp space
  { id: 'skinUlceration6Months', system: 'skin', max: 1 }, // excluding thrombosis, for > 6 months
  { id: 'prematureGonadalFailure', system: 'gonadal', max: 1 },
  { id: 'diabetes', system: 'endocrine', max: 1 },
  { id: 'malignancy', system: 'malignancy', max: 2 }, // excluding dysplasia; 2 if > 1 site
] as const satisfies readonly { id: string; system: string; max: 1 | 2 | 3; allOrNothing?: true }[];

export type SdiItemId = (typeof SDI_ITEMS)[number]['id'];
export type SdiSystem = (typeof SDI_ITEMS)[number]['system'];

const sdiPointsSchema = (item: { max: number; allOrNothing?: true }) => {
  const points = z.number().int().min(0).max(item.max);
  return item.allOrNothing
    ? points.refine((value) => value === 0 || value === item.max, { message: `Scores 0 or ${item.max}` })
    : points;
};

/** Points per item (0 up to its maximum); a field left out is not yet answered. An unknown item is refused. */
export const sdiItemsSchema = z.strictObject(
  Object.fromEntries(SDI_ITEMS.map((item) => [item.id, sdiPointsSchema(item).optional()])) as Record<
    SdiItemId,
    z.ZodOptional<z.ZodNumber>
  >,
);
export type SdiItems = z.infer<typeof sdiItemsSchema>;

// ── SF-36 ────────────────────────────────────────────────────────────────────────────────────────────────────────
/** 'v2' = SF-36v2 (the protocol's form); 'rand36' = SF-36 v1 forms scored by RAND-36 (shared/clinical/sf36.md). */
export const SF36_FORMS = ['v2', 'rand36'] as const;
export const sf36FormSchema = z.enum(SF36_FORMS);
export type Sf36Form = z.infer<typeof sf36FormSchema>;

export const SF36_SCALES = [
  'physicalFunctioning',
  'rolePhysical',
  'bodilyPain',
  'generalHealth',
  'vitality',
  'socialFunctioning',
  'roleEmotional',
  'mentalHealth',
] as const;
export const sf36ScaleSchema = z.enum(SF36_SCALES);
export type Sf36Scale = z.infer<typeof sf36ScaleSchema>;

export const SF36_ITEM_COUNT = 36;

/** Expands runs of [number of items, response levels], in item order, to one entry per item. */
const perItem = (...runs: readonly [items: number, levels: number][]) =>
  runs.flatMap(([items, levels]) => Array<number>(items).fill(levels));

/**
 * How many pre-coded responses items 1–36 offer on each form (sf36.md). v2: role items 13–19 and items 23–31 have
 * five levels; v1 (RAND-36): role items are yes/no and items 23–31 have six levels.
 */
export const SF36_RESPONSE_LEVELS: Readonly<Record<Sf36Form, readonly number[]>> = {
  // item runs:  1–2      3–12     13–16   17–19   20      21      22      23–31   32      33–36
  v2: perItem([2, 5], [10, 3], [4, 5], [3, 5], [1, 5], [1, 6], [1, 5], [9, 5], [1, 5], [4, 5]),
  rand36: perItem([2, 5], [10, 3], [4, 2], [3, 2], [1, 5], [1, 6], [1, 5], [9, 6], [1, 5], [4, 5]),
};

/** One item's answer: a pre-coded response 1…levels, or null when the person left it blank. */
export const sf36ItemAnswerSchema = (form: Sf36Form, itemNumber: number) => {
  const levels = SF36_RESPONSE_LEVELS[form][itemNumber - 1];
  if (levels === undefined) throw new RangeError(`SF-36 has no item ${itemNumber}`);
  return z.number().int().min(1).max(levels).nullable();
};

const sf36AnswersSchema = (form: Sf36Form) =>
  z.tuple(
    SF36_RESPONSE_LEVELS[form].map((_, index) => sf36ItemAnswerSchema(form, index + 1)) as [
      z.ZodNullable<z.ZodNumber>,
      ...z.ZodNullable<z.ZodNumber>[],
    ],
  );

/** A saved SF-36 questionnaire: the form it was collected on and its 36 pre-coded answers. */
export const sf36ResponseSchema = z.discriminatedUnion('form', [
  z.strictObject({ form: z.literal('v2'), answers: sf36AnswersSchema('v2') }),
  z.strictObject({ form: z.literal('rand36'), answers: sf36AnswersSchema('rand36') }),
]);
export type Sf36Response = z.infer<typeof sf36ResponseSchema>;

/**
 * A norm-based coefficient set for the PCS/MCS summaries: per scale the population mean and SD (for the z-score)
 * and the two factor-score coefficients. Licensed data (sf36.md): the app ships none; the sponsor configures one.
 */
export const sf36SummaryNormsSchema = z.strictObject({
  label: z.string().min(1),
  form: sf36FormSchema,
  scales: z.record(
    sf36ScaleSchema,
    z.strictObject({
      mean: z.number(),
      sd: z.number().positive(),
      pcsCoefficient: z.number(),
      mcsCoefficient: z.number(),
    }),
  ),
});
export type Sf36SummaryNorms = z.infer<typeof sf36SummaryNormsSchema>;

// ── EQ-5D-5L ─────────────────────────────────────────────────────────────────────────────────────────────────────
/** The five dimensions in the order of the health profile string (instruments.md). */
export const EQ5D_DIMENSIONS = [
  'mobility',
  'selfCare',
  'usualActivities',
  'painDiscomfort',
  'anxietyDepression',
] as const;
export type Eq5dDimension = (typeof EQ5D_DIMENSIONS)[number];

/** Level 1 (no problems) to 5 (extreme problems / unable to). */
export const eq5dLevelSchema = z.number().int().min(1).max(5);
/** EQ VAS: the whole number the person marks, 0 (worst) to 100 (best imaginable health). */
export const eq5dVasSchema = z.number().int().min(0).max(100);

export const eq5d5lAnswersSchema = z.object({
  mobility: eq5dLevelSchema,
  selfCare: eq5dLevelSchema,
  usualActivities: eq5dLevelSchema,
  painDiscomfort: eq5dLevelSchema,
  anxietyDepression: eq5dLevelSchema,
  vas: eq5dVasSchema.optional(),
});
export type Eq5d5lAnswers = z.infer<typeof eq5d5lAnswersSchema>;
