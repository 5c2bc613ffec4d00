import i18next from 'i18next';
import en from '@/i18n/visits.en';
import fr from '@/i18n/visits.fr';

// The visit screens' messages (src/i18n/visits.*.ts) travel with the visit routes, not in the initial bundle
// (issue 12's budget): added to a language's catalogue once that catalogue is there. A language not loaded yet is
// left alone — giving it a bundle now would make i18next think it loaded and never fetch the rest.
const BUNDLES = { fr, en } as const;

function register(language: string) {
  const bundle = BUNDLES[language as keyof typeof BUNDLES];
  if (
    bundle &&
    !!i18next.store &&
    i18next.hasResourceBundle(language, 'translation') &&
    !i18next.exists('visits.nav', { lng: language })
  )
    i18next.addResourceBundle(language, 'translation', { visits: bundle }, true, true);
}

for (const language of Object.keys(BUNDLES)) register(language);
i18next.on('loaded', (loaded: Record<string, unknown>) => Object.keys(loaded).forEach(register));
i18next.on('languageChanged', register);
