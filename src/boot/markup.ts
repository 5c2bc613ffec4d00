import type { Role } from '@/schema/common';
import { firstScreen } from './early-read';
import type { HintPerson } from './first-screen-hint';

// The first screen's markup, put into the page by the boot script before the app's bundle runs, then hydrated by
// React (src/main.tsx). The templates are the real screens rendered at build time by react-dom/server in French
// (src/boot/prerender.tsx); only a person's name is filled in here. A test renders the same screens for the same
// people and compares: the markup must be the app's own first render, or React would throw it away.

/** Where a person's name stands in a template. */
export const NAME_SLOT = '\u27E6name\u27E7';

export type FirstScreenTemplates = {
  /** The online sign-in form (nobody can unlock this tablet yet). */
  signIn: string;
  /** The lock screen offering the one person of this tablet their PIN field, by the person's role. */
  unlock: Partial<Record<Role, string>>;
  /** The lock screen's list of people (two or more): the markup before the items, each item, the markup after. */
  list: {
    before: string;
    after: string;
    item: Partial<Record<Role, { open: string; blocked: string }>>;
  };
};

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#x27;',
};
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
const fill = (template: string, person: HintPerson) =>
  template.split(NAME_SLOT).join(escapeHtml(person.displayName));

/**
 * The markup of the app's first screen for these people (those who can unlock, in the lock screen's order), or
 * null when it is not prerendered (a person whose offline unlock is blocked: the app renders that screen itself).
 */
export function firstScreenMarkup(
  templates: FirstScreenTemplates,
  people: readonly HintPerson[],
): string | null {
  const { screen, lockedUserId } = firstScreen(people);
  if (screen === 'sign-in') return templates.signIn;
  const single = people.find((person) => person.userId === lockedUserId);
  if (single) {
    const unlock = templates.unlock[single.role];
    return unlock && !single.offlineUnlockDisabled ? fill(unlock, single) : null;
  }
  const items: string[] = [];
  for (const person of people) {
    const item = templates.list.item[person.role];
    if (!item) return null;
    items.push(fill(person.offlineUnlockDisabled ? item.blocked : item.open, person));
  }
  return templates.list.before + items.join('') + templates.list.after;
}
