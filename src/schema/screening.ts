import { z } from 'zod';
import { isoDateSchema } from './common';
import { eligibilityFactsSchema } from './eligibility';

// The `eligibility` record kind (issue 20): the screening facts of one participant, the date the assessment is
// made as of, the informed-consent date, and the verdict the clinical core gave on them when saved (stored so
// that the list, the review and the signature read the same answer; the command recomputes it on every save).

export const eligibilityVerdictSchema = z.enum(['eligible', 'ineligible', 'incomplete']);
export type EligibilityVerdict = z.infer<typeof eligibilityVerdictSchema>;

export const eligibilityRecordSchema = z.strictObject({
  /** The date the assessment is made as of (screening, or again at baseline M0). */
  screeningDate: isoDateSchema,
  /** The date the participant signed the informed consent: no study procedure may precede it. */
  consentDate: isoDateSchema.optional(),
  facts: eligibilityFactsSchema,
  verdict: eligibilityVerdictSchema,
  /** The criteria that exclude (I not met, NI met), in protocol order. */
  excludedBy: z.array(z.string().max(8)).max(30),
});
export type EligibilityRecord = z.infer<typeof eligibilityRecordSchema>;
