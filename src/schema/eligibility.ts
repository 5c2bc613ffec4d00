import { z } from 'zod';

// The facts entered at screening for the MSC-LES eligibility criteria (shared/seed/MSC-LES-synopsis.fr.txt,
// "Critères d'inclusion" 1–9 and "Critères de non inclusion" 1–12). Every fact is optional: screening is filled
// progressively, and a criterion whose facts are missing is 'unknown', never guessed.
//
// Units are the French hospital's (shared/clinical/domain-api.md). The numeric bounds below are entry
// plausibility bounds (a value outside is a typing error, refused at entry); they are the project's working
// defaults, not clinical thresholds. The clinical thresholds live in src/domain/eligibility/thresholds.ts.

const isoDate = z.iso.date();
/** A date, or 'never' when the drug was never given (so the wash-out criterion is known to be satisfied). */
const lastDoseDate = z.union([isoDate, z.literal('never')]);
const serology = z.enum(['negative', 'positive']);

/** The immunosuppressants of inclusion criterion 4 (i–viii), in the synopsis' order. */
export const IMMUNOSUPPRESSANT_IDS = [
  'cyclophosphamideIv',
  'mycophenolate',
  'azathioprine',
  'methotrexate',
  'leflunomide',
  'rituximab',
  'ciclosporin',
  'belimumab',
] as const;
export const immunosuppressantIdSchema = z.enum(IMMUNOSUPPRESSANT_IDS);
export type ImmunosuppressantId = z.infer<typeof immunosuppressantIdSchema>;

export const eligibilityFactsSchema = z.strictObject({
  // Identity and measures (inclusion 1; non-inclusion 2a).
  birthDate: isoDate.optional(),
  sex: z.enum(['F', 'M']).optional(),
  weightKg: z.number().min(20).max(300).optional(),
  /** Height, cm: no criterion and no formula here needs it (Cockcroft–Gault and CKD-EPI 2021 do not). */
  heightCm: z.number().min(100).max(230).optional(),

  // Inclusion 2: SLE by the ACR criteria, with positive antinuclear antibodies.
  sleAcrCriteria: z.boolean().optional(),
  anaPositive: z.boolean().optional(),
  // Inclusion 3: SELENA-SLEDAI (0–105, synopsis).
  sledai: z.number().int().min(0).max(105).optional(),
  // Inclusion 4: failure of, or intolerance forcing the stop of, oral prednisone ≥ 6 mg/day for ≥ 28 days…
  prednisoneFailure: z.boolean().optional(),
  // …and of at least one immunosuppressant at the synopsis' dose and duration (true = failed at that regimen).
  immunosuppressantFailure: z.partialRecord(immunosuppressantIdSchema, z.boolean()).optional(),
  // Inclusion 5: SLE treatment at stable doses since this date, prednisone-based (alone or with antimalarial,
  // NSAID and/or immunosuppressant).
  stableTreatmentSince: isoDate.optional(),
  stableTreatmentPrednisoneBased: z.boolean().optional(),

  // Inclusion 6 and 7, non-inclusion 1.
  childbearingPotential: z.boolean().optional(),
  pregnancyTest: serology.optional(),
  breastfeeding: z.boolean().optional(),
  /** For a man: has a partner of child-bearing potential (inclusion 7 then requires contraception). */
  partnerChildbearingPotential: z.boolean().optional(),
  /** Effective contraception during the treatment and the 3 months after it. */
  effectiveContraception: z.boolean().optional(),

  // Inclusion 8 and 9.
  consentSigned: z.boolean().optional(),
  socialSecurityAffiliation: z.boolean().optional(),

  // Non-inclusion 2a: creatinine for the calculated clearance.
  creatinineUmolL: z.number().min(10).max(3000).optional(),
  // Non-inclusion 2b: heart.
  congestiveHeartFailure: z.boolean().optional(),
  lvefPercent: z.number().min(5).max(90).optional(),
  uncontrolledVentricularArrhythmia: z.boolean().optional(),
  // Non-inclusion 2c: transaminases (U/L) with the laboratory's upper limits of normal.
  astUL: z.number().min(1).max(20000).optional(),
  astUln: z.number().min(5).max(200).optional(),
  altUL: z.number().min(1).max(20000).optional(),
  altUln: z.number().min(5).max(200).optional(),
  /** The physician attributes the raised transaminases to lupus activity (then they do not exclude). */
  transaminasesDueToSle: z.boolean().optional(),
  // Non-inclusion 2d: mean pulmonary arterial pressure (echocardiography) and blood gases at rest on room air.
  meanPapMmHg: z.number().min(5).max(150).optional(),
  pao2MmHg: z.number().min(20).max(700).optional(),
  paco2MmHg: z.number().min(10).max(150).optional(),
  // Non-inclusion 2e and 3.
  severePsychiatricDisorder: z.boolean().optional(),
  /** Active neoplasia or myelodysplasia, other than basal-cell or squamous-cell skin carcinoma or cervical CIS. */
  activeNeoplasiaOrMyelodysplasia: z.boolean().optional(),
  // Non-inclusion 4: blood counts (×10⁹/L, g/dL, CD4 ×10⁶/L).
  neutrophilsGL: z.number().min(0).max(100).optional(),
  plateletsGL: z.number().min(0).max(2000).optional(),
  haemoglobinGdL: z.number().min(2).max(25).optional(),
  cd4PerUL: z.number().min(0).max(5000).optional(),
  /** The physician attributes the cytopenias to lupus (then they do not exclude). */
  cytopeniaDueToLupus: z.boolean().optional(),
  // Non-inclusion 5.
  uncontrolledInfection: z.boolean().optional(),
  hiv: serology.optional(),
  htlv: serology.optional(),
  hbsAg: serology.optional(),
  hcv: serology.optional(),
  // Non-inclusion 6: last belimumab dose; last rituximab or other B-cell-depleting biologic dose.
  lastBelimumabDate: lastDoseDate.optional(),
  lastBCellDepletingDate: lastDoseDate.optional(),
  // Non-inclusion 7–12.
  substanceAbuseWithin60Days: z.boolean().optional(),
  inRegistryExclusionPeriod: z.boolean().optional(),
  unableToConsent: z.boolean().optional(),
  inAnotherStudy: z.boolean().optional(),
  poorComplianceRisk: z.boolean().optional(),
  underLegalProtection: z.boolean().optional(),
});
export type EligibilityFacts = z.infer<typeof eligibilityFactsSchema>;
export type EligibilityFactId = keyof EligibilityFacts;

export const eligibilityAssessmentInputSchema = z.strictObject({
  facts: eligibilityFactsSchema,
  /** The date the assessment is made as of (screening, then again at baseline M0). */
  screeningDate: isoDate,
});
