import { addSectionsWhenLoaded } from '@/i18n/lazy-sections';
import { storeReviewEn } from '@/i18n/store-review.en';
import { storeReviewFr } from '@/i18n/store-review.fr';

// The review's and the record history's messages travel with the screens that show them (not the initial bundle).
addSectionsWhenLoaded(
  { fr: { storeReview: storeReviewFr }, en: { storeReview: storeReviewEn } },
  'storeReview.title',
);
