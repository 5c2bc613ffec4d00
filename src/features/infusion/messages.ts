import i18next from 'i18next';
import en from './messages.en';
import fr from './messages.fr';

// The infusion screens' messages join the catalogue when the lazy route loads, so the initial bundle (budget
// 200 kB gz) carries only what the shell needs of this workflow (alarms, number pad, schedule labels).
function add() {
  i18next.addResourceBundle('fr', 'translation', fr, true, false);
  i18next.addResourceBundle('en', 'translation', en, true, false);
}
if (i18next.isInitialized) add();
else i18next.on('initialized', add);
