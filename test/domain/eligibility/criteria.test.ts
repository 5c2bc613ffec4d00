import { describe, expect, it } from 'vitest';
import { assessEligibility, type CriterionId, type EligibilityFacts } from '@/domain';

const SCREENING = '2025-03-01';

/** A 39-year-old woman who meets every inclusion criterion and no non-inclusion criterion. */
const ELIGIBLE: EligibilityFacts = {
  birthDate: '1985-06-15',
  sex: 'F',
  weightKg: 60,
  sleAcrCriteria: true,
  anaPositive: true,
  sledai: 8,
  prednisoneFailure: true,
  immunosuppressantFailure: { mycophenolate: true, azathioprine: false },
  stableTreatmentSince: '2025-01-01',
  stableTreatmentPrednisoneBased: true,
  childbearingPotential: true,
  pregnancyTest: 'negative',
  breastfeeding: false,
  effectiveContraception: true,
  consentSigned: true,
  socialSecurityAffiliation: true,
  creatinineUmolL: 70,
  congestiveHeartFailure: false,
  lvefPercent: 60,
  uncontrolledVentricularArrhythmia: false,
  astUL: 30,
  astUln: 35,
  altUL: 25,
  altUln: 35,
  transaminasesDueToSle: false,
  meanPapMmHg: 20,
  pao2MmHg: 90,
  paco2MmHg: 38,
  severePsychiatricDisorder: false,
  activeNeoplasiaOrMyelodysplasia: false,
  neutrophilsGL: 3,
  plateletsGL: 200,
  haemoglobinGdL: 12,
  cd4PerUL: 600,
  cytopeniaDueToLupus: false,
  uncontrolledInfection: false,
  hiv: 'negative',
  htlv: 'negative',
  hbsAg: 'negative',
  hcv: 'negative',
  lastBelimumabDate: 'never',
  lastBCellDepletingDate: '2024-01-10',
  substanceAbuseWithin60Days: false,
  inRegistryExclusionPeriod: false,
  unableToConsent: false,
  inAnotherStudy: false,
  poorComplianceRisk: false,
  underLegalProtection: false,
};

const assess = (changes: Partial<EligibilityFacts>, date = SCREENING) =>
  assessEligibility({ ...ELIGIBLE, ...changes }, date);
const criterion = (changes: Partial<EligibilityFacts>, id: CriterionId, date = SCREENING) => {
  const found = assess(changes, date).criteria.find((result) => result.id === id);
  if (!found) throw new Error(`no criterion ${id}`);
  return found;
};
const answer = (changes: Partial<EligibilityFacts>, id: CriterionId, date = SCREENING) =>
  criterion(changes, id, date).answer;

