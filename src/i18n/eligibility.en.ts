import type { eligibilityFr } from './eligibility.fr';

// English messages of the eligibility assessment; same keys as eligibility.fr.ts (the type checks it).
export const eligibilityEn: typeof eligibilityFr = {
  reason: {
    ageYears:
      '{{age}} years on the assessment date; criterion I1 "age > 18 and < 70 years" read as an adult trial means it: met from the 18th birthday ({{atLeast}} years) until the day before the 70th ({{below}} years).',
  },
};
