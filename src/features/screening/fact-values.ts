import type { EligibilityFacts, EligibilityFactId } from '@/schema/eligibility';
import { dateTextFromIso, isoFromDateText } from '@/ui/date-time-entry';
import { parseDecimal } from '@/ui/format';
import {
  CRITERION_FACTS,
  factBounds,
  IDENTITY_FACTS,
  IMMUNOSUPPRESSANT_IDS,
  type FactInput,
} from './eligibility-fields';

// The eligibility form's values (texts as typed, 'yes'/'no', 'negative'/'positive') ⇄ the screening facts. A
// value that cannot be read, or lies outside its entry bounds, is refused: it is left out of the facts (so its
// criterion stays unknown, never guessed) and reported with why, for the field to say so.

export type FormValues = Record<string, string>;

export type FieldProblem =
  | { problem: 'notANumber' }
  | { problem: 'outOfBounds'; min: number; max: number }
  | { problem: 'dateInvalid' }
  | { problem: 'dateFuture' };

export const ALL_FACT_INPUTS: FactInput[] = [...IDENTITY_FACTS, ...Object.values(CRITERION_FACTS).flat()];

export const immunosuppressantField = (drug: string) => `imm_${drug}`;

export function readFacts(
  values: FormValues,
  today: string,
): { facts: EligibilityFacts; problems: Partial<Record<string, FieldProblem>> } {
  const facts: Record<string, unknown> = {};
  const problems: Partial<Record<string, FieldProblem>> = {};
  const date = (name: string): string | undefined => {
    const text = (values[name] ?? '').trim();
    if (!text) return undefined;
    const iso = isoFromDateText(text);
    if (!iso) problems[name] = { problem: 'dateInvalid' };
    else if (iso > today) problems[name] = { problem: 'dateFuture' };
    else return iso;
    return undefined;
  };
  for (const input of ALL_FACT_INPUTS) {
    const text = (values[input.id] ?? '').trim();
    switch (input.type) {
      case 'number': {
        if (!text) break;
        const value = parseDecimal(text);
        const bounds = factBounds(input.id);
        if (value === undefined || (input.step === 'integer' && !Number.isInteger(value)))
          problems[input.id] = { problem: 'notANumber' };
        else if (value < bounds.min || value > bounds.max)
          problems[input.id] = { problem: 'outOfBounds', ...bounds };
        else facts[input.id] = value;
        break;
      }
      case 'date': {
        const iso = date(input.id);
        if (iso) facts[input.id] = iso;
        break;
      }
      case 'lastDose': {
        if (values[`${input.id}_never`] === 'yes') facts[input.id] = 'never';
        else {
          const iso = date(input.id);
          if (iso) facts[input.id] = iso;
        }
        break;
      }
      case 'boolean':
        if (text === 'yes' || text === 'no') facts[input.id] = text === 'yes';
        break;
      case 'serology':
        if (text === 'negative' || text === 'positive') facts[input.id] = text;
        break;
      case 'sex':
        if (text === 'F' || text === 'M') facts[input.id] = text;
        break;
      case 'immunosuppressants': {
        const answers: Record<string, boolean> = {};
        for (const drug of IMMUNOSUPPRESSANT_IDS) {
          const answer = values[immunosuppressantField(drug)];
          if (answer === 'yes' || answer === 'no') answers[drug] = answer === 'yes';
        }
        if (Object.keys(answers).length > 0) facts.immunosuppressantFailure = answers;
        break;
      }
    }
  }
  return { facts: facts as EligibilityFacts, problems };
}

/** The form's values showing saved facts. */
export function valuesFromFacts(facts: EligibilityFacts): FormValues {
  const values: FormValues = {};
  for (const input of ALL_FACT_INPUTS) {
    const value = facts[input.id as EligibilityFactId];
    if (value === undefined) continue;
    if (input.type === 'immunosuppressants') {
      for (const [drug, failed] of Object.entries(facts.immunosuppressantFailure ?? {}))
        values[immunosuppressantField(drug)] = failed ? 'yes' : 'no';
    } else if (input.type === 'lastDose' && value === 'never') values[`${input.id}_never`] = 'yes';
    else if (input.type === 'date' || input.type === 'lastDose')
      values[input.id] = dateTextFromIso(String(value));
    else if (typeof value === 'boolean') values[input.id] = value ? 'yes' : 'no';
    else values[input.id] = String(value).replace('.', ',');
  }
  return values;
}
