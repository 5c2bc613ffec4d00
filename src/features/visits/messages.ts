import { addSectionsWhenLoaded } from '@/i18n/lazy-sections';
import en from '@/i18n/visits.en';
import fr from '@/i18n/visits.fr';

// The visit screens' messages (src/i18n/visits.*.ts) travel with the visit routes, not in the initial bundle.
addSectionsWhenLoaded({ fr: { visits: fr }, en: { visits: en } }, 'visits.nav');
