import { fieldNamesEn } from '@/i18n/field-names.en';
import { fieldNamesFr } from '@/i18n/field-names.fr';
import { addSectionsWhenLoaded } from '@/i18n/lazy-sections';

// The fields' names and the coded values' words travel with the screens that show a record's fields (the history,
// the conflicts, the queries), not in the initial bundle.
addSectionsWhenLoaded({ fr: fieldNamesFr, en: fieldNamesEn }, 'fieldNames.trialNumber');
