// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useForm } from 'react-hook-form';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AuthGate } from '@/app/auth/AuthGate';
import { SessionBanners } from '@/app/auth/SessionBanners';
import { SessionControls } from '@/app/auth/SessionControls';
import { getDb } from '@/db/database';
import { initI18n } from '@/i18n';
import { useAlarms, type AlarmEntry } from '@/alarms';
import { useSession, useWriteContext } from '@/session/session-store';
import { useDraft } from '@/session/use-draft';
import { fakeAuthServer, setUpSession, type FakeServer } from './fake-auth-server';
import { AppMenu } from '@/app/AppMenu';

const PIN = '482913';
const PASSWORD = 'correct horse battery';
let server: FakeServer;
let env: ReturnType<typeof setUpSession>;

/** A clinical screen with a form that autosaves its draft per person. */
function ClinicalScreen() {
  const ctx = useWriteContext();
  const form = useForm({ defaultValues: { sbp: '' } });
  const draft = useDraft(form, ctx?.userId, 'vitals:test');
  // Disabled while its draft is read, as every form of the app is.
  return (
    <section data-testid="clinical">
      <fieldset disabled={draft.locked} data-testid="clinical-fields">
        <label htmlFor="sbp">PAS</label>
        <input id="sbp" {...form.register('sbp')} />
      </fieldset>
    </section>
  );
}

function renderApp() {
  const router = createMemoryRouter([
    {
      element: (
        <AuthGate>
          <header>
            <SessionControls />
            <AppMenu />
          </header>
          <SessionBanners />
          <ClinicalScreen />
        </AuthGate>
      ),
      path: '/',
    },
  ]);
  return render(<RouterProvider router={router} />);
}

const type = (label: string | RegExp, value: string) =>
  fireEvent.change(screen.getByLabelText(label), { target: { value } });
const click = (name: string | RegExp) => fireEvent.click(screen.getByRole('button', { name }));

async function signInOnline(username: string, pin = PIN) {
  type('Identifiant', username);
  type('Mot de passe', PASSWORD);
  type('Nom de cette tablette', 'Tablette HDJ 2');
  click('Se connecter');
  await screen.findByTestId('pin-setup');
  type('Nouveau code PIN', pin);
  type('Confirmez le code PIN', pin);
  click('Enregistrer mon code PIN');
  await screen.findByTestId('clinical');
}

beforeAll(async () => {
  await initI18n('fr');
});
beforeEach(async () => {
  server = fakeAuthServer();
  // The drafts module writes to the shared tablet database: the session uses the same one here.
  await getDb().delete();
  await getDb().open();
  env = setUpSession(server, getDb());
  localStorage.clear();
  useAlarms.setState({ due: [], next: undefined });
});
afterEach(() => {
  cleanup();
  env.restore();
});

