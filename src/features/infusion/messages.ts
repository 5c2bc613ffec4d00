import { addSectionsWhenLoaded } from '@/i18n/lazy-sections';
import en from './messages.en';
import fr from './messages.fr';

// The infusion screens' messages join the catalogue when the lazy route loads, so the initial bundle (budget
// 200 kB gz) carries only what the shell needs of this workflow (alarms, number pad, schedule labels). Added to
// a language once its own catalogue is there: an English bundle of these keys alone, added while the tablet was
// in French, made i18next take English for loaded, and English then showed the catalogue's keys everywhere else.
addSectionsWhenLoaded({ fr, en }, 'infusion.checklist.title');
