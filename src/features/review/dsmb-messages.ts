import { dsmbEn } from '@/i18n/dsmb.en';
import { dsmbFr } from '@/i18n/dsmb.fr';
import { addSectionsWhenLoaded } from '@/i18n/lazy-sections';

// The DSMB report's messages (src/i18n/dsmb.*.ts) travel with its route, not in the initial bundle.
export const DSMB_MESSAGES = { fr: { dsmb: dsmbFr }, en: { dsmb: dsmbEn } };
addSectionsWhenLoaded(DSMB_MESSAGES, 'dsmb.title');
