import { renderToString } from 'react-dom/server';
import { AppRoot } from '@/app/AppRoot';
import { startTabLock } from '@/app/TabGate';
import type { ChevetDb } from '@/db/database';
import type { TabletPerson } from '@/db/people';
import { initI18n } from '@/i18n';
import { ROLES } from '@/schema/common';
import { configureSession, resetSession, useSession } from '@/session/session-store';
import { snapshotForHydration } from './hydration';

export { FIRST_SCREEN_DATA_ID } from './boot';
import { NAME_SLOT, type FirstScreenTemplates } from './markup';

// Build time (scripts/prerender-plugin.mjs, in Node): the app's first screens rendered by react-dom/server in
// French, the default language, from the same tree and state the app hydrates them with (src/main.tsx). A
// person's name is left as NAME_SLOT for the boot script to fill in (src/boot/markup.ts).

/** A tablet person as the lock screen sees them (the PIN's verifier is never shown, only its presence counts). */
export function prerenderPerson(
  role: TabletPerson['role'],
  options: { userId?: string; displayName?: string; blocked?: boolean; lastUnlockAt?: string } = {},
): TabletPerson {
  return {
    userId: options.userId ?? `prerender-${role}`,
    username: 'prerender',
    displayName: options.displayName ?? NAME_SLOT,
    role,
    deviceId: 'prerender-device',
    pin: { algorithm: 'PBKDF2-SHA256', salt: '', iterations: 1, hash: '' },
    failedPinCount: 0,
    offlineUnlockDisabled: options.blocked ?? false,
    lastOnlineSignInAt: '2026-01-01T00:00:00.000Z',
    ...(options.lastUnlockAt ? { lastUnlockAt: options.lastUnlockAt } : {}),
  };
}

// The tab holds the active-tab lock at once (the app hydrates only then).
const grantedLock = {
  request: (_name: string, _options: object, hold: (lock: unknown) => unknown) => {
    void hold({});
    return new Promise(() => undefined);
  },
};

/** The app's first render for a tablet holding these people (in the lock screen's order), as HTML. */
export async function renderFirstScreen(people: TabletPerson[]): Promise<string> {
  await initI18n('fr');
  resetSession();
  const restore = configureSession({
    db: () => ({ people: { toArray: async () => people } }) as unknown as ChevetDb,
  });
  try {
    await useSession.getState().init();
    startTabLock(grantedLock);
    snapshotForHydration();
    return renderToString(<AppRoot />);
  } finally {
    restore();
  }
}

const between = (html: string, start: number, end: number) => html.slice(start, end);

export async function prerenderFirstScreens(): Promise<FirstScreenTemplates> {
  const templates: FirstScreenTemplates = {
    signIn: await renderFirstScreen([]),
    unlock: {},
    list: { before: '', after: '', item: {} },
  };
  for (const role of ROLES) {
    templates.unlock[role] = await renderFirstScreen([prerenderPerson(role)]);
    const item = { open: '', blocked: '' };
    for (const blocked of [false, true]) {
      const two = [1, 2].map((n) => prerenderPerson(role, { userId: `prerender-${n}`, blocked }));
      const html = await renderFirstScreen(two);
      const first = html.indexOf('<li');
      const last = html.lastIndexOf('</li>') + '</li>'.length;
      const one = between(html, first, html.indexOf('</li>') + '</li>'.length);
      if (first < 0 || html.slice(first, last) !== one + one)
        throw new Error('prerender: the lock screen list is not one item per person');
      item[blocked ? 'blocked' : 'open'] = one;
      templates.list.before = html.slice(0, first);
      templates.list.after = html.slice(last);
    }
    templates.list.item[role] = item;
  }
  resetSession();
  return templates;
}
