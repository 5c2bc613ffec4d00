import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assessEligibility, type EligibilityFacts } from '@/domain';

const SCREENING = '2025-03-01';
const bool = fc.boolean();
const serology = fc.constantFrom('negative' as const, 'positive' as const);
const pastDate = fc
  .date({ min: new Date('1940-01-01'), max: new Date('2025-03-01'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));
const around = (limit: number, spread: number) =>
  fc.double({ min: Math.max(0, limit - spread), max: limit + spread, noNaN: true });

/** Facts drawn near every threshold, so that each criterion goes both ways. */
const fullFacts: fc.Arbitrary<Required<EligibilityFacts>> = fc.record({
  birthDate: pastDate,
  sex: fc.constantFrom('F' as const, 'M' as const),
  weightKg: fc.double({ min: 20, max: 300, noNaN: true }),
  heightCm: fc.double({ min: 100, max: 230, noNaN: true }),
  sleAcrCriteria: bool,
  anaPositive: bool,
  sledai: fc.integer({ min: 0, max: 20 }),
  prednisoneFailure: bool,
  immunosuppressantFailure: fc.record({
    cyclophosphamideIv: bool,
    mycophenolate: bool,
    azathioprine: bool,
    methotrexate: bool,
    leflunomide: bool,
    rituximab: bool,
    ciclosporin: bool,
    belimumab: bool,
  }),
  stableTreatmentSince: pastDate,
  stableTreatmentPrednisoneBased: bool,
  childbearingPotential: bool,
  pregnancyTest: serology,
  breastfeeding: bool,
  partnerChildbearingPotential: bool,
  effectiveContraception: bool,
  consentSigned: bool,
  socialSecurityAffiliation: bool,
  creatinineUmolL: fc.double({ min: 10, max: 800, noNaN: true }),
  congestiveHeartFailure: bool,
  lvefPercent: around(40, 10),
  uncontrolledVentricularArrhythmia: bool,
  astUL: around(70, 40),
  astUln: around(35, 5),
  altUL: around(70, 40),
  altUln: around(35, 5),
  transaminasesDueToSle: bool,
  meanPapMmHg: around(50, 10),
  pao2MmHg: around(70, 10),
  paco2MmHg: around(50, 10),
  severePsychiatricDisorder: bool,
  activeNeoplasiaOrMyelodysplasia: bool,
  neutrophilsGL: around(0.5, 0.5),
  plateletsGL: around(30, 20),
  haemoglobinGdL: around(8, 3),
  cd4PerUL: around(200, 100),
  cytopeniaDueToLupus: bool,
  uncontrolledInfection: bool,
  hiv: serology,
  htlv: serology,
  hbsAg: serology,
  hcv: serology,
  lastBelimumabDate: fc.oneof(fc.constant('never' as const), pastDate),
  lastBCellDepletingDate: fc.oneof(fc.constant('never' as const), pastDate),
  substanceAbuseWithin60Days: bool,
  inRegistryExclusionPeriod: bool,
  unableToConsent: bool,
  inAnotherStudy: bool,
  poorComplianceRisk: bool,
  underLegalProtection: bool,
});

/**
 * Facts that do not contradict one another: nothing about pregnancy for a man, no partner question for a woman,
 * and a positive pregnancy test only for a woman of child-bearing potential. (A contradiction entered later may
 * rightly change an answer: a positive test overrides "without child-bearing potential".)
 */
const consistentFacts = fullFacts.map((facts): EligibilityFacts => {
  const { childbearingPotential, pregnancyTest, breastfeeding, partnerChildbearingPotential, ...rest } =
    facts;
  return facts.sex === 'M'
    ? { ...rest, partnerChildbearingPotential }
    : {
        ...rest,
        childbearingPotential,
        breastfeeding,
        pregnancyTest: childbearingPotential ? pregnancyTest : 'negative',
      };
});

/** The full facts and a part of them, as entered so far. */
const progressive = consistentFacts.chain((facts) =>
  fc.subarray(Object.keys(facts) as (keyof EligibilityFacts)[]).map((keys) => ({
    full: facts,
    partial: Object.fromEntries(keys.map((key) => [key, facts[key]])) as EligibilityFacts,
  })),
);

describe('eligibility properties', () => {
  it('entering more facts never changes an answer already known', () => {
    fc.assert(
      fc.property(progressive, ({ full, partial }) => {
        const before = assessEligibility(partial, SCREENING);
        const after = assessEligibility(full, SCREENING);
        before.criteria.forEach((criterion, index) => {
          if (criterion.answer !== 'unknown') expect(after.criteria[index]!.answer).toBe(criterion.answer);
        });
        if (before.verdict === 'ineligible') expect(after.verdict).toBe('ineligible');
      }),
      { numRuns: 300 },
    );
  });

  it('with every fact entered, the verdict is eligible or ineligible, never incomplete', () => {
    // (A minor's clearance stays unknown, outside the adult equations, but I1 then excludes.)
    fc.assert(
      fc.property(consistentFacts, (facts) => {
        const result = assessEligibility(facts, SCREENING);
        expect(['eligible', 'ineligible']).toContain(result.verdict);
        if ((result.computed.ageYears ?? 0) >= 18) expect(result.missing).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('the verdict is eligible exactly when no criterion excludes and none is unknown', () => {
    fc.assert(
      fc.property(progressive, ({ partial }) => {
        const result = assessEligibility(partial, SCREENING);
        const excludes = result.criteria.some((criterion) => criterion.excludes);
        const unknown = result.criteria.some((criterion) => criterion.answer === 'unknown');
        expect(result.verdict).toBe(excludes ? 'ineligible' : unknown ? 'incomplete' : 'eligible');
        expect(result.missing.length > 0).toBe(unknown);
      }),
      { numRuns: 200 },
    );
  });

  it('never throws, whatever is passed as facts', () => {
    fc.assert(
      fc.property(fc.anything(), fc.string(), (facts, date) => {
        const result = assessEligibility(facts as EligibilityFacts, date);
        expect(['eligible', 'ineligible', 'incomplete']).toContain(result.verdict);
      }),
      { numRuns: 300 },
    );
  });
});
