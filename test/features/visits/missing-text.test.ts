import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { missingText } from '@/features/visits/EndpointWhy';
import { sf36MissingText } from '@/features/visits/RunningScore';
import '@/features/visits/messages';
import { initI18n } from '@/i18n';
import { BILAG_SYSTEMS } from '@/schema/instruments';

// What an endpoint still needs, in words: each visit once, a whole visit not entered said so (it read "M6 ·"),
// a visit's missing BILAG systems under one "BILAG".

beforeAll(async () => {
  await initI18n('fr');
});

describe('missingText', () => {
  const t = i18next.t.bind(i18next);

  it('says a visit is not entered', () => {
    expect(missingText(t, 'fr', 'M6', ['visits.M6'])).toBe('M6 (visite non saisie)');
  });

  it('names each visit once, its BILAG systems together', () => {
    expect(
      missingText(t, 'fr', 'M3', ['followUp.sledai', 'followUp.pga', 'followUp.bilag.renal', 'baseline.pga']),
    ).toBe('M3 : SLEDAI, PGA, BILAG (Rénal) ; M0 : PGA');
  });

  it('says "every system" when the whole BILAG is missing', () => {
    expect(
      missingText(t, 'fr', 'M9', ['followUp.sledai', ...BILAG_SYSTEMS.map((s) => `followUp.bilag.${s}`)]),
    ).toBe('M9 : SLEDAI, BILAG (tous les systèmes)');
  });

  it('names the other facts an endpoint needs, and keeps an id it does not know as it is', () => {
    expect(
      missingText(t, 'fr', '', [
        'doses.weeks40to52',
        'renalAssessments.baselineProteinuria',
        'creatinineDoubling.confirmation',
        'doses.2026-05-04',
        'somethingNew',
      ]),
    ).toBe(
      'doses de prednisone des semaines 40 à 52 (visite M12), protéinurie de référence (avant la perfusion), ' +
        'confirmation du doublement de la créatinine, dose de prednisone du 04/05/2026 saisie deux fois, somethingNew',
    );
  });

  it('lists the SF-36’s unanswered questions in order, numbered as the form numbers them, runs as spans', () => {
    const ids = [
      'scale.physicalFunctioning',
      ...[3, 4, 5, 6, 7, 8, 9, 10, 1, 33, 34, 21, 23].map((n) => `item${n}`),
    ];
    expect(sf36MissingText(t, ids)).toBe('questions 1, 3a–3h, 7, 9a, 11a, 11b');
    expect(sf36MissingText(t, ['item12'])).toBe('question 3j');
  });
});
