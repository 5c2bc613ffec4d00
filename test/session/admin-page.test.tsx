// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import AdminPage from '@/features/admin/AdminPage';
import type { AdminApi } from '@/features/admin/admin-api';
import { initI18n } from '@/i18n';
import type { Account, Device } from '@/schema/auth';
import { resetSession, useSession } from '@/session/session-store';

const account = (username: string, overrides: Partial<Account> = {}): Account => ({
  id: crypto.randomUUID(),
  username,
  displayName: username,
  role: 'nurse',
  disabled: false,
  lockedUntil: null,
  createdAt: '2026-03-01T08:00:00Z',
  ...overrides,
});

function fakeApi(users: Account[], devices: Device[]): AdminApi {
  return {
    listUsers: vi.fn(async () => ({ ok: true as const, value: users })),
    listDevices: vi.fn(async () => ({ ok: true as const, value: devices })),
    createUser: vi.fn(async (body) => ({
      ok: true as const,
      value: account(body.username, { role: body.role }),
    })),
    resetPassword: vi.fn(async () => ({ ok: true as const, value: null })),
    setDisabled: vi.fn(async (id: string, disabled: boolean) => ({
      ok: true as const,
      value: { ...users.find((u) => u.id === id)!, disabled },
    })),
    clearSignInDelay: vi.fn(async (id: string) => ({
      ok: true as const,
      value: { ...users.find((u) => u.id === id)!, lockedUntil: null },
    })),
    revokeDevice: vi.fn(async (id: string) => ({
      ok: true as const,
      value: { ...devices.find((d) => d.id === id)!, revokedAt: '2026-03-02T09:00:00Z' },
    })),
  };
}

const signedInAs = (role: 'admin' | 'nurse') =>
  useSession.setState({
    screen: 'unlocked',
    person: {
      userId: crypto.randomUUID(),
      username: 'boss',
      displayName: 'Boss',
      role,
      deviceId: crypto.randomUUID(),
    },
  });

beforeAll(async () => {
  await initI18n('fr');
});
beforeEach(() => resetSession());
afterEach(cleanup);

describe('the admin screen', () => {
  it('is for administrators only', () => {
    signedInAs('nurse');
    render(<AdminPage api={fakeApi([], [])} />);
    expect(screen.getByRole('alert').textContent).toBe('Cet écran est réservé aux administrateurs.');
  });

  it('lists accounts and tablets; creates an account with checked fields; disables; revokes', async () => {
    signedInAs('admin');
    const alice = account('alice', { lockedUntil: '2999-01-01T00:00:00Z' });
    const device: Device = {
      id: crypto.randomUUID(),
      name: 'Tablette HDJ 2',
      userId: alice.id,
      username: 'alice',
      createdAt: '2026-03-01T08:00:00Z',
      lastSeenAt: null,
      revokedAt: null,
    };
    const api = fakeApi([alice], [device]);
    render(<AdminPage api={api} />);
    await screen.findByTestId('admin-user-alice');
    expect(screen.getByTestId('admin-user-alice').textContent).toContain('Bloqué jusqu’à');

    fireEvent.change(screen.getByLabelText('Identifiant'), { target: { value: 'x' } });
    fireEvent.change(screen.getByLabelText('Mot de passe'), { target: { value: 'short' } });
    fireEvent.click(screen.getByRole('button', { name: 'Créer le compte' }));
    await screen.findByText('De 2 à 64 caractères : lettres, chiffres, point, tiret, tiret bas.');
    expect(screen.getByText('Le mot de passe comporte de 10 à 256 caractères.')).toBeTruthy();
    expect(api.createUser).not.toHaveBeenCalled();

    fireEvent.change(screen.getByLabelText('Identifiant'), { target: { value: 'Bob' } });
    fireEvent.change(screen.getByLabelText('Rôle'), { target: { value: 'physician' } });
    fireEvent.change(screen.getByLabelText('Mot de passe'), { target: { value: 'a long enough password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Créer le compte' }));
    await waitFor(() => expect(api.createUser).toHaveBeenCalledOnce());
    expect(vi.mocked(api.createUser).mock.calls[0]![0]).toMatchObject({ username: 'bob', role: 'physician' });
    expect((await screen.findByTestId('admin-notice')).textContent).toBe('Compte bob créé.');

    fireEvent.click(screen.getAllByRole('button', { name: 'Désactiver' })[0]!);
    await waitFor(() =>
      expect(screen.getByTestId('admin-notice').textContent).toBe('Compte alice désactivé.'),
    );

    fireEvent.click(screen.getByRole('button', { name: 'Révoquer' }));
    expect(screen.getByText(/Révoquer la tablette « Tablette HDJ 2 » de alice/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Confirmer' }));
    await waitFor(() =>
      expect(screen.getByTestId('admin-notice').textContent).toBe('Tablette « Tablette HDJ 2 » révoquée.'),
    );
    expect(api.revokeDevice).toHaveBeenCalledWith(device.id);
  });

  it('lifts the sign-in delay of an account that wrong passwords have delayed, and offers it for no other', async () => {
    signedInAs('admin');
    const alice = account('alice', { lockedUntil: '2999-01-01T00:00:00Z' });
    const bob = account('bob');
    const api = fakeApi([alice, bob], []);
    render(<AdminPage api={api} />);
    await screen.findByTestId('admin-user-alice');
    expect(
      within(screen.getByTestId('admin-user-bob')).queryByRole('button', {
        name: 'Lever le délai de connexion',
      }),
    ).toBeNull();
    fireEvent.click(
      within(screen.getByTestId('admin-user-alice')).getByRole('button', {
        name: 'Lever le délai de connexion',
      }),
    );
    await waitFor(() =>
      expect(screen.getByTestId('admin-notice').textContent).toBe('Délai de connexion levé pour alice.'),
    );
    expect(api.clearSignInDelay).toHaveBeenCalledWith(alice.id);
    expect(screen.getByTestId('admin-user-alice').textContent).not.toContain('Bloqué jusqu’à');
  });

  it('offline: says so, and does not call the server', async () => {
    signedInAs('admin');
    const api = fakeApi([], []);
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    try {
      render(<AdminPage api={api} />);
      expect(screen.getByTestId('admin-offline').textContent).toBe(
        'Hors ligne : l’administration des comptes demande le réseau.',
      );
      await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
      expect(api.listUsers).not.toHaveBeenCalled();
      expect((screen.getByRole('button', { name: 'Créer le compte' }) as HTMLButtonElement).disabled).toBe(
        true,
      );
    } finally {
      onLine.mockRestore();
    }
  });

  it('a server failure is explained and changes nothing', async () => {
    signedInAs('admin');
    const api = fakeApi([], []);
    api.listUsers = vi.fn(async () => ({ ok: false as const, error: { kind: 'offline' as const } }));
    render(<AdminPage api={api} />);
    expect((await screen.findByTestId('admin-notice')).textContent).toBe(
      'Le serveur central est injoignable : vérifiez le réseau. Rien n’a été modifié.',
    );
  });
});
