import type { TabletPerson } from '@/db/people';
import type { FirstScreenTemplates } from './markup';

// What the page's boot script (src/boot/early.ts, run before the app's bundle) hands to the app.

export type ChevetBoot = {
  /** Who may unlock this tablet, read with raw IndexedDB (null: not readable, ask Dexie). */
  people: Promise<TabletPerson[] | null>;
  /** The first screen the boot script put into the page from the prerendered markup, if it did. */
  rendered?: 'sign-in' | 'locked';
  /** The id of a form the person submitted before the app hydrated it: submitted again once it can be. */
  pendingSubmit?: string;
  /** Set when React has hydrated the prerendered screen: from then on the app handles every event. */
  hydrated?: boolean;
};

/** The data block of index.html that the build writes (scripts/prerender-plugin.mjs). */
export type FirstScreenData = {
  /** The app's entry module, started by the boot script once the first screen is in the page. */
  main: string;
  /** The modules the entry imports, preloaded as it starts. */
  preload: string[];
  templates: FirstScreenTemplates;
};

export const FIRST_SCREEN_DATA_ID = 'chevet-first-screen';

declare global {
  interface Window {
    chevetBoot?: ChevetBoot;
  }
}

export function chevetBoot(): ChevetBoot | undefined {
  return typeof window === 'undefined' ? undefined : window.chevetBoot;
}
