// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRecord } from '@/db/commands';
import { getDb } from '@/db/database';
import ParticipantPage from '@/features/participants/ParticipantPage';
import { initI18n } from '@/i18n';
import { currentWriteContext, useSession } from '@/session/session-store';
import { signRecord } from '@/session/signature';
import { fakeAuthServer, setUpSession, type FakeServer } from '../session/fake-auth-server';

// Issue 3 on the participant dossier: a physician signs it with the PIN; a later revision shows the signature
// invalidated; other roles see the signatures but cannot sign.

const PIN = '482913';
const PASSWORD = 'correct horse battery';
let server: FakeServer;
let env: ReturnType<typeof setUpSession>;

async function signedIn(username: string, role: 'nurse' | 'physician', displayName: string) {
  server.addUser(username, role, PASSWORD, displayName);
  await useSession.getState().signIn({ username, password: PASSWORD, deviceName: 'T' });
  await useSession.getState().choosePin(PIN, PIN);
  return currentWriteContext()!;
}

async function participant() {
  const id = crypto.randomUUID();
  const created = await createRecord(env.db, currentWriteContext()!, {
    kind: 'participant',
    recordId: id,
    patientId: id,
    data: { trialNumber: 'MSC-LES-07', initials: 'AB', comment: 'vu en consultation' },
  });
  expect(created.ok).toBe(true);
  return id;
}

function renderDossier(id: string) {
  const router = createMemoryRouter(
    [{ path: '/participants/:participantId', element: <ParticipantPage /> }],
    {
      initialEntries: [`/participants/${id}`],
    },
  );
  return render(<RouterProvider router={router} />);
}

const entry = () => screen.getByTestId('signature-entry');

beforeAll(async () => {
  await initI18n('fr');
});
beforeEach(async () => {
  server = fakeAuthServer();
  // The dossier writes through the shared database: the session uses it too.
  await getDb().delete();
  await getDb().open();
  env = setUpSession(server, getDb());
});
afterEach(() => {
  cleanup();
  env.restore();
});

describe('the signature of the participant dossier', () => {
  it('a physician signs with the PIN; a revision with a reason invalidates the signature, after a warning', async () => {
    await act(() => signedIn('house', 'physician', 'Dr House'));
    const id = await participant();
    renderDossier(id);
    const signatures = await screen.findByTestId('dossier-signatures');
    expect(await within(signatures).findByText('Pas encore signé.')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Signer le dossier' }));
    const dialog = screen.getByRole('dialog', { name: 'Signature électronique' });
    expect(within(dialog).getByText('Je confirme les données de ce dossier participant')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('Votre code PIN'), { target: { value: PIN } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Signer' }));

    await waitFor(() => expect(entry().getAttribute('data-validity')).toBe('valid'));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByText('Signature enregistrée.')).toBeTruthy();
    expect(entry().textContent).toContain('Valide');
    expect(entry().textContent).toContain(
      'Je confirme les données de ce dossier participant — Dr House · Médecin',
    );
    const stored = await env.db.records.where('kind').equals('signature').toArray();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.data).toMatchObject({ meaning: 'participant-dossier', recordId: id, recordRev: 1 });

    // Editing the signed dossier: warned before saving; signing is held until the changes are saved.
    expect(screen.queryByTestId('dossier-signed-warning')).toBeNull();
    // The dossier is disabled until its draft is read (a tap on its save button before is lost).
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Enregistrer le dossier' }).hasAttribute('disabled')).toBe(
        false,
      ),
    );
    fireEvent.change(document.getElementById('comment')!, { target: { value: 'revu en visite' } });
    expect((await screen.findByTestId('dossier-signed-warning')).textContent).toBe(
      'Ce dossier est signé : enregistrer ces modifications invalidera la signature, qu’il faudra refaire.',
    );
    expect(screen.getByRole('button', { name: 'Signer le dossier' }).hasAttribute('disabled')).toBe(true);

    fireEvent.change(screen.getByLabelText('Motif de la modification'), {
      target: { value: 'note de visite' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer le dossier' }));
    await waitFor(() => expect(entry().getAttribute('data-validity')).toBe('invalidated'));
    expect(entry().textContent).toContain('Invalidée');
    expect(
      within(entry()).getByText('Les données ont changé depuis cette signature : elle ne les couvre plus.'),
    ).toBeTruthy();
    expect((await env.db.records.get(id))!.rev).toBe(2);
    expect(screen.queryByTestId('dossier-signed-warning')).toBeNull();
    expect(screen.getByRole('button', { name: 'Signer le dossier' }).hasAttribute('disabled')).toBe(false);
  });

  it('a nurse sees the dossier’s signatures but no sign button', async () => {
    await act(() => signedIn('house', 'physician', 'Dr House'));
    const id = await participant();
    const signed = await signRecord(env.db, currentWriteContext()!, {
      recordId: id,
      meaning: 'participant-dossier',
      method: 'pin',
      pinOrPassword: PIN,
    });
    expect(signed.ok).toBe(true);
    await act(() => signedIn('joy', 'nurse', 'Joy Nurse'));
    expect(currentWriteContext()!.role).toBe('nurse');

    renderDossier(id);
    await waitFor(() => expect(entry().getAttribute('data-validity')).toBe('valid'));
    expect(entry().textContent).toContain('Dr House · Médecin');
    expect(screen.queryByRole('button', { name: 'Signer le dossier' })).toBeNull();
  });

  it('links to the participant’s other pages by their names, not by catalogue keys', async () => {
    await act(() => signedIn('house', 'physician', 'Dr House'));
    renderDossier(await participant());
    // The visits' messages travel with the visit routes: this page, opened first, brings them itself.
    expect((await screen.findByTestId('visits-link')).textContent).toBe('Calendrier des visites');
    expect(screen.getByRole('link', { name: 'Critères de jugement' })).toBeTruthy();
    expect(screen.getByTestId('open-screening').textContent).not.toMatch(/^screening\./);
  });
});