describe('assessEligibility: verdict', () => {
  it('finds a person meeting every inclusion and no non-inclusion criterion eligible', () => {
    const result = assessEligibility(ELIGIBLE, SCREENING);
    expect(result.verdict).toBe('eligible');
    expect(result.excludedBy).toEqual([]);
    expect(result.unknown).toEqual([]);
    expect(result.missing).toEqual([]);
    expect(result.computed).toEqual({ ageYears: 39, creatinineClearance: 90.3, ckdEpi2021: 97 });
  });

  it('evaluates all 9 inclusion and 12 non-inclusion criteria, the second split into its five organs', () => {
    const ids = assessEligibility(ELIGIBLE, SCREENING).criteria.map((result) => result.id);
    expect(ids.filter((id) => id.startsWith('I'))).toHaveLength(9);
    expect(ids.filter((id) => id.startsWith('NI'))).toHaveLength(16);
  });

  it('finds a person ineligible as soon as one fact excludes, with everything else still unknown', () => {
    const result = assessEligibility({ hiv: 'positive' }, SCREENING);
    expect(result.verdict).toBe('ineligible');
    expect(result.excludedBy).toEqual(['NI5']);
    expect(result.unknown).toContain('I1');
  });

  it('lists every criterion that excludes, in protocol order', () => {
    expect(assess({ sledai: 4, inAnotherStudy: true, plateletsGL: 20 }).excludedBy).toEqual([
      'I3',
      'NI4',
      'NI10',
    ]);
  });

  it('is incomplete while any criterion is unknown, naming the missing facts', () => {
    const { consentSigned, lvefPercent, ...rest } = ELIGIBLE;
    void consentSigned;
    void lvefPercent;
    const result = assessEligibility(rest, SCREENING);
    expect(result.verdict).toBe('incomplete');
    expect(result.unknown).toEqual(['I8', 'NI2b']);
    expect(result.missing).toEqual(['consentSigned', 'lvefPercent']);
  });

  it('is incomplete, naming every fact, when nothing is entered yet', () => {
    const result = assessEligibility({}, SCREENING);
    expect(result.verdict).toBe('incomplete');
    expect(result.criteria.every((c) => c.answer === 'unknown')).toBe(true);
    expect(result.missing).toEqual(
      expect.arrayContaining(['birthDate', 'sex', 'creatinineUmolL', 'consentSigned']),
    );
  });

  it('treats facts of the wrong kind as missing and reports them as invalid, without throwing', () => {
    const result = assessEligibility(
      {
        ...ELIGIBLE,
        weightKg: -60,
        consentSigned: 'yes',
        birthDate: '1985-02-30',
      } as unknown as EligibilityFacts,
      SCREENING,
    );
    expect(result.verdict).toBe('incomplete');
    expect(result.invalid).toEqual(expect.arrayContaining(['weightKg', 'consentSigned', 'birthDate']));
    expect(result.missing).toEqual(expect.arrayContaining(['weightKg', 'consentSigned', 'birthDate']));
    expect(result.computed).toEqual({});
  });

  it('names the screening date as missing when it is not a date', () => {
    const result = assessEligibility(ELIGIBLE, '01/03/2025');
    expect(result.verdict).toBe('incomplete');
    expect(result.missing).toContain('screeningDate');
  });

  it('does not throw for input that is not an object at all', () => {
    expect(assessEligibility(null as unknown as EligibilityFacts, SCREENING).verdict).toBe('incomplete');
    expect(assessEligibility('x' as unknown as EligibilityFacts, 'x').verdict).toBe('incomplete');
  });

  it('gives each answer a reason as an i18n key with values', () => {
    expect(criterion({}, 'I1').reason).toEqual({
      key: 'eligibility.reason.ageYears',
      values: { age: 39, atLeast: 18, below: 70 },
    });
    expect(criterion({ consentSigned: undefined }, 'I8').reason).toEqual({
      key: 'eligibility.reason.missingFacts',
      values: { facts: 'consentSigned' },
    });
  });
});

describe('I1 age > 18 and < 70 years, read as an adult trial: from the 18th birthday to the day before the 70th', () => {
  it('is met on the 18th birthday and not the day before (a strict > 18 refused every 18-year-old)', () => {
    expect(answer({ birthDate: '2007-03-01' }, 'I1')).toBe('met');
    expect(answer({ birthDate: '2007-03-02' }, 'I1')).toBe('notMet');
  });

  it('is met the day before the 70th birthday and not on it', () => {
    expect(answer({ birthDate: '1955-03-02' }, 'I1')).toBe('met');
    expect(answer({ birthDate: '1955-03-01' }, 'I1')).toBe('notMet');
  });

  it('is unknown without a birth date, and a future birth date is invalid', () => {
    expect(criterion({ birthDate: undefined }, 'I1').missing).toEqual(['birthDate']);
    expect(assess({ birthDate: '2030-01-01' }).invalid).toContain('birthDate');
  });
});

