import type { EligibilityFacts, ImmunosuppressantId } from '@/schema/eligibility';
import type { Scored } from '@/domain/result';
import {
  addMonths,
  compareCalendarDates,
  daysBetween,
  formatCalendarDate,
  parseCalendarDate,
  type CalendarDate,
} from '@/domain/schedule/calendar-date';
import { ageAtScreening, factReader, renalFunction, type FactReader } from './facts';
import {
  allOf,
  anyOf,
  fromBoolean,
  met,
  not,
  notMet,
  unique,
  unknown,
  type CriterionAnswer,
  type Finding,
  type Reason,
} from './finding';
import { ELIGIBILITY_THRESHOLDS as T, REFRACTORY_REGIMENS } from './thresholds';

// The MSC-LES inclusion (I1–I9) and non-inclusion (NI1–NI12, NI2 split into its five organs a–e) criteria,
// from the French synopsis (shared/seed/MSC-LES-synopsis.fr.txt), evaluated from the screening facts.
//
// Each criterion answers whether its statement, as the synopsis words it, holds: an inclusion criterion that
// is 'met' is satisfied; a non-inclusion criterion that is 'met' excludes. `excludes` says which answers rule
// the person out. Verdict: 'ineligible' as soon as one criterion excludes (even with others unknown), else
// 'incomplete' while any is unknown (naming the missing facts), else 'eligible'.
//
// Reasons are i18n keys describing what was found: 'eligibility.reason.<fact>' with its value and limit,
// 'eligibility.reason.<fact>.yes|no' for attested facts, 'eligibility.reason.missingFacts' { facts }.
// Criterion titles for the screen are 'eligibility.criterion.<id>'.

export const ELIGIBILITY_CRITERIA = [
  { id: 'I1', kind: 'inclusion' },
  { id: 'I2', kind: 'inclusion' },
  { id: 'I3', kind: 'inclusion' },
  { id: 'I4', kind: 'inclusion' },
  { id: 'I5', kind: 'inclusion' },
  { id: 'I6', kind: 'inclusion' },
  { id: 'I7', kind: 'inclusion' },
  { id: 'I8', kind: 'inclusion' },
  { id: 'I9', kind: 'inclusion' },
  { id: 'NI1', kind: 'nonInclusion' },
  { id: 'NI2a', kind: 'nonInclusion' },
  { id: 'NI2b', kind: 'nonInclusion' },
  { id: 'NI2c', kind: 'nonInclusion' },
  { id: 'NI2d', kind: 'nonInclusion' },
  { id: 'NI2e', kind: 'nonInclusion' },
  { id: 'NI3', kind: 'nonInclusion' },
  { id: 'NI4', kind: 'nonInclusion' },
  { id: 'NI5', kind: 'nonInclusion' },
  { id: 'NI6', kind: 'nonInclusion' },
  { id: 'NI7', kind: 'nonInclusion' },
  { id: 'NI8', kind: 'nonInclusion' },
  { id: 'NI9', kind: 'nonInclusion' },
  { id: 'NI10', kind: 'nonInclusion' },
  { id: 'NI11', kind: 'nonInclusion' },
  { id: 'NI12', kind: 'nonInclusion' },
] as const;

export type CriterionId = (typeof ELIGIBILITY_CRITERIA)[number]['id'];
export type CriterionKind = 'inclusion' | 'nonInclusion';

export type CriterionResult = {
  id: CriterionId;
  kind: CriterionKind;
  answer: CriterionAnswer;
  /** True when this answer rules the person out (inclusion not met, or non-inclusion met). */
  excludes: boolean;
  reason: Reason;
  /** Facts missing or invalid for this criterion (empty unless the answer is 'unknown'). */
  missing: string[];
};

