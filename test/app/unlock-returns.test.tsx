// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { act, cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, Outlet, RouterProvider } from 'react-router';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AuthGate } from '@/app/auth/AuthGate';
import ParticipantsPage from '@/features/participants/ParticipantsPage';
import ScreeningPage from '@/features/screening/ScreeningPage';
import { initI18n } from '@/i18n';
import { useSession } from '@/session/session-store';
import { DRAFT_DEBOUNCE_MS } from '@/session/use-draft';
import {
  createParticipant,
  PIN,
  signInAs,
  startClinicalSession,
  type ClinicalSession,
} from '../features/clinical-session';

// Issue 19, item 5: after an unlock the person is back on the exact screen they were on — the path, the search
// (the participants list's filter, the open "new participant" form) and the open form with what was typed (the
// eligibility form, the withdrawal form). The lock unmounts the app (nothing clinical stays in the DOM), so all
// of it must live in the address or in the per-person drafts. The real AuthGate, as the app mounts it under the
// router.

let session: ClinicalSession;

function renderApp(path: string) {
  const router = createMemoryRouter(
    [
      {
        element: (
          <AuthGate>
            <Outlet />
          </AuthGate>
        ),
        children: [
          { path: '/participants', element: <ParticipantsPage /> },
          { path: '/participants/:participantId/screening', element: <ScreeningPage /> },
        ],
      },
    ],
    { initialEntries: [path] },
  );
  render(<RouterProvider router={router} />);
  return router;
}

async function lockAndUnlock(userId: string) {
  act(() => useSession.getState().lock());
  // Locked: the screen is gone from the DOM.
  await waitFor(() => expect(screen.queryByTestId('participant-list')).toBeNull());
  expect(screen.queryByTestId('screening-title')).toBeNull();
  await act(() => useSession.getState().unlock(userId, PIN));
}

/** Types into a field once its form is ready (its draft looked up: until then the form is not editable). */
async function typeIn(label: string, value: string) {
  const field = screen.getByLabelText(label, { exact: true }) as HTMLInputElement;
  await waitFor(() => expect(field.closest('fieldset')?.disabled ?? false).toBe(false));
  // The draft's autosave subscribes in an effect of that same render: let React run it (a person is slower).
  await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
  fireEvent.change(field, { target: { value } });
}
/** Lets the draft's autosave run (the lock flushes it too, but a person pauses before it fires). */
const settle = () => new Promise((resolve) => setTimeout(resolve, DRAFT_DEBOUNCE_MS + 100));

beforeAll(async () => {
  await initI18n('fr');
  // A wait, never a timed assertion: a loaded 2-core machine takes more than the default second to sign or save.
  configure({ asyncUtilTimeout: 5_000 });
});
beforeEach(async () => {
  session = await startClinicalSession();
});
afterEach(() => {
  cleanup();
  session.env.restore();
});

describe('after an unlock', () => {
  it('the participants list keeps its filter and the open new-participant form with its draft', async () => {
    const ctx = await act(() => signInAs(session, 'house', 'physician', 'Dr House'));
    await act(() => createParticipant(session, 'MSC-LES-07'));
    const router = renderApp('/participants');
    const filter = await screen.findByRole('group', { name: 'Filtrer par statut' });
    fireEvent.click(within(filter).getByRole('button', { name: /^Pré-inclusion/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Nouveau participant' }));
    await typeIn('Initiales', 'CD');
    await settle();

    await lockAndUnlock(ctx.userId);

    await screen.findByTestId('participant-list');
    expect(router.state.location.pathname).toBe('/participants');
    expect(new URLSearchParams(router.state.location.search).get('status')).toBe('screening');
    const again = screen.getByRole('group', { name: 'Filtrer par statut' });
    expect(
      within(again)
        .getByRole('button', { name: /^Pré-inclusion/ })
        .getAttribute('aria-pressed'),
    ).toBe('true');
    await waitFor(() =>
      expect((screen.getByLabelText('Initiales', { exact: true }) as HTMLInputElement).value).toBe('CD'),
    );
  });

  it('the screening page comes back with the eligibility and the withdrawal forms as they were typed', async () => {
    const ctx = await act(() => signInAs(session, 'house', 'physician', 'Dr House'));
    const id = await act(() => createParticipant(session, 'MSC-LES-07'));
    const router = renderApp(`/participants/${id}/screening?from=list`);
    await screen.findByTestId('criterion-I3');
    await typeIn('Poids', '62,5');
    fireEvent.click(screen.getByTestId('withdraw-open'));
    await typeIn('Motif du retrait', 'Souhait de la participante');
    await settle();

    await lockAndUnlock(ctx.userId);

    await screen.findByTestId('criterion-I3');
    expect(router.state.location.pathname).toBe(`/participants/${id}/screening`);
    expect(router.state.location.search).toBe('?from=list');
    await waitFor(() =>
      expect((screen.getByLabelText('Poids', { exact: true }) as HTMLInputElement).value).toBe('62,5'),
    );
    await waitFor(() =>
      expect((screen.getByLabelText('Motif du retrait', { exact: true }) as HTMLTextAreaElement).value).toBe(
        'Souhait de la participante',
      ),
    );
    // Restored (this session), so it can be typed into and saved straight away.
    expect(screen.getByTestId('withdrawal-draft').getAttribute('data-draft-status')).toBe('restored');
    expect((screen.getByTestId('withdraw') as HTMLButtonElement).disabled).toBe(false);
  });
});
