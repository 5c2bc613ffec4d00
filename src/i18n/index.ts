import i18next, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import fr from './fr';
import { LANGUAGE_STORAGE_KEY, LANGUAGES, storedLanguage, type Language } from './stored-language';

export { DEFAULT_LANGUAGE, isLanguage, LANGUAGES, storedLanguage, type Language } from './stored-language';

// French, the default, is in the initial bundle: a catalogue fetched after the main script would delay the first
// screen by a round trip (issue 12, figure 2). English is its own chunk, loaded on demand (precached offline).
const catalogues: Record<Language, () => Promise<{ default: object }>> = {
  fr: async () => ({ default: fr }),
  en: () => import('./en'),
};

const lazyCatalogues: BackendModule = {
  type: 'backend',
  init() {},
  read(language, _namespace, callback) {
    const load = catalogues[language as Language];
    if (!load) return callback(new Error(`no catalogue for ${language}`), null);
    load().then(
      (module) => callback(null, module.default as never),
      (error: unknown) => callback(error as Error, null),
    );
  },
};

export async function initI18n(language: Language = storedLanguage()) {
  await i18next
    .use(lazyCatalogues)
    .use(initReactI18next)
    .init({
      lng: language,
      resources: { fr: { translation: fr } },
      // The bundled French is complete; other languages still come through the backend above.
      partialBundledLanguages: true,
      fallbackLng: false,
      supportedLngs: [...LANGUAGES],
      load: 'currentOnly',
      interpolation: { escapeValue: false }, // React escapes.
      react: { useSuspense: false },
    });
  // No document when the first screen is prerendered at build time (src/boot/prerender.tsx).
  if (typeof document !== 'undefined') document.documentElement.lang = language;
  return i18next;
}

/** Switches the interface language and remembers it on this tablet. */
export async function changeLanguage(language: Language) {
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // Private mode or full storage: the switch still applies for this session.
  }
}