export type EligibilityAssessment = {
  verdict: 'eligible' | 'ineligible' | 'incomplete';
  criteria: CriterionResult[];
  /** Criteria that exclude, in protocol order. */
  excludedBy: CriterionId[];
  /** Criteria still unknown, in protocol order. */
  unknown: CriterionId[];
  /** Facts missing or invalid for the unknown criteria, in protocol order, each once. */
  missing: string[];
  /** Facts entered but unusable (wrong type, negative, impossible or future date): counted as missing. */
  invalid: string[];
  /** Values computed from the facts, when computable: age at screening, Cockcroft–Gault, CKD-EPI 2021. */
  computed: { ageYears?: number; creatinineClearance?: number; ckdEpi2021?: number };
};

type Context = {
  facts: FactReader;
  screening: CalendarDate | undefined;
  age: Scored<{ ageYears: number }>;
  renal: ReturnType<typeof renalFunction>;
};

/**
 * Evaluates every criterion from the facts entered so far, as of `screeningDate` ('YYYY-MM-DD', the date the
 * assessment is made: screening, then again at baseline M0). Never throws: missing or invalid facts make the
 * criteria that need them 'unknown'.
 */
export function assessEligibility(facts: EligibilityFacts, screeningDate: string): EligibilityAssessment {
  const screening = parseCalendarDate(screeningDate);
  const reader = factReader(facts, screening);
  const context: Context = {
    facts: reader,
    screening,
    age: ageAtScreening(reader, screeningDate),
    renal: renalFunction(reader, screeningDate),
  };

  const criteria = ELIGIBILITY_CRITERIA.map(({ id, kind }): CriterionResult => {
    const finding = EVALUATE[id](context);
    return {
      id,
      kind,
      answer: finding.answer,
      excludes: kind === 'inclusion' ? finding.answer === 'notMet' : finding.answer === 'met',
      reason: finding.reason,
      missing: finding.missing,
    };
  });

  const excludedBy = criteria.filter((criterion) => criterion.excludes).map((criterion) => criterion.id);
  const unknownCriteria = criteria.filter((criterion) => criterion.answer === 'unknown');
  const { age, renal } = context;
  return {
    verdict: excludedBy.length > 0 ? 'ineligible' : unknownCriteria.length > 0 ? 'incomplete' : 'eligible',
    criteria,
    excludedBy,
    unknown: unknownCriteria.map((criterion) => criterion.id),
    missing: unique(unknownCriteria.flatMap((criterion) => criterion.missing)),
    invalid: [...reader.invalid],
    computed: {
      ...(age.status === 'complete' ? { ageYears: age.ageYears } : {}),
      ...(renal.status === 'complete'
        ? { creatinineClearance: renal.creatinineClearance, ckdEpi2021: renal.ckdEpi2021 }
        : {}),
    },
  };
}

