// Three-valued findings: whether a criterion's statement (as the synopsis words it) holds for this person.
// 'met' = the statement is true ("age > 18 and < 70"; "creatinine clearance < 30 mL/min"), 'notMet' = it is
// false, 'unknown' = the facts needed are missing or invalid, named in `missing`. Findings combine like
// Kleene's logic: one true part makes "any of" true even if other parts are unknown, which is what lets a
// single excluding fact rule a person out before the rest of screening is filled.
//
// A reason is an i18n key with values, describing what was found (not the verdict), so the same reason reads
// right under an inclusion and a non-inclusion criterion. Keys are 'eligibility.reason.<what>'.

export type CriterionAnswer = 'met' | 'notMet' | 'unknown';
export type Reason = { key: string; values?: Record<string, string | number> };
export type Finding = { answer: CriterionAnswer; reason: Reason; missing: string[] };

export function met(key: string, values?: Reason['values']): Finding {
  return { answer: 'met', reason: reason(key, values), missing: [] };
}

export function notMet(key: string, values?: Reason['values']): Finding {
  return { answer: 'notMet', reason: reason(key, values), missing: [] };
}

/** Unknown because these facts are missing or invalid. */
export function unknown(missing: readonly string[]): Finding {
  const names = unique(missing);
  return {
    answer: 'unknown',
    reason: { key: 'eligibility.reason.missingFacts', values: { facts: names.join(', ') } },
    missing: names,
  };
}

/** Met when the fact is true, not met when false, unknown (naming it) when absent. */
export function fromBoolean(name: string, value: boolean | undefined): Finding {
  if (value === undefined) return unknown([name]);
  return value ? met(`eligibility.reason.${name}.yes`) : notMet(`eligibility.reason.${name}.no`);
}

/** True if any part is; false only when every part is known false; otherwise unknown. */
export function anyOf(findings: readonly Finding[]): Finding {
  const first = findings.find((finding) => finding.answer === 'met');
  if (first) return first;
  const unknowns = findings.filter((finding) => finding.answer === 'unknown');
  if (unknowns.length > 0) return unknown(unknowns.flatMap((finding) => finding.missing));
  return findings[0] ?? notMet('eligibility.reason.none');
}

/** True only when every part is; false if any part is known false; otherwise unknown. */
export function allOf(findings: readonly Finding[]): Finding {
  const firstFalse = findings.find((finding) => finding.answer === 'notMet');
  if (firstFalse) return firstFalse;
  const unknowns = findings.filter((finding) => finding.answer === 'unknown');
  if (unknowns.length > 0) return unknown(unknowns.flatMap((finding) => finding.missing));
  return findings[findings.length - 1] ?? met('eligibility.reason.none');
}

/** The opposite statement, with the same reason ("pregnancy test positive" → "not pregnant" is false). */
export function not(finding: Finding): Finding {
  if (finding.answer === 'unknown') return finding;
  return { ...finding, answer: finding.answer === 'met' ? 'notMet' : 'met' };
}

export function unique(names: readonly string[]): string[] {
  return [...new Set(names)];
}

function reason(key: string, values: Reason['values']): Reason {
  return values === undefined ? { key } : { key, values };
}
