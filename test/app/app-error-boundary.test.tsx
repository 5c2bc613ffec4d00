// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AppErrorBoundary } from '@/app/AppErrorBoundary';
import { initI18n } from '@/i18n';

// A screen above the router (sign-in, PIN setup, lock) that throws must not leave the tablet blank.

function LockScreenThatFails(): never {
  throw new Error('IndexedDB closed under the lock screen');
}

describe('AppErrorBoundary', () => {
  beforeAll(() => initI18n('fr'));
  afterEach(cleanup);

  it('shows the message and a retry in French instead of a blank screen', () => {
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    const reload = vi.fn();
    vi.stubGlobal('location', { ...window.location, reload });
    render(
      <AppErrorBoundary>
        <LockScreenThatFails />
      </AppErrorBoundary>,
    );
    expect(screen.getByRole('alert').textContent).toContain('Un problème est survenu');
    expect(screen.getByText('Vos données déjà saisies sont conservées sur cette tablette.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Réessayer' }));
    expect(reload).toHaveBeenCalled();
    vi.unstubAllGlobals();
    consoleError.mockRestore();
  });

  it('renders its children untouched when nothing fails', () => {
    render(
      <AppErrorBoundary>
        <p>Verrouillé</p>
      </AppErrorBoundary>,
    );
    expect(screen.getByText('Verrouillé')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
