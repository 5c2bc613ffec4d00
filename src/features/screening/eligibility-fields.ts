import type { CriterionId } from '@/domain';
import { eligibilityFactsSchema, IMMUNOSUPPRESSANT_IDS, type EligibilityFactId } from '@/schema/eligibility';

// The eligibility form's layout: which facts each criterion asks, in the synopsis' groups and numbering. The
// units are the French hospital's (domain-api.md); the entry bounds come from the facts' schema, so the message
// that refuses a value says the very bounds the command enforces.

export type FactInput =
  | { id: EligibilityFactId; type: 'number'; unit: string; step?: 'integer' }
  | { id: EligibilityFactId; type: 'date' }
  /** A date, or "never" (the drug was never given). */
  | { id: EligibilityFactId; type: 'lastDose' }
  | { id: EligibilityFactId; type: 'boolean' }
  | { id: EligibilityFactId; type: 'serology' }
  | { id: EligibilityFactId; type: 'sex' }
  | { id: 'immunosuppressantFailure'; type: 'immunosuppressants' };

const n = (id: EligibilityFactId, unit: string, step?: 'integer'): FactInput => ({
  id,
  type: 'number',
  unit,
  ...(step ? { step } : {}),
});
const b = (id: EligibilityFactId): FactInput => ({ id, type: 'boolean' });
const s = (id: EligibilityFactId): FactInput => ({ id, type: 'serology' });

/** Identity and measures, asked once at the top (I1, NI2a and the dose card read them; the height, none). */
export const IDENTITY_FACTS: FactInput[] = [
  { id: 'birthDate', type: 'date' },
  { id: 'sex', type: 'sex' },
  n('weightKg', 'kg'),
  n('heightCm', 'cm'),
];

export const CRITERION_FACTS: Record<CriterionId, FactInput[]> = {
  I1: [],
  I2: [b('sleAcrCriteria'), b('anaPositive')],
  I3: [n('sledai', '/105', 'integer')],
  I4: [b('prednisoneFailure'), { id: 'immunosuppressantFailure', type: 'immunosuppressants' }],
  I5: [{ id: 'stableTreatmentSince', type: 'date' }, b('stableTreatmentPrednisoneBased')],
  I6: [b('childbearingPotential'), s('pregnancyTest')],
  I7: [b('partnerChildbearingPotential'), b('effectiveContraception')],
  I8: [],
  I9: [b('socialSecurityAffiliation')],
  NI1: [b('breastfeeding')],
  NI2a: [n('creatinineUmolL', 'µmol/L')],
  NI2b: [b('congestiveHeartFailure'), n('lvefPercent', '%'), b('uncontrolledVentricularArrhythmia')],
  NI2c: [
    n('astUL', 'U/L'),
    n('astUln', 'U/L'),
    n('altUL', 'U/L'),
    n('altUln', 'U/L'),
    b('transaminasesDueToSle'),
  ],
  NI2d: [n('meanPapMmHg', 'mmHg'), n('pao2MmHg', 'mmHg'), n('paco2MmHg', 'mmHg')],
  NI2e: [b('severePsychiatricDisorder')],
  NI3: [b('activeNeoplasiaOrMyelodysplasia')],
  NI4: [
    n('neutrophilsGL', 'G/L'),
    n('plateletsGL', 'G/L'),
    n('haemoglobinGdL', 'g/dL'),
    n('cd4PerUL', '×10⁶/L'),
    b('cytopeniaDueToLupus'),
  ],
  NI5: [b('uncontrolledInfection'), s('hiv'), s('htlv'), s('hbsAg'), s('hcv')],
  NI6: [
    { id: 'lastBelimumabDate', type: 'lastDose' },
    { id: 'lastBCellDepletingDate', type: 'lastDose' },
  ],
  NI7: [b('substanceAbuseWithin60Days')],
  NI8: [b('inRegistryExclusionPeriod')],
  NI9: [b('unableToConsent')],
  NI10: [b('inAnotherStudy')],
  NI11: [b('poorComplianceRisk')],
  NI12: [b('underLegalProtection')],
};

/** The synopsis' groups: inclusion 1–9; non-inclusion 1, 2 (a–e), 3–12. */
export const CRITERION_GROUPS: {
  id: 'inclusion' | 'nonInclusion';
  rows: (CriterionId | { sub: 'NI2'; ids: CriterionId[] })[];
}[] = [
  { id: 'inclusion', rows: ['I1', 'I2', 'I3', 'I4', 'I5', 'I6', 'I7', 'I8', 'I9'] },
  {
    id: 'nonInclusion',
    rows: [
      'NI1',
      { sub: 'NI2', ids: ['NI2a', 'NI2b', 'NI2c', 'NI2d', 'NI2e'] },
      'NI3',
      'NI4',
      'NI5',
      'NI6',
      'NI7',
      'NI8',
      'NI9',
      'NI10',
      'NI11',
      'NI12',
    ],
  },
];

export { IMMUNOSUPPRESSANT_IDS };

/** The entry bounds of a numeric fact, from its schema. */
export function factBounds(id: EligibilityFactId): { min: number; max: number } {
  const field = eligibilityFactsSchema.shape[id] as unknown as {
    unwrap(): { minValue: number | null; maxValue: number | null };
  };
  const inner = field.unwrap();
  return { min: inner.minValue ?? 0, max: inner.maxValue ?? Number.MAX_SAFE_INTEGER };
}
