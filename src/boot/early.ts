import { storedLanguage } from '@/i18n/stored-language';
import { FIRST_SCREEN_DATA_ID, type ChevetBoot, type FirstScreenData } from './boot';
import { firstScreen, readUnlockablePeople } from './early-read';
import { readFirstScreenHint, type HintPerson } from './first-screen-hint';
import { firstScreenMarkup } from './markup';

// The page's boot script, inline in index.html right after the root and the first screen's data block (written
// there by scripts/prerender-plugin.mjs, allowed by its hash in the CSP: server/csp.ts), run as the page is
// parsed, before the app's bundle: it puts the first screen (the sign-in form or the lock screen, prerendered at
// build time) into the page at once, as the localStorage hint says (src/boot/first-screen-hint.ts), reads who
// may unlock this tablet with raw IndexedDB, corrects the screen if the hint was wrong, then starts the app,
// which hydrates that screen (src/main.tsx). Whatever happens here, the app starts: at worst it renders the
// screen itself.

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

function boot() {
  performance.mark('chevet:boot');
  // Started at once: the browser takes tens of milliseconds to open a database at a cold start.
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

  let shown: string | null = null;
  const show = (people: readonly HintPerson[]) => {
    const markup = firstScreenMarkup(data.templates, people);
    if (markup === null || markup === shown) return;
    root.innerHTML = markup;
    shown = markup;
    performance.mark('chevet:first-screen');
    state.rendered = firstScreen(people).screen;
    // Focused as the screen is painted (the focus lays the page out, which its paint does anyway).
    requestAnimationFrame(() => root.querySelector<HTMLInputElement>('#unlock-pin')?.focus());
  };
  const hint = readFirstScreenHint();
  if (hint) show(hint);
  void state.people
    .then((people) => {
      const markup = people && firstScreenMarkup(data.templates, people);
      if (markup && !started) show(people!);
      // The hint showed a screen the database does not confirm (or the app has started meanwhile): the app
      // renders the right one itself.
      if (markup !== shown) state.rendered = undefined;
    })
    .catch(() => (state.rendered = undefined))
    // After the first screen is painted: the bundle's fetching and compiling would hold that paint back.
    .finally(() => requestAnimationFrame(() => setTimeout(startApp)));
}

try {
  boot();
} catch (error) {
  console.error(error);
  window.chevetBoot = undefined;
  startApp();
}
