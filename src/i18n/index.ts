import i18next, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import fr from './fr';

export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'fr';
const STORAGE_KEY = 'chevet.language';

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

export function isLanguage(value: unknown): value is Language {
  return LANGUAGES.includes(value as Language);
}

export function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

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
  document.documentElement.lang = language;
  return i18next;
}

/** Switches the interface language and remembers it on this tablet. */
export async function changeLanguage(language: Language) {
  await i18next.changeLanguage(language);
  document.documentElement.lang = language;
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode or full storage: the switch still applies for this session.
  }
}
