// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTabLock, TabGate } from '@/app/TabGate';
import { initI18n } from '@/i18n';
import { claimTab } from '@/session/tab-lock';
import { fakeLocks } from '../session/fake-locks';

const sync = vi.hoisted(() => ({ stopped: 0 }));
vi.mock('@/app/sync/start-sync', () => ({
  stopSync: () => {
    sync.stopped += 1;
  },
}));

const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 0)));

describe('a second tab of Chevet', () => {
  beforeAll(async () => {
    await initI18n('fr');
  });
  afterEach(cleanup);

  it('says Chevet is open in another tab, takes over on "Utiliser ici", and a tab that lost it offers to reload', async () => {
    const locks = fakeLocks();
    // Another tab holds the lock.
    const other = claimTab(locks, () => undefined);
    await settle();
    startTabLock(locks);
    const reload = vi.fn();
    render(
      <TabGate reload={reload}>
        <p>the app</p>
      </TabGate>,
    );
    await settle();
    expect(screen.queryByText('the app')).toBeNull();
    expect(screen.getByRole('heading').textContent).toBe('Chevet est ouvert dans un autre onglet');

    fireEvent.click(screen.getByRole('button', { name: 'Utiliser ici' }));
    await settle();
    expect(screen.getByText('the app')).toBeTruthy();
    expect(sync.stopped).toBe(0);

    // The other tab takes it back: this one unmounts the app and offers to take it again (by reloading).
    other.takeOver();
    await settle();
    expect(screen.queryByText('the app')).toBeNull();
    expect(sync.stopped).toBe(1);
    expect(screen.getByTestId('other-tab').textContent).toContain(
      'cet onglet s’est arrêté, rien n’est perdu',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Utiliser ici' }));
    expect(reload).toHaveBeenCalledOnce();
  });
});
