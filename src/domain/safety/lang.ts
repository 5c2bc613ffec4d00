/** The interface languages (architecture.md: French by default, English on request). */
export type Lang = 'fr' | 'en';