const EVALUATE: Record<CriterionId, (context: Context) => Finding> = {
  // I1 "Age > 18 ans et < 70 ans", in whole years at the screening date, read (the trial's decision, see
  // thresholds.ts) as from the 18th birthday until the day before the 70th.
  I1: ({ age }) => {
    if (age.status === 'incomplete') return unknown(age.missing);
    const inRange = age.ageYears >= T.ageYears.atLeast && age.ageYears < T.ageYears.below;
    const values = { age: age.ageYears, atLeast: T.ageYears.atLeast, below: T.ageYears.below };
    return inRange
      ? met('eligibility.reason.ageYears', values)
      : notMet('eligibility.reason.ageYears', values);
  },
  // I2 SLE by the ACR criteria with positive antinuclear antibodies.
  I2: ({ facts }) =>
    allOf([
      fromBoolean('sleAcrCriteria', facts.boolean('sleAcrCriteria')),
      fromBoolean('anaPositive', facts.boolean('anaPositive')),
    ]),
  // I3 SELENA-SLEDAI ≥ 6.
  I3: ({ facts }) => compare(facts, 'sledai', '≥', T.sledaiAtLeast),
  // I4 failure (or intolerance) of prednisone ≥ 6 mg/day ≥ 28 days and of at least one immunosuppressant i–viii.
  I4: ({ facts }) =>
    allOf([
      fromBoolean('prednisoneFailure', facts.boolean('prednisoneFailure')),
      immunosuppressantFailure(facts),
    ]),
  // I5 stable SLE treatment for ≥ 30 days before eligibility, prednisone-based.
  I5: ({ facts, screening }) =>
    allOf([
      stableTreatment(facts, screening),
      fromBoolean('stableTreatmentPrednisoneBased', facts.boolean('stableTreatmentPrednisoneBased')),
    ]),
  // I6 negative pregnancy test for a woman of child-bearing potential.
  I6: ({ facts }) => not(pregnancy(facts)),
  // I7 effective contraception during the treatment and 3 months after, for men and women (a man: with a
  // partner of child-bearing potential).
  I7: ({ facts }) => not(contraceptionLacking(facts)),
  I8: ({ facts }) => fromBoolean('consentSigned', facts.boolean('consentSigned')),
  I9: ({ facts }) => fromBoolean('socialSecurityAffiliation', facts.boolean('socialSecurityAffiliation')),

  // NI1 pregnancy, breast-feeding or no adequate contraception.
  NI1: ({ facts }) => anyOf([pregnancy(facts), breastfeeding(facts), contraceptionLacking(facts)]),
  // NI2a calculated creatinine clearance < 30 mL/min (Cockcroft–Gault; CKD-EPI 2021 shown beside it).
  NI2a: ({ renal }) => {
    if (renal.status === 'incomplete') return unknown(renal.missing);
    const values = {
      clearance: renal.creatinineClearance,
      ckdEpi2021: renal.ckdEpi2021,
      below: T.creatinineClearanceBelow,
    };
    return renal.creatinineClearance < T.creatinineClearanceBelow
      ? met('eligibility.reason.creatinineClearance', values)
      : notMet('eligibility.reason.creatinineClearance', values);
  },
  // NI2b congestive heart failure, LVEF < 40 %, uncontrolled ventricular arrhythmia.
  NI2b: ({ facts }) =>
    anyOf([
      fromBoolean('congestiveHeartFailure', facts.boolean('congestiveHeartFailure')),
      compare(facts, 'lvefPercent', '<', T.lvefPercentBelow),
      fromBoolean('uncontrolledVentricularArrhythmia', facts.boolean('uncontrolledVentricularArrhythmia')),
    ]),
  // NI2c AST or ALT > 2 × ULN, not due to lupus activity.
  NI2c: ({ facts }) =>
    unlessAttributed(
      facts,
      anyOf([aboveUlnTimes(facts, 'astUL', 'astUln'), aboveUlnTimes(facts, 'altUL', 'altUln')]),
      'transaminasesDueToSle',
    ),
  // NI2d mean PAP > 50 mmHg, or PaO2 < 70 mmHg and/or PaCO2 > 50 mmHg at rest without oxygen.
  NI2d: ({ facts }) =>
    anyOf([
      compare(facts, 'meanPapMmHg', '>', T.meanPapMmHgAbove),
      compare(facts, 'pao2MmHg', '<', T.pao2MmHgBelow),
      compare(facts, 'paco2MmHg', '>', T.paco2MmHgAbove),
    ]),
  NI2e: ({ facts }) => fromBoolean('severePsychiatricDisorder', facts.boolean('severePsychiatricDisorder')),
  NI3: ({ facts }) =>
    fromBoolean('activeNeoplasiaOrMyelodysplasia', facts.boolean('activeNeoplasiaOrMyelodysplasia')),
  // NI4 marrow failure: neutrophils < 0.5, platelets < 30 (×10⁹/L), Hb < 8 g/dL, CD4 < 200 ×10⁶/L, not lupus.
  NI4: ({ facts }) =>
    unlessAttributed(
      facts,
      anyOf([
        compare(facts, 'neutrophilsGL', '<', T.neutrophilsGLBelow),
        compare(facts, 'plateletsGL', '<', T.plateletsGLBelow),
        compare(facts, 'haemoglobinGdL', '<', T.haemoglobinGdLBelow),
        compare(facts, 'cd4PerUL', '<', T.cd4PerULBelow),
      ]),
      'cytopeniaDueToLupus',
    ),
  // NI5 uncontrolled infection; HIV 1/2, HTLV 1/2, HBs antigen or hepatitis C positive.
  NI5: ({ facts }) =>
    anyOf([
      fromBoolean('uncontrolledInfection', facts.boolean('uncontrolledInfection')),
      ...(['hiv', 'htlv', 'hbsAg', 'hcv'] as const).map((name) => positive(facts, name)),
    ]),
  // NI6 belimumab within 2 months, rituximab or another B-cell-depleting biologic within 6 months.
  NI6: ({ facts, screening }) =>
    anyOf([
      lastDoseWithin(facts, screening, 'lastBelimumabDate', T.belimumabWashoutMonths),
      lastDoseWithin(facts, screening, 'lastBCellDepletingDate', T.bCellDepletionWashoutMonths),
    ]),
  NI7: ({ facts }) => fromBoolean('substanceAbuseWithin60Days', facts.boolean('substanceAbuseWithin60Days')),
  NI8: ({ facts }) => fromBoolean('inRegistryExclusionPeriod', facts.boolean('inRegistryExclusionPeriod')),
  NI9: ({ facts }) => fromBoolean('unableToConsent', facts.boolean('unableToConsent')),
  NI10: ({ facts }) => fromBoolean('inAnotherStudy', facts.boolean('inAnotherStudy')),
  NI11: ({ facts }) => fromBoolean('poorComplianceRisk', facts.boolean('poorComplianceRisk')),
  NI12: ({ facts }) => fromBoolean('underLegalProtection', facts.boolean('underLegalProtection')),
};

