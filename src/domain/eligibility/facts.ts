import type { EligibilityFacts } from '@/schema/eligibility';
import { complete, incomplete, type Scored } from '@/domain/result';
import {
  compareCalendarDates,
  formatCalendarDate,
  parseCalendarDate,
  type CalendarDate,
} from '@/domain/schedule/calendar-date';
import { ageAt } from './age';
import { ckdEpi2021, cockcroftGault, renalInputProblems } from './renal';

// Reading screening facts defensively. The command layer validates entries with the zod schema
// (src/schema/eligibility.ts) before storing them; the domain still never trusts its input: a fact of the
// wrong type, a non-finite or negative number, a non-existent date or a date after the screening date is
// treated as absent and reported as invalid, so it yields 'unknown', never a plausible number.

type FactsOfType<T> = {
  [K in keyof EligibilityFacts]-?: NonNullable<EligibilityFacts[K]> extends T ? K : never;
}[keyof EligibilityFacts];

export type FactReader = {
  boolean(name: FactsOfType<boolean>): boolean | undefined;
  /** A finite number ≥ 0. */
  number(name: FactsOfType<number>): number | undefined;
  /** A calendar date not after the screening date. */
  pastDate(name: 'birthDate' | 'stableTreatmentSince'): CalendarDate | undefined;
  /** A past date, or 'never'. */
  lastDose(name: 'lastBelimumabDate' | 'lastBCellDepletingDate'): CalendarDate | 'never' | undefined;
  oneOf<T extends string>(name: keyof EligibilityFacts, values: readonly T[]): T | undefined;
  /** Immunosuppressant id → true/false, for the ids answered with a boolean. */
  booleanMap(name: 'immunosuppressantFailure'): Record<string, boolean> | undefined;
  /** The names of facts present but unusable, in the order they were first read. */
  readonly invalid: string[];
};

export function factReader(facts: unknown, screeningDate: CalendarDate | undefined): FactReader {
  const record = isRecord(facts) ? facts : {};
  const invalid: string[] = [];
  function read<T>(name: string, accept: (value: unknown) => T | undefined): T | undefined {
    const value = record[name];
    if (value === undefined || value === null) return undefined;
    const accepted = accept(value);
    if (accepted === undefined && !invalid.includes(name)) invalid.push(name);
    return accepted;
  }
  // Without a usable screening date "not in the future" cannot be checked; the criteria that compare dates
  // then name 'screeningDate' as missing themselves.
  const pastDate = (value: unknown) => {
    const date = parseCalendarDate(value);
    return date && (!screeningDate || compareCalendarDates(date, screeningDate) <= 0) ? date : undefined;
  };
  return {
    boolean: (name) => read(name, (value) => (typeof value === 'boolean' ? value : undefined)),
    number: (name) =>
      read(name, (value) =>
        typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined,
      ),
    pastDate: (name) => read(name, pastDate),
    lastDose: (name) => read(name, (value) => (value === 'never' ? 'never' : pastDate(value))),
    oneOf: <T extends string>(name: string, values: readonly T[]) =>
      read(name, (value) => values.find((allowed) => allowed === value)),
    booleanMap: (name) =>
      read(name, (value) =>
        isRecord(value) &&
        Object.values(value).every((answer) => answer === undefined || typeof answer === 'boolean')
          ? (Object.fromEntries(Object.entries(value).filter(([, answer]) => answer !== undefined)) as Record<
              string,
              boolean
            >)
          : undefined,
      ),
    invalid,
  };
}

/** Age in whole years at the screening date (inclusion 1, and the age of the renal equations). */
export function ageAtScreening(facts: FactReader, screeningDate: string): Scored<{ ageYears: number }> {
  if (!parseCalendarDate(screeningDate)) return incomplete(['screeningDate']);
  const birthDate = facts.pastDate('birthDate');
  if (!birthDate) return incomplete(['birthDate']);
  return complete({ ageYears: ageAt(formatCalendarDate(birthDate), screeningDate) });
}

/**
 * Creatinine clearance by Cockcroft–Gault (the synopsis' "clearance calculée", non-inclusion 2a) and, beside it,
 * the 2021 CKD-EPI eGFR, at the screening date. Rounded as displayed (clearance to 0.1 mL/min, eGFR to
 * 1 mL/min/1.73 m²), so that the criterion decides on the number the physician sees, and floating-point noise
 * (29.999999…) cannot exclude a clearance of exactly 30.
 */
export function renalFunction(
  facts: FactReader,
  screeningDate: string,
): Scored<{ ageYears: number; creatinineClearance: number; ckdEpi2021: number }> {
  const age = ageAtScreening(facts, screeningDate);
  const input = {
    ageYears: age.status === 'complete' ? age.ageYears : undefined,
    sex: facts.oneOf('sex', ['F', 'M'] as const),
    weightKg: facts.number('weightKg'),
    creatinineUmolL: facts.number('creatinineUmolL'),
  };
  const problems = renalInputProblems(input, ['ageYears', 'sex', 'weightKg', 'creatinineUmolL']);
  if (problems.length > 0 || age.status === 'incomplete') {
    // Age is derived: name the fact it comes from (an age under 18 is outside the adult equations).
    return incomplete(
      problems.flatMap((field) =>
        field !== 'ageYears' ? [field] : age.status === 'incomplete' ? age.missing : ['birthDate'],
      ),
    );
  }
  const usable = input as { ageYears: number; sex: 'F' | 'M'; weightKg: number; creatinineUmolL: number };
  return complete({
    ageYears: usable.ageYears,
    creatinineClearance: Math.round(cockcroftGault(usable) * 10) / 10,
    ckdEpi2021: Math.round(ckdEpi2021(usable)),
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