describe('I2–I5 disease, refractoriness and stable treatment', () => {
  it('I2 needs both the ACR criteria and positive antinuclear antibodies', () => {
    expect(answer({ anaPositive: false }, 'I2')).toBe('notMet');
    expect(answer({ sleAcrCriteria: undefined }, 'I2')).toBe('unknown');
  });

  it('I3 is met at a SELENA-SLEDAI of exactly 6 and not at 5', () => {
    expect(answer({ sledai: 6 }, 'I3')).toBe('met');
    expect(answer({ sledai: 5 }, 'I3')).toBe('notMet');
  });

  it('I4 needs a prednisone failure and at least one immunosuppressant failure', () => {
    expect(answer({ prednisoneFailure: false }, 'I4')).toBe('notMet');
    expect(answer({ immunosuppressantFailure: { belimumab: true } }, 'I4')).toBe('met');
    const none = Object.fromEntries(
      [
        'cyclophosphamideIv',
        'mycophenolate',
        'azathioprine',
        'methotrexate',
        'leflunomide',
        'rituximab',
        'ciclosporin',
        'belimumab',
      ].map((drug) => [drug, false]),
    );
    expect(answer({ immunosuppressantFailure: none }, 'I4')).toBe('notMet');
  });

  it('I4 stays unknown while some immunosuppressants are unanswered and none has failed', () => {
    const result = criterion({ immunosuppressantFailure: { mycophenolate: false } }, 'I4');
    expect(result.answer).toBe('unknown');
    expect(result.missing).toEqual(['immunosuppressantFailure']);
  });

  it('I5 is met after exactly 30 days of stable treatment and not after 29', () => {
    expect(answer({ stableTreatmentSince: '2025-01-30' }, 'I5')).toBe('met');
    expect(answer({ stableTreatmentSince: '2025-01-31' }, 'I5')).toBe('notMet');
    expect(answer({ stableTreatmentPrednisoneBased: false }, 'I5')).toBe('notMet');
  });
});

describe('I6, I7 and NI1: pregnancy, contraception, breast-feeding', () => {
  it('needs a negative pregnancy test from a woman of child-bearing potential', () => {
    expect(answer({ pregnancyTest: undefined }, 'I6')).toBe('unknown');
    expect(answer({ pregnancyTest: 'positive' }, 'I6')).toBe('notMet');
    expect(assess({ pregnancyTest: 'positive' }).excludedBy).toEqual(['I6', 'NI1']);
  });

  it('needs no test from a woman without child-bearing potential, nor contraception', () => {
    const facts = {
      childbearingPotential: false,
      pregnancyTest: undefined,
      effectiveContraception: undefined,
    };
    expect(answer(facts, 'I6')).toBe('met');
    expect(answer(facts, 'I7')).toBe('met');
    expect(answer(facts, 'NI1')).toBe('notMet');
  });

  it('counts a positive test even for a woman recorded as without child-bearing potential', () => {
    expect(answer({ childbearingPotential: false, pregnancyTest: 'positive' }, 'I6')).toBe('notMet');
  });

  it('asks a man for contraception only when his partner is of child-bearing potential', () => {
    const man = {
      sex: 'M' as const,
      childbearingPotential: undefined,
      pregnancyTest: undefined,
      breastfeeding: undefined,
    };
    expect(answer({ ...man, partnerChildbearingPotential: undefined }, 'I7')).toBe('unknown');
    expect(answer({ ...man, partnerChildbearingPotential: true, effectiveContraception: false }, 'I7')).toBe(
      'notMet',
    );
    expect(
      answer({ ...man, partnerChildbearingPotential: false, effectiveContraception: undefined }, 'I7'),
    ).toBe('met');
    expect(answer({ ...man, partnerChildbearingPotential: false }, 'I6')).toBe('met');
    expect(answer({ ...man, partnerChildbearingPotential: false }, 'NI1')).toBe('notMet');
  });

  it('excludes a breast-feeding woman and one without effective contraception', () => {
    expect(answer({ breastfeeding: true }, 'NI1')).toBe('met');
    expect(assess({ effectiveContraception: false }).excludedBy).toEqual(['I7', 'NI1']);
  });
});

