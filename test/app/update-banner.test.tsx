// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { UpdateBanner } from '@/app/UpdateBanner';
import { useUpdate } from '@/app/pwa';
import { initI18n } from '@/i18n';
import { useActivity } from '@/session/activity-store';

describe('the update banner', () => {
  beforeAll(async () => {
    await initI18n('fr');
  });
  beforeEach(() => {
    useActivity.setState({ bedsideActive: false, openForms: 0 });
    useUpdate.setState({ waiting: false, reloadPending: false });
  });
  afterEach(cleanup);

  it('stays hidden while no new version waits', () => {
    render(<UpdateBanner />);
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('offers "Mettre à jour" when a new version waits, and applies it on tap', () => {
    const apply = vi.fn();
    useUpdate.setState({ waiting: true, apply });
    render(<UpdateBanner />);
    expect(screen.getByText('Une nouvelle version de Chevet est disponible.')).toBeTruthy();
    act(() => screen.getByRole('button', { name: 'Mettre à jour' }).click());
    expect(apply).toHaveBeenCalledOnce();
  });

  it('refuses to update during a bedside session and says why', () => {
    const apply = vi.fn();
    useUpdate.setState({ waiting: true, apply });
    useActivity.setState({ bedsideActive: true });
    render(<UpdateBanner />);
    expect(screen.getByText(/séance au lit du patient est en cours/)).toBeTruthy();
    const button = screen.getByRole('button', { name: 'Mettre à jour' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
  });

  it('never reloads by itself when another tab installed the update while a form is open', () => {
    useUpdate.setState({ reloadPending: true });
    useActivity.setState({ openForms: 1 });
    render(<UpdateBanner />);
    expect(screen.queryByRole('button', { name: 'Recharger' })).toBeNull();
  });
});