type NumberFact = Parameters<FactReader['number']>[0];

/** "value <op> limit" for a numeric fact; equality never satisfies a strict comparison. */
function compare(facts: FactReader, name: NumberFact, op: '<' | '>' | '≥', limit: number): Finding {
  const value = facts.number(name);
  if (value === undefined) return unknown([name]);
  const holds = op === '<' ? value < limit : op === '>' ? value > limit : value >= limit;
  const values = { value, limit };
  return holds ? met(`eligibility.reason.${name}`, values) : notMet(`eligibility.reason.${name}`, values);
}

/** "value > 2 × the laboratory's upper limit of normal". */
function aboveUlnTimes(facts: FactReader, name: 'astUL' | 'altUL', ulnName: 'astUln' | 'altUln'): Finding {
  const value = facts.number(name);
  const uln = facts.number(ulnName);
  if (value === undefined || uln === undefined || uln === 0) {
    return unknown([
      ...(value === undefined ? [name] : []),
      ...(uln === undefined || uln === 0 ? [ulnName] : []),
    ]);
  }
  const values = { value, uln, times: T.transaminasesAboveUlnTimes };
  return value > T.transaminasesAboveUlnTimes * uln
    ? met(`eligibility.reason.${name}`, values)
    : notMet(`eligibility.reason.${name}`, values);
}

/** An abnormality excludes only when the physician has said it is not due to lupus. */
function unlessAttributed(
  facts: FactReader,
  abnormal: Finding,
  name: 'transaminasesDueToSle' | 'cytopeniaDueToLupus',
): Finding {
  if (abnormal.answer !== 'met') return abnormal;
  const dueToLupus = facts.boolean(name);
  if (dueToLupus === undefined) return unknown([name]);
  return dueToLupus ? notMet(`eligibility.reason.${name}.yes`, abnormal.reason.values) : abnormal;
}

function positive(facts: FactReader, name: 'hiv' | 'htlv' | 'hbsAg' | 'hcv'): Finding {
  const result = facts.oneOf(name, ['negative', 'positive'] as const);
  if (result === undefined) return unknown([name]);
  return result === 'positive'
    ? met(`eligibility.reason.${name}.positive`)
    : notMet(`eligibility.reason.${name}.negative`);
}