describe('the auth gate', () => {
  it('first sign-in, PIN, app; Lock hides everything clinical; the PIN unlocks', async () => {
    server.addUser('alice', 'nurse', PASSWORD, 'Alice Martin');
    renderApp();
    await screen.findByTestId('login-screen');
    expect(screen.queryByTestId('clinical')).toBeNull();
    await signInOnline('alice');
    expect(screen.getByTestId('session-who').textContent).toBe('Alice Martin · Infirmier·e');

    click('Verrouiller');
    await screen.findByTestId('lock-screen');
    expect(screen.queryByTestId('clinical')).toBeNull();
    expect(screen.getByText('Chevet est verrouillé')).toBeTruthy();

    type('Code PIN — Alice Martin', '000001');
    click('Déverrouiller');
    expect((await screen.findByTestId('unlock-error')).textContent).toBe(
      'Code PIN incorrect. Encore 4 essais avant le blocage du déverrouillage hors ligne.',
    );
    type('Code PIN — Alice Martin', PIN);
    click('Déverrouiller');
    await screen.findByTestId('clinical');
  });

  it('what was typed but not yet saved survives the lock and comes back at unlock', async () => {
    server.addUser('alice', 'nurse', PASSWORD, 'Alice Martin');
    renderApp();
    await screen.findByTestId('login-screen');
    await signInOnline('alice');
    // Typed before the form's draft is read, a value is not autosaved: the test waits as a person does.
    await waitFor(() =>
      expect((screen.getByTestId('clinical-fields') as HTMLFieldSetElement).disabled).toBe(false),
    );
    fireEvent.change(screen.getByLabelText('PAS'), { target: { value: '132' } });
    // Locked at once, before the autosave's debounce: the unmount flushes the draft.
    click('Verrouiller');
    await screen.findByTestId('lock-screen');
    type('Code PIN — Alice Martin', PIN);
    click('Déverrouiller');
    await screen.findByTestId('clinical');
    await waitFor(() => expect((screen.getByLabelText('PAS') as HTMLInputElement).value).toBe('132'));
  });

  it("the lock screen shows the alarms' first due check, else the next one, never patient data", async () => {
    server.addUser('alice', 'nurse', PASSWORD, 'Alice Martin');
    renderApp();
    await screen.findByTestId('login-screen');
    await signInOnline('alice');
    click('Verrouiller');
    await screen.findByTestId('lock-screen');
    const at = new Date(2026, 2, 2, 14, 35).getTime();
    const entry = (id: string, minutes: number, state: AlarmEntry['state']): AlarmEntry => ({
      key: `infusion:x/${id}`,
      trackKey: 'infusion:x',
      trackId: 'x',
      patientId: 'p',
      subject: 'MSC-LES-01 · AB',
      route: '/participants/p/infusion',
      item: {
        id,
        label: 'schedule.infusion',
        labelParams: { minutes },
        dueAt: at,
        windowStart: at,
        windowEnd: at,
      },
      state,
    });
    // The alarms' clock on the same day: the time alone (another day's check names its day, check-time.test.ts).
    act(() =>
      useAlarms.setState({ now: at - 10 * 60_000, due: [], next: entry('infusion-30', 30, 'upcoming') }),
    );
    expect(screen.getByTestId('lock-notice').textContent).toContain('Prochain contrôle prévu à 14:35');
    act(() => useAlarms.setState({ due: [entry('infusion-15', 15, 'overdue')] }));
    const notice = screen.getByTestId('lock-notice');
    expect(notice.textContent).toContain('Contrôle à 15 min : en retard (prévu à 14:35)');
    expect(notice.textContent).not.toContain('MSC-LES-01');
    expect(screen.getByRole('alert').textContent).toBe(
      'Un contrôle est dû maintenant : déverrouillez pour le saisir.',
    );
  });

  it('switch user: the second person signs in and gets their own session; the first is still offered', async () => {
    server.addUser('alice', 'nurse', PASSWORD, 'Alice Martin');
    server.addUser('bob', 'physician', PASSWORD, 'Bob Durand');
    renderApp();
    await screen.findByTestId('login-screen');
    await signInOnline('alice');
    click('Menu');
    click('Changer d’utilisateur');
    await screen.findByText('Qui êtes-vous ?');
    click('Connexion en ligne (nouvelle personne)');
    await screen.findByTestId('login-screen');
    await signInOnline('bob', '735190');
    expect(screen.getByTestId('session-who').textContent).toBe('Bob Durand · Médecin');
    click('Menu');
    click('Changer d’utilisateur');
    await screen.findByText('Qui êtes-vous ?');
    expect(screen.getByRole('button', { name: /Alice Martin/ })).toBeTruthy();
    click(/Alice Martin/);
    type('Code PIN — Alice Martin', PIN);
    click('Déverrouiller');
    await screen.findByTestId('clinical');
    expect(screen.getByTestId('session-who').textContent).toBe('Alice Martin · Infirmier·e');
  });

  it('five wrong PINs: a clear message, and only an online sign-in is offered', async () => {
    server.addUser('alice', 'nurse', PASSWORD, 'Alice Martin');
    renderApp();
    await screen.findByTestId('login-screen');
    await signInOnline('alice');
    click('Verrouiller');
    await screen.findByTestId('lock-screen');
    for (let i = 0; i < 5; i++) {
      // Each attempt waits for the previous PIN check to finish (its button reads "Vérification…" meanwhile): the
      // error of the previous attempt is already on screen, so waiting for an error alone raced a slow PBKDF2.
      await screen.findByRole('button', { name: 'Déverrouiller' }, { timeout: 15_000 });
      type('Code PIN — Alice Martin', '000001');
      click('Déverrouiller');
      await waitFor(() => expect(screen.getByTestId('unlock-error')).toBeTruthy());
      await waitFor(() => expect(useSession.getState().screen).toBe('locked'));
      await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
    }
    await waitFor(() => expect(screen.queryByLabelText('Code PIN — Alice Martin')).toBeNull(), {
      timeout: 15_000,
    });
    expect(screen.getByTestId('unlock-error').textContent).toBe(
      'Déverrouillage hors ligne bloqué pour Alice Martin après 5 codes PIN incorrects. Connectez-vous en ligne avec votre mot de passe pour le rétablir.',
    );
    expect(screen.queryByLabelText('Code PIN — Alice Martin')).toBeNull();
    click('Se connecter en ligne');
    await screen.findByTestId('login-screen');
    expect((screen.getByLabelText('Identifiant') as HTMLInputElement).value).toBe('alice');
  });

  it('wrong password and server unreachable are explained; a known person may unlock offline', async () => {
    server.addUser('alice', 'nurse', PASSWORD, 'Alice Martin');
    renderApp();
    await screen.findByTestId('login-screen');
    type('Identifiant', 'alice');
    type('Mot de passe', 'wrong password');
    type('Nom de cette tablette', 'T');
    click('Se connecter');
    expect((await screen.findByTestId('login-error')).textContent).toBe(
      'Identifiant ou mot de passe incorrect.',
    );
    expect((screen.getByLabelText('Mot de passe') as HTMLInputElement).value).toBe('');

    server.state.lockedUntil = '2026-03-02T10:15:00+01:00';
    type('Mot de passe', PASSWORD);
    click('Se connecter');
    await waitFor(() =>
      expect(screen.getByTestId('login-error').textContent).toBe(
        `Compte bloqué après trop de mots de passe incorrects, jusqu’à ${new Date('2026-03-02T10:15:00+01:00').toLocaleString('fr', { dateStyle: 'short', timeStyle: 'short' })}.`,
      ),
    );
    server.state.lockedUntil = undefined;

    await signInOnline('alice');
    click('Verrouiller');
    await screen.findByTestId('lock-screen');
    click('Connexion en ligne (nouvelle personne)');
    await screen.findByTestId('login-screen');
    server.state.unreachable = true;
    type('Identifiant', 'alice');
    type('Mot de passe', PASSWORD);
    click('Se connecter');
    expect((await screen.findByTestId('login-error')).textContent).toBe(
      'Le serveur central est injoignable. Vous avez déjà un code PIN sur cette tablette : vous pouvez déverrouiller hors ligne.',
    );
    click('Déverrouiller hors ligne avec mon PIN');
    await screen.findByTestId('unlock-form');
    type('Code PIN — Alice Martin', PIN);
    click('Déverrouiller');
    await screen.findByTestId('clinical');
  });

  it('a refused session renewal: work continues, a banner asks to sign in again', async () => {
    server.addUser('alice', 'nurse', PASSWORD, 'Alice Martin');
    renderApp();
    await screen.findByTestId('login-screen');
    await signInOnline('alice');
    act(() => useSession.setState({ syncSignInNeeded: true }));
    expect(screen.getByTestId('sign-in-again').textContent).toContain('Votre session en ligne a expiré');
    expect(screen.getByTestId('clinical')).toBeTruthy();
    act(() => useSession.setState({ deviceRevoked: true }));
    await waitFor(() =>
      expect(screen.getByTestId('device-revoked').textContent).toContain('Cette tablette a été révoquée'),
    );
  });
});