describe('NI2a creatinine clearance < 30 mL/min (Cockcroft–Gault)', () => {
  // A 50-year-old man of 60 kg: 221 µmol/L gives exactly 30 mL/min.
  const man50 = {
    sex: 'M' as const,
    birthDate: '1975-03-01',
    weightKg: 60,
    childbearingPotential: undefined,
    pregnancyTest: undefined,
    breastfeeding: undefined,
    partnerChildbearingPotential: false,
  };

  it('does not exclude a clearance of exactly 30 mL/min', () => {
    const result = criterion({ ...man50, creatinineUmolL: 221 }, 'NI2a');
    expect(result.answer).toBe('notMet');
    expect(result.reason.values).toMatchObject({ clearance: 30, below: 30 });
  });

  it('excludes a clearance just under 30 mL/min', () => {
    const result = criterion({ ...man50, creatinineUmolL: 222 }, 'NI2a');
    expect(result.answer).toBe('met');
    expect(result.reason.values).toMatchObject({ clearance: 29.9 });
  });

  it('shows the CKD-EPI 2021 eGFR beside the clearance', () => {
    const result = assess({ ...man50, creatinineUmolL: 221 });
    // 142 × (2.5/0.9)^−1.2 × 0.9938^50 = 142 × 0.29347 × 0.73277 = 30.5
    expect(result.computed).toEqual({ ageYears: 50, creatinineClearance: 30, ckdEpi2021: 31 });
    expect(criterion({ ...man50, creatinineUmolL: 221 }, 'NI2a').reason.values).toMatchObject({
      ckdEpi2021: 31,
    });
  });

  it('is unknown, naming each missing input, without weight or creatinine', () => {
    expect(criterion({ weightKg: undefined, creatinineUmolL: undefined }, 'NI2a').missing).toEqual([
      'weightKg',
      'creatinineUmolL',
    ]);
    expect(criterion({ sex: undefined }, 'NI2a').missing).toEqual(['sex']);
    expect(criterion({ birthDate: undefined }, 'NI2a').missing).toEqual(['birthDate']);
  });

  it('is unknown for a minor, outside the adult equations, while I1 excludes', () => {
    const result = assess({ birthDate: '2010-01-01' });
    expect(result.criteria.find((c) => c.id === 'NI2a')?.answer).toBe('unknown');
    expect(result.verdict).toBe('ineligible');
    expect(result.excludedBy).toEqual(['I1']);
  });
});

describe('NI2b–NI2e organ criteria', () => {
  it('NI2b excludes an LVEF of 39 % but not 40 %, and any heart failure', () => {
    expect(answer({ lvefPercent: 40 }, 'NI2b')).toBe('notMet');
    expect(answer({ lvefPercent: 39 }, 'NI2b')).toBe('met');
    expect(answer({ congestiveHeartFailure: true, lvefPercent: undefined }, 'NI2b')).toBe('met');
  });

  it('NI2c does not exclude transaminases at exactly twice the upper limit', () => {
    expect(answer({ astUL: 70, astUln: 35, transaminasesDueToSle: undefined }, 'NI2c')).toBe('notMet');
  });

  it('NI2c asks whether transaminases above twice the limit are due to lupus, and excludes only if not', () => {
    const raised = { altUL: 71, altUln: 35 };
    expect(criterion({ ...raised, transaminasesDueToSle: undefined }, 'NI2c').missing).toEqual([
      'transaminasesDueToSle',
    ]);
    expect(answer({ ...raised, transaminasesDueToSle: true }, 'NI2c')).toBe('notMet');
    expect(answer({ ...raised, transaminasesDueToSle: false }, 'NI2c')).toBe('met');
  });

  it('NI2c needs the upper limit of normal to judge a value', () => {
    expect(criterion({ astUln: undefined }, 'NI2c').missing).toEqual(['astUln']);
  });

  it('NI2d excludes mean PAP above 50, PaO2 below 70 or PaCO2 above 50 mmHg, not the limits themselves', () => {
    expect(answer({ meanPapMmHg: 50, pao2MmHg: 70, paco2MmHg: 50 }, 'NI2d')).toBe('notMet');
    expect(answer({ meanPapMmHg: 51 }, 'NI2d')).toBe('met');
    expect(answer({ pao2MmHg: 69.9 }, 'NI2d')).toBe('met');
    expect(answer({ paco2MmHg: 50.1 }, 'NI2d')).toBe('met');
  });

  it('NI2e and NI3 exclude on the answer of the physician', () => {
    expect(answer({ severePsychiatricDisorder: true }, 'NI2e')).toBe('met');
    expect(answer({ activeNeoplasiaOrMyelodysplasia: true }, 'NI3')).toBe('met');
  });
});

