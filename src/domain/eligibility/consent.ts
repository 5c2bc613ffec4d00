import { compareCalendarDates, parseCalendarDate } from '@/domain/schedule/calendar-date';

// Informed consent comes first (synopsis, inclusion criterion 8; Code de la santé publique L1122-1-1): no study
// procedure may be dated before the participant signed the consent. A procedure on the day of the consent is
// allowed (consent in the morning, blood drawn after): only an earlier date is refused.

export type ConsentProblem =
  /** A procedure is dated but no consent date is recorded. */
  | { problem: 'consentMissing'; procedure: string; date: string }
  /** A procedure is dated before the consent. */
  | { problem: 'procedureBeforeConsent'; procedure: string; date: string; consentDate: string };

/**
 * Every dated procedure that does not follow the consent, in the order given. `procedures` maps a procedure's
 * id (screening, inclusion, infusion…) to its date 'YYYY-MM-DD' (undefined = not dated yet, ignored).
 */
export function consentProblems(
  consentDate: string | undefined,
  procedures: Readonly<Record<string, string | undefined>>,
): ConsentProblem[] {
  const consent = parseCalendarDate(consentDate);
  const problems: ConsentProblem[] = [];
  for (const [procedure, date] of Object.entries(procedures)) {
    const when = parseCalendarDate(date);
    if (!date || !when) continue;
    if (!consent) problems.push({ problem: 'consentMissing', procedure, date });
    else if (compareCalendarDates(when, consent) < 0)
      problems.push({ problem: 'procedureBeforeConsent', procedure, date, consentDate: consentDate! });
  }
  return problems;
}
