import { expect, test } from '@playwright/test';
import { openControlledApp } from './support';

// Issue 17, item 9 on a real browser: one tablet, one active tab. A second tab of Chevet on the same origin
// (same browser profile) says so and offers to take over; the tab that loses stops and says so, and can take
// it back (reloading: it starts again at the sign-in or lock screen).

test('a second tab says Chevet is open in another tab, takes over, and the first one stops', async ({
  page,
  context,
}) => {
  await openControlledApp(page);
  await expect(page.getByTestId('login-screen')).toBeVisible();

  const second = await context.newPage();
  await second.goto('/');
  const notice = second.getByTestId('other-tab');
  await expect(notice.getByRole('heading')).toHaveText('Chevet est ouvert dans un autre onglet');
  await expect(second.getByTestId('login-screen')).toHaveCount(0);
  await expect(page.getByTestId('login-screen')).toBeVisible();

  await notice.getByRole('button', { name: 'Utiliser ici' }).click();
  await expect(second.getByTestId('login-screen')).toBeVisible();
  await expect(page.getByTestId('other-tab')).toContainText(
    'Chevet est maintenant utilisé dans un autre onglet : cet onglet s’est arrêté, rien n’est perdu.',
  );
  await expect(page.getByTestId('login-screen')).toHaveCount(0);

  // Taken back in the first tab (it reloads); the second stops in turn.
  await page.getByRole('button', { name: 'Utiliser ici' }).click();
  await expect(page.getByTestId('login-screen')).toBeVisible();
  await expect(second.getByTestId('other-tab')).toContainText('cet onglet s’est arrêté');

  // A tab that reloads stays the active one (its lock is handed back to it, not to a waiting tab's loss).
  await page.reload();
  await expect(page.getByTestId('login-screen')).toBeVisible();
});
