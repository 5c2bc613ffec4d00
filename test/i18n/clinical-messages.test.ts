import { describe, expect, it } from 'vitest';
import { assessEligibility, reconcileInfusionReaction } from '@/domain';
import { SCREENING_MESSAGES } from '@/features/screening/messages';
import enShell from '@/i18n/en';
import frShell from '@/i18n/fr';

// The screening's sections load with its routes: the catalogues as the screening screens see them.
const fr = { ...frShell, ...SCREENING_MESSAGES.fr };
const en = { ...enShell, ...SCREENING_MESSAGES.en };

// The keys the clinical rules return, and the readings their screens show beside the result (issue 18), exist in
// both catalogues with the values the rules give.
const lookup = (catalogue: object, key: string): unknown =>
  key
    .split('.')
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], catalogue);

describe('messages of the clinical rules', () => {
  const both = reconcileInfusionReaction({ present: ['infusionRelatedReaction', 'allergicReaction'] });
  const age = assessEligibility({ birthDate: '2007-03-01' }, '2025-03-01').criteria.find(
    (c) => c.id === 'I1',
  )!;
  const keys = [
    both.status === 'question' ? both.question : 'unreachable',
    age.reason.key,
    'clinical.infusionReaction.rule',
    'clinical.infusionReaction.recordedAsSign',
    'clinical.proteinuriaDoubling.threshold',
    'clinical.proteinuriaDoubling.reading',
    'clinical.steroidSparing.period',
    'clinical.tolerance.window',
  ];

  it.each(keys)('%s is in the French and the English catalogue', (key) => {
    expect(typeof lookup(fr, key)).toBe('string');
    expect(typeof lookup(en, key)).toBe('string');
  });

  it('names in the age reason every value the rule gives', () => {
    expect(age.reason).toMatchObject({ key: 'eligibility.reason.ageYears', values: { age: 18 } });
    for (const catalogue of [fr, en]) {
      const text = lookup(catalogue, age.reason.key) as string;
      for (const name of Object.keys(age.reason.values ?? {})) expect(text).toContain(`{{${name}}}`);
    }
  });
});
