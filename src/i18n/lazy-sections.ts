import i18next from 'i18next';

/**
 * A workflow's catalogue sections travel with its lazy routes, not in the initial bundle (issue 12's budget): they
 * are added to a language's catalogue once that catalogue is there (now, when it loads, when the language changes).
 * A language not loaded yet is left alone — giving it a bundle now would make i18next think it loaded and never
 * fetch the rest. `probe` is a key of the sections, to add them once.
 */
export function addSectionsWhenLoaded(sections: Record<string, object>, probe: string) {
  const register = (language: string) => {
    const bundle = sections[language];
    if (
      bundle &&
      !!i18next.store &&
      i18next.hasResourceBundle(language, 'translation') &&
      !i18next.exists(probe, { lng: language })
    )
      i18next.addResourceBundle(language, 'translation', bundle, true, true);
  };
  for (const language of Object.keys(sections)) register(language);
  i18next.on('loaded', (loaded: Record<string, unknown>) => Object.keys(loaded).forEach(register));
  i18next.on('languageChanged', register);
}
