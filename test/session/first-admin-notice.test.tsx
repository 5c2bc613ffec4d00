// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { LoginScreen } from '@/app/auth/LoginScreen';
import { initI18n } from '@/i18n';
import i18n from 'i18next';
import { fakeAuthServer, setUpSession } from './fake-auth-server';

// A new store (no account at all) says so in GET /api/health: the sign-in page then tells how to create the
// first administrator, from the README's command. Once an account exists, or offline, nothing is said.

let env: ReturnType<typeof setUpSession> | undefined;
beforeAll(async () => {
  await initI18n('fr');
});
afterEach(async () => {
  cleanup();
  env?.restore();
  vi.restoreAllMocks();
  await i18n.changeLanguage('fr');
});

describe('the sign-in page of a new store', () => {
  it('tells how to create the first administrator, in French and in English', async () => {
    env = setUpSession(fakeAuthServer());
    render(<LoginScreen />);
    const notice = await screen.findByTestId('first-admin-notice');
    expect(notice.textContent).toContain('Ce serveur n’a encore aucun compte');
    expect(notice.textContent).toContain('npm run user -- add --role admin --name "Prénom Nom" identifiant');
    expect(notice.textContent).toMatch(/terminal du serveur/);
    expect(notice.textContent).toMatch(/arrêtez d’abord le serveur/);
    cleanup();

    await i18n.changeLanguage('en');
    render(<LoginScreen />);
    const english = await screen.findByTestId('first-admin-notice');
    expect(english.textContent).toContain('This server has no account yet');
    expect(english.textContent).toContain('npm run user -- add --role admin --name "First Last" username');
    expect(english.textContent).toMatch(/stop the server first/);
  });

  it('says nothing once the store has an account', async () => {
    const server = fakeAuthServer();
    server.addUser('alice', 'admin');
    const fetch = vi.fn(server.fetch);
    env = setUpSession({ ...server, fetch });
    render(<LoginScreen />);
    await waitFor(() => expect(fetch).toHaveBeenCalledWith('/api/health', expect.anything()));
    // The answer read and rendered (a notice would show by now).
    await act(async () => {
      await fetch.mock.results[0]!.value;
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
    expect(screen.queryByTestId('first-admin-notice')).toBeNull();
  });

  it('says nothing offline, and asks the store when the tablet comes back online', async () => {
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const server = fakeAuthServer();
    const fetch = vi.fn(server.fetch);
    env = setUpSession({ ...server, fetch });
    render(<LoginScreen />);
    expect(screen.getByText('La tablette semble hors ligne : la connexion demande le réseau.')).toBeTruthy();
    expect(fetch).not.toHaveBeenCalled();
    expect(screen.queryByTestId('first-admin-notice')).toBeNull();

    onLine.mockReturnValue(true);
    window.dispatchEvent(new Event('online'));
    await screen.findByTestId('first-admin-notice');
  });
});
