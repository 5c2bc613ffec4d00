import { addSectionsWhenLoaded } from '@/i18n/lazy-sections';
import { queriesEn } from '@/i18n/queries.en';
import { queriesFr } from '@/i18n/queries.fr';

// The data queries' messages (src/i18n/queries.*.ts) travel with the queries' routes and panels.
addSectionsWhenLoaded({ fr: { queries: queriesFr }, en: { queries: queriesEn } }, 'queries.title');
