import i18next from 'i18next';
import { afterAll, describe, expect, it } from 'vitest';
import { initI18n } from '@/i18n';

// A workflow's messages arrive with its lazy route. Loaded while the tablet is in French, they must not make
// i18next take English for loaded: switching to English afterwards showed the catalogue's keys on every screen
// but the infusion's (its messages gave English a bundle of their own keys before English's catalogue).

const SECTIONS = {
  '@/features/infusion/messages': ['infusion.checklist.title', 'Before the infusion'],
  '@/features/screening/messages': ['screening.title', 'Screening, inclusion and dose'],
  '@/features/visits/messages': ['visits.form.sledai', 'SELENA-SLEDAI'],
  '@/features/queries/messages': ['queries.title', undefined],
  '@/features/review/dsmb-messages': ['dsmb.title', undefined],
  '@/session/store-review-messages': ['storeReview.title', undefined],
  '@/session/field-label-messages': ['fieldNames.trialNumber', 'Trial number'],
} as const;

afterAll(async () => {
  await i18next.changeLanguage('fr');
});

describe('lazy message sections', () => {
  it('loaded in French, leave English to load whole when the language changes', async () => {
    await initI18n('fr');
    await Promise.all([
      import('@/features/infusion/messages'),
      import('@/features/screening/messages'),
      import('@/features/visits/messages'),
      import('@/features/queries/messages'),
      import('@/features/review/dsmb-messages'),
      import('@/session/store-review-messages'),
      import('@/session/field-label-messages'),
    ]);
    await i18next.changeLanguage('en');
    // The main catalogue, in English.
    expect(i18next.t('conflicts.yes')).toBe('Yes');
    // Each section, in English too.
    for (const [probe, english] of Object.values(SECTIONS)) {
      expect(i18next.exists(probe), probe).toBe(true);
      if (english) expect(i18next.t(probe)).toBe(english);
    }
  });
});