function immunosuppressantFailure(facts: FactReader): Finding {
  const answers = facts.booleanMap('immunosuppressantFailure');
  // The drugs are the regimens' keys, which `satisfies` checks against the schema's list at compile time.
  const drugs = Object.keys(REFRACTORY_REGIMENS.immunosuppressants) as ImmunosuppressantId[];
  const findings = drugs.map((drug) => {
    const failed = answers?.[drug];
    if (failed === undefined) return unknown(['immunosuppressantFailure']);
    return failed
      ? met('eligibility.reason.immunosuppressantFailure.yes', { drug })
      : notMet('eligibility.reason.immunosuppressantFailure.none');
  });
  return anyOf(findings);
}

function stableTreatment(facts: FactReader, screening: CalendarDate | undefined): Finding {
  if (!screening) return unknown(['screeningDate']);
  const since = facts.pastDate('stableTreatmentSince');
  if (!since) return unknown(['stableTreatmentSince']);
  const values = { days: daysBetween(since, screening), atLeast: T.stableTreatmentDaysAtLeast };
  return values.days >= T.stableTreatmentDaysAtLeast
    ? met('eligibility.reason.stableTreatmentDays', values)
    : notMet('eligibility.reason.stableTreatmentDays', values);
}

/**
 * "Within N months of baseline", in calendar months back from the assessment date, the first day included:
 * a last dose exactly 2 months earlier (same day of the month) is still within, so the wash-out is complete
 * from the next day on. The synopsis does not say; the conservative reading was chosen.
 */
function lastDoseWithin(
  facts: FactReader,
  screening: CalendarDate | undefined,
  name: 'lastBelimumabDate' | 'lastBCellDepletingDate',
  months: number,
): Finding {
  const last = facts.lastDose(name);
  if (last === undefined) return unknown([name]);
  if (last === 'never') return notMet(`eligibility.reason.${name}.never`);
  if (!screening) return unknown(['screeningDate']);
  const values = { date: formatCalendarDate(last), months };
  return compareCalendarDates(last, addMonths(screening, -months)) >= 0
    ? met(`eligibility.reason.${name}`, values)
    : notMet(`eligibility.reason.${name}`, values);
}

type Sex = 'F' | 'M';
const sexOf = (facts: FactReader): Sex | undefined => facts.oneOf('sex', ['F', 'M'] as const);

/**
 * "Pregnant". Only a woman of child-bearing potential needs a test; a positive test entered for any woman counts
 * (safety first), even if she was recorded as without child-bearing potential.
 */
function pregnancy(facts: FactReader): Finding {
  const sex = sexOf(facts);
  if (sex === undefined) return unknown(['sex']);
  if (sex === 'M') return notMet('eligibility.reason.notApplicableMale');
  const test = facts.oneOf('pregnancyTest', ['negative', 'positive'] as const);
  if (test === 'positive') return met('eligibility.reason.pregnancyTest.positive');
  if (test === 'negative') return notMet('eligibility.reason.pregnancyTest.negative');
  const potential = facts.boolean('childbearingPotential');
  if (potential === undefined) return unknown(['childbearingPotential']);
  return potential ? unknown(['pregnancyTest']) : notMet('eligibility.reason.childbearingPotential.no');
}

function breastfeeding(facts: FactReader): Finding {
  const sex = sexOf(facts);
  if (sex === undefined) return unknown(['sex']);
  if (sex === 'M') return notMet('eligibility.reason.notApplicableMale');
  return fromBoolean('breastfeeding', facts.boolean('breastfeeding'));
}

/**
 * "Contraception required but not effective". Required for a woman of child-bearing potential and for a man
 * whose partner is of child-bearing potential (synopsis I7: "chez les hommes avec son partenaire en âge de
 * procréer").
 */
function contraceptionLacking(facts: FactReader): Finding {
  const sex = sexOf(facts);
  if (sex === undefined) return unknown(['sex']);
  const requiredBy = sex === 'F' ? 'childbearingPotential' : 'partnerChildbearingPotential';
  const required = facts.boolean(requiredBy);
  if (required === undefined) return unknown([requiredBy]);
  if (!required) return notMet('eligibility.reason.contraceptionNotRequired');
  return not(fromBoolean('effectiveContraception', facts.boolean('effectiveContraception')));
}
