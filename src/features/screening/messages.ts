import { addSectionsWhenLoaded } from '@/i18n/lazy-sections';
import { eligibilityEn } from '@/i18n/eligibility.en';
import { eligibilityFr } from '@/i18n/eligibility.fr';
import { screeningEn } from '@/i18n/screening.en';
import { screeningFr } from '@/i18n/screening.fr';

// The screening screens' messages (src/i18n/screening.*.ts, eligibility.*.ts) travel with the screening and
// participants routes, not in the initial bundle (~7.5 kB gz).
export const SCREENING_MESSAGES = {
  fr: { screening: screeningFr, eligibility: eligibilityFr },
  en: { screening: screeningEn, eligibility: eligibilityEn },
};
addSectionsWhenLoaded(SCREENING_MESSAGES, 'screening.title');
