// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMemoryRouter, Outlet, RouterProvider } from 'react-router';
import { AppMenu } from '@/app/AppMenu';
import { initI18n } from '@/i18n';

// The bar's menu closes when the route changes (a choice in it, or any other navigation), and only then.

describe('the app menu', () => {
  beforeAll(async () => {
    await initI18n('fr');
  });
  afterEach(cleanup);

  it('closes on a navigation, stays open otherwise', async () => {
    // As in the shell: the menu in the layout, the screens under it.
    const router = createMemoryRouter(
      [
        {
          element: (
            <>
              <AppMenu />
              <Outlet />
            </>
          ),
          children: ['/', '/settings', '/conflicts'].map((path) => ({ path, element: <p>{path}</p> })),
        },
      ],
      { initialEntries: ['/'] },
    );
    render(<RouterProvider router={router} />);
    const toggle = () => fireEvent.click(screen.getByTestId('app-menu-button'));
    toggle();
    expect(screen.getByTestId('app-menu')).toBeTruthy();
    // Opened, it stays open while the route does not change.
    fireEvent.click(screen.getByTestId('app-menu'));
    expect(screen.queryByTestId('app-menu')).toBeTruthy();
    fireEvent.click(screen.getByRole('link', { name: 'Réglages' }));
    await screen.findByText('/settings');
    expect(screen.queryByTestId('app-menu')).toBeNull();
    // Opened again, a navigation from elsewhere (the browser's Back, a link on the screen) closes it too.
    toggle();
    expect(screen.getByTestId('app-menu')).toBeTruthy();
    await act(() => router.navigate('/conflicts'));
    await screen.findByText('/conflicts');
    expect(screen.queryByTestId('app-menu')).toBeNull();
  });
});
