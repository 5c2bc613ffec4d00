// @vitest-environment happy-dom
import { act } from '@testing-library/react';
import { hydrateRoot, type Root } from 'react-dom/client';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AppRoot } from '@/app/AppRoot';
import { startTabLock } from '@/app/TabGate';
import type { ChevetDb } from '@/db/database';
import type { TabletPerson } from '@/db/people';
import { firstScreenHint } from '@/boot/first-screen-hint';
import { snapshotForHydration } from '@/boot/hydration';
import { firstScreenMarkup, type FirstScreenTemplates } from '@/boot/markup';
import { prerenderFirstScreens, prerenderPerson, renderFirstScreen } from '@/boot/prerender';
import { configureSession, resetSession, useSession } from '@/session/session-store';

// The prerendered first screen (issue 25) must be the app's own first render for the tablet's people, or React
// throws it away (and the PIN typed into it).

const nurse = prerenderPerson('nurse', { userId: 'n', displayName: "Zoé O'Brien & <Cie>" });
const physician = prerenderPerson('physician', { userId: 'p', displayName: 'Dr "Martin"' });
const blocked = prerenderPerson('data-manager', { userId: 'd', displayName: 'Léa', blocked: true });

let templates: FirstScreenTemplates;
beforeAll(async () => {
  templates = await prerenderFirstScreens();
});

describe('the first screen filled in by the boot script', () => {
  it.each([
    ['nobody: the sign-in form', []],
    ['one person: their PIN field', [nurse]],
    ['another role', [physician]],
    ['several people, one blocked: the list', [physician, blocked, nurse]],
  ] as [string, TabletPerson[]][])('%s is the app’s first render', async (_, people) => {
    const markup = firstScreenMarkup(templates, people);
    expect(markup).toBe(await renderFirstScreen(people));
    expect(markup).not.toContain('<Cie>'); // names are escaped
    // The hint (localStorage) holds all that the screen needs of them.
    expect(firstScreenMarkup(templates, firstScreenHint(people))).toBe(markup);
  });

  it('is left to the app for a person alone whose offline unlock is blocked', () => {
    expect(firstScreenMarkup(templates, [blocked])).toBeNull();
  });
});

describe('hydrating it', () => {
  let root: Root | undefined;
  afterEach(() => {
    act(() => root?.unmount());
    root = undefined;
    window.chevetBoot = undefined;
    resetSession();
  });

  async function hydrate(people: TabletPerson[], before: (page: HTMLElement) => void) {
    const page = document.createElement('div');
    document.body.replaceChildren(page);
    page.innerHTML = firstScreenMarkup(templates, people)!;
    const boot = { people: Promise.resolve(people), rendered: 'locked' as const };
    window.chevetBoot = boot;
    before(page);
    resetSession();
    configureSession({ db: () => ({ people: { toArray: async () => people } }) as unknown as ChevetDb });
    await useSession.getState().init();
    startTabLock({ request: (_n, _o, hold) => (void hold({}), new Promise(() => undefined)) });
    const unlock = vi.fn(async () => ({ ok: true as const }));
    useSession.setState({ unlock });
    const errors: unknown[] = [];
    snapshotForHydration();
    await act(async () => {
      root = hydrateRoot(page, <AppRoot />, {
        onRecoverableError: (error) => errors.push(error),
      });
    });
    return { page, unlock, errors, boot };
  }

  it('keeps the PIN typed before, as the same field, and makes the Enter pressed before', async () => {
    let field!: HTMLInputElement;
    const { page, unlock, errors, boot } = await hydrate([nurse], (page) => {
      field = page.querySelector('#unlock-pin')!;
      field.value = '4829';
      window.chevetBoot!.pendingSubmit = 'unlock-form';
    });
    expect(errors).toEqual([]);
    expect(page.querySelector('#unlock-pin')).toBe(field);
    // Submitted with the PIN typed before (then cleared, as after any unlock attempt).
    expect(unlock).toHaveBeenCalledWith('n', '4829');
    expect(boot).toMatchObject({ hydrated: true, pendingSubmit: undefined });
  });

  it('keeps the PIN typed before without submitting it: the button is enabled for it', async () => {
    const { page, unlock, errors } = await hydrate([nurse], (page) => {
      page.querySelector<HTMLInputElement>('#unlock-pin')!.value = '48';
    });
    expect(errors).toEqual([]);
    expect(unlock).not.toHaveBeenCalled();
    expect(page.querySelector<HTMLButtonElement>('button[type="submit"]')!.disabled).toBe(false);
  });

  it('hydrates the list of people without a mismatch', async () => {
    const { page, errors } = await hydrate([physician, blocked, nurse], () => undefined);
    expect(errors).toEqual([]);
    expect(page.querySelectorAll('.person-button')).toHaveLength(3);
  });
});
