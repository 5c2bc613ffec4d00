// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render as renderBare, screen, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import ExportsPage from '@/features/review/ExportsPage';
import { initI18n } from '@/i18n';
import type { Role } from '@/schema/common';
import { resetSession, useSession } from '@/session/session-store';

const signedInAs = (role: Role) =>
  useSession.setState({
    screen: 'unlocked',
    person: {
      userId: crypto.randomUUID(),
      username: 'dm',
      displayName: 'DM',
      role,
      deviceId: crypto.randomUUID(),
    },
  });

// The screen links to the DSMB report: it renders inside a router.
const render = (ui: React.ReactElement) => renderBare(ui, { wrapper: MemoryRouter });

beforeAll(async () => {
  await initI18n('fr');
});
beforeEach(() => resetSession());
afterEach(cleanup);

describe('the exports screen', () => {
  it('downloads each export with the signed-in token and saves it under the server’s file name', async () => {
    signedInAs('data-manager');
    const fetch = vi.fn(
      async (url: string | URL | Request, _init?: RequestInit) =>
        new Response(`file of ${String(url)}`, {
          headers: {
            'content-disposition': `attachment; filename="chevet-${String(url).split('/').pop()}.x"`,
          },
        }),
    );
    const onSave = vi.fn();
    render(
      <ExportsPage
        api={{ fetch: fetch as typeof globalThis.fetch, token: async () => 'T' }}
        onSave={onSave}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Télécharger l’export CDISC ODM 1.3.2' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(fetch.mock.calls[0]![0]).toBe('/api/export/odm');
    expect(fetch.mock.calls[0]![1]).toMatchObject({ headers: { authorization: 'Bearer T' } });
    expect(onSave.mock.calls[0]![1]).toBe('chevet-odm.x');
    expect(await (onSave.mock.calls[0]![0] as Blob).text()).toBe('file of /api/export/odm');
    expect(screen.getByTestId('export-message').textContent).toBe('Export téléchargé : chevet-odm.x');

    fireEvent.click(screen.getByRole('button', { name: 'Télécharger l’export CSV' }));
    await waitFor(() => expect(onSave).toHaveBeenCalledTimes(2));
    expect(fetch.mock.calls[1]![0]).toBe('/api/export/csv');
  });

  it('says so when the server refuses, and offers nothing to a nurse', async () => {
    signedInAs('physician');
    const refused = vi.fn(async () => new Response('{}', { status: 403 }));
    const onSave = vi.fn();
    render(
      <ExportsPage
        api={{ fetch: refused as typeof globalThis.fetch, token: async () => 'T' }}
        onSave={onSave}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Télécharger l’export CSV' }));
    expect(await screen.findByRole('alert')).toHaveProperty(
      'textContent',
      'Votre rôle ne permet pas les exports.',
    );
    expect(onSave).not.toHaveBeenCalled();
    cleanup();

    signedInAs('nurse');
    render(<ExportsPage />);
    expect(screen.getByRole('alert').textContent).toBe(
      'Les exports sont réservés aux data managers et aux médecins.',
    );
    expect(screen.queryByRole('button', { name: /Télécharger/ })).toBeNull();
  });
});
