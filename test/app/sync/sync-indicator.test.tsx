// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SyncIndicator, SyncNotices } from '@/app/sync/SyncIndicator';
import { initI18n } from '@/i18n';
import { useSyncStatus } from '@/sync/status-store';
import {
  createParticipant,
  signInAs,
  startClinicalSession,
  type ClinicalSession,
} from '../../features/clinical-session';

// Issue 19, item 5: the bar says what is true. After a reload (offline too) the last sync comes from storage,
// not "Jamais synchronisé"; the administrator's account, which holds no clinical data by design, is not told
// that its sync failed.

let session: ClinicalSession;

function renderBar() {
  const router = createMemoryRouter([
    {
      path: '/',
      element: (
        <>
          <SyncIndicator />
          <SyncNotices />
        </>
      ),
    },
  ]);
  return render(<RouterProvider router={router} />);
}

beforeAll(async () => {
  await initI18n('fr');
});
beforeEach(async () => {
  session = await startClinicalSession();
  // A fresh page: the engine has not run yet in this page load.
  useSyncStatus.setState({ syncing: false, lastSuccessAt: undefined, lastError: undefined });
});
afterEach(() => {
  cleanup();
  session.env.restore();
});

describe('the sync indicator', () => {
  it("on a shared tablet, says whose sync another person's entries wait for, not counted as the nurse's", async () => {
    // Issue 21 (defect): a physician's entries go only with the physician's own session (per-author push).
    await act(() => signInAs(session, 'ana', 'physician', 'Dr Ana Martin'));
    await createParticipant(session);
    await act(() => signInAs(session, 'joy', 'nurse', 'Joy Nurse'));
    renderBar();
    await waitFor(() =>
      expect(screen.getByTestId('sync-waiting-for').textContent).toBe(
        'En attente de la synchronisation de Dr Ana Martin',
      ),
    );
    expect(screen.getByTestId('sync-pending').textContent).toBe('Tout est envoyé');
  });

  it('after a reload, shows the last sync the tablet stored', async () => {
    await act(() => signInAs(session, 'joy', 'nurse', 'Joy Nurse'));
    const tenMinutesAgo = new Date(Date.now() - 10 * 60_000).toISOString();
    await session.env.db.meta.put({ key: 'sync', cursor: 42, lastSuccessAt: tenMinutesAgo });
    renderBar();
    await waitFor(() => expect(screen.getByTestId('sync-last').textContent).toBe(' · il y a 10 minutes'));
    expect(screen.queryByText(/Jamais synchronisé/)).toBeNull();
  });

  it('says "never" only when the tablet never synced', async () => {
    await act(() => signInAs(session, 'joy', 'nurse', 'Joy Nurse'));
    renderBar();
    await waitFor(() => expect(screen.getByTestId('sync-last').textContent).toBe(' · Jamais synchronisé'));
  });

  it('for the administrator: no clinical data on this account, and no failure', async () => {
    await act(() => signInAs(session, 'root', 'admin', 'Admin'));
    // What a pull refused by design (403) would leave in the engine's status.
    useSyncStatus.setState({
      lastError: { kind: 'refused', message: 'forbidden', at: new Date().toISOString() },
    });
    renderBar();
    expect(screen.getByTestId('sync-state').textContent).toBe('Aucune donnée clinique sur ce compte');
    expect(screen.queryByText('Échec de la synchronisation')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Synchroniser' })).toBeNull();
  });
});
