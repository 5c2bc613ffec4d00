import { storedLanguage } from '@/i18n/stored-language';
import { FIRST_SCREEN_DATA_ID, type ChevetBoot, type FirstScreenData } from './boot';
import { firstScreen, readUnlockablePeople } from './early-read';
import { firstScreenMarkup } from './markup';

// The page's boot script (an async classic script first in index.html's head, built by scripts/prerender-plugin.mjs),
// run before the app's bundle: it reads who may unlock this tablet with raw IndexedDB, puts the first screen (the
// sign-in form or the lock screen, prerendered at build time) into the page, then starts the app, which hydrates
// that screen (src/main.tsx). Whatever happens here, the app starts: at worst it renders the screen itself.

const WAIT_AT_MOST_MS = 2000;

let main: string | undefined;
let preload: string[] = [];
let started = false;
function startApp() {
  if (started || !main) return;
  started = true;
  for (const href of preload) {
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.crossOrigin = '';
    link.href = href;
    document.head.appendChild(link);
  }
  const script = document.createElement('script');
  script.type = 'module';
  script.crossOrigin = '';
  script.src = main;
  document.head.appendChild(script);
}

/** The page parsed: the root and the data block are there (this script is async, first in the head). */
function parsed(): Promise<void> {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) =>
    document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }),
  );
}

function boot() {
  performance.mark('chevet:boot');
  // Started at once, while the page is still being parsed and its style sheets fetched.
  const state: ChevetBoot = { people: readUnlockablePeople(window.indexedDB) };
  window.chevetBoot = state;

  // Until React has hydrated the screen, a submitted form would be sent by the browser itself (a GET carrying
  // the password): held back, and submitted again by the app (src/boot/hydration.ts). Enter in the PIN field
  // counts too (its button is disabled until the app sees a PIN).
  document.addEventListener(
    'submit',
    (event) => {
      if (state.hydrated) return;
      event.preventDefault();
      state.pendingSubmit = (event.target as HTMLFormElement).id;
    },
    true,
  );
  document.addEventListener(
    'keydown',
    (event) => {
      const form = (event.target as HTMLInputElement).form;
      if (!state.hydrated && event.key === 'Enter' && form) state.pendingSubmit = form.id;
    },
    true,
  );

  void parsed().then(() => {
    const data = JSON.parse(
      document.getElementById(FIRST_SCREEN_DATA_ID)?.textContent ?? 'null',
    ) as FirstScreenData | null;
    if (!data) return;
    main = data.main;
    preload = data.preload;
    const root = document.getElementById('root');
    // The prerendered screens are French (the default language); in English the app renders its own.
    if (!root || storedLanguage() !== 'fr') return startApp();
    setTimeout(startApp, WAIT_AT_MOST_MS);
    void state.people
      .then((people) => {
        const markup = people && firstScreenMarkup(data.templates, people);
        if (!people || markup === null || started) return;
        root.innerHTML = markup;
        performance.mark('chevet:first-screen');
        state.rendered = firstScreen(people).screen;
        root.querySelector<HTMLInputElement>('#unlock-pin')?.focus();
      })
      .catch(() => undefined)
      // After the first screen is painted: the bundle's fetching and compiling would hold that paint back.
      .finally(() => requestAnimationFrame(() => setTimeout(startApp)));
  });
}

try {
  boot();
} catch (error) {
  console.error(error);
  window.chevetBoot = undefined;
  void parsed().then(startApp);
}