describe('NI4 marrow failure not caused by lupus', () => {
  it('does not exclude counts exactly at the limits', () => {
    expect(answer({ neutrophilsGL: 0.5, plateletsGL: 30, haemoglobinGdL: 8, cd4PerUL: 200 }, 'NI4')).toBe(
      'notMet',
    );
  });

  it('excludes any count below its limit unless attributed to lupus', () => {
    for (const low of [
      { neutrophilsGL: 0.49 },
      { plateletsGL: 29 },
      { haemoglobinGdL: 7.9 },
      { cd4PerUL: 199 },
    ]) {
      expect(answer(low, 'NI4')).toBe('met');
      expect(answer({ ...low, cytopeniaDueToLupus: true }, 'NI4')).toBe('notMet');
    }
  });
});

describe('NI5–NI12', () => {
  it('NI5 excludes any positive serology or an uncontrolled infection', () => {
    for (const name of ['hiv', 'htlv', 'hbsAg', 'hcv'] as const)
      expect(answer({ [name]: 'positive' }, 'NI5')).toBe('met');
    expect(answer({ uncontrolledInfection: true }, 'NI5')).toBe('met');
  });

  it('NI6 counts belimumab exactly 2 calendar months before screening as within the wash-out, not a day earlier', () => {
    expect(answer({ lastBelimumabDate: '2025-01-01' }, 'NI6')).toBe('met');
    expect(answer({ lastBelimumabDate: '2024-12-31' }, 'NI6')).toBe('notMet');
  });

  it('NI6 uses 6 calendar months for rituximab and other B-cell-depleting biologics', () => {
    expect(answer({ lastBCellDepletingDate: '2024-09-01' }, 'NI6')).toBe('met');
    expect(answer({ lastBCellDepletingDate: '2024-08-31' }, 'NI6')).toBe('notMet');
  });

  it('NI6 clamps to the end of a shorter month', () => {
    // 30 April − 2 months = 28 February (2025 is a common year).
    expect(answer({ lastBelimumabDate: '2025-02-28' }, 'NI6', '2025-04-30')).toBe('met');
    expect(answer({ lastBelimumabDate: '2025-02-27' }, 'NI6', '2025-04-30')).toBe('notMet');
  });

  it('NI6 refuses a last dose after the screening date as invalid', () => {
    const result = assess({ lastBelimumabDate: '2025-03-02' });
    expect(result.invalid).toContain('lastBelimumabDate');
    expect(result.criteria.find((c) => c.id === 'NI6')?.answer).toBe('unknown');
  });

  it('NI7–NI12 exclude on the answer of the physician', () => {
    const pairs = [
      ['substanceAbuseWithin60Days', 'NI7'],
      ['inRegistryExclusionPeriod', 'NI8'],
      ['unableToConsent', 'NI9'],
      ['inAnotherStudy', 'NI10'],
      ['poorComplianceRisk', 'NI11'],
      ['underLegalProtection', 'NI12'],
    ] as const;
    for (const [fact, id] of pairs) expect(assess({ [fact]: true }).excludedBy).toEqual([id]);
  });

  it('I8 and I9 are inclusion criteria: a no excludes', () => {
    expect(assess({ consentSigned: false }).excludedBy).toEqual(['I8']);
    expect(assess({ socialSecurityAffiliation: false }).excludedBy).toEqual(['I9']);
  });
});
