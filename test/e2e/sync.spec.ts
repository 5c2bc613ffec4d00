import { expect, test, type Browser, type Page } from '@playwright/test';
import {
  createParticipant,
  createUser,
  newTablet,
  openParticipant,
  recordVitals,
  syncNow,
  type E2eUser,
} from './support';

// Issue 4 on real browsers: two tablets (two browser contexts), both offline, both record vital signs and edit
// the same participant form; back online they converge, the form conflict shows on both, a physician resolves
// it on one, and the other sees it resolved.

const FIRST: E2eUser = {
  username: 'e2e-sync-a',
  password: 'sync-password-a1',
  displayName: 'Dr A',
  role: 'physician',
};
const SECOND: E2eUser = {
  username: 'e2e-sync-b',
  password: 'sync-password-b1',
  displayName: 'Dr B',
  role: 'physician',
};

test.beforeAll(async ({ request }) => {
  await createUser(request, FIRST);
  await createUser(request, SECOND);
});

function tablet(browser: Browser, user: E2eUser, pin: string) {
  return newTablet(browser, { signIn: { user, pin, deviceName: `Tablette ${user.displayName}` } });
}

async function editComment(page: Page, comment: string) {
  await page.getByLabel('Commentaire', { exact: true }).first().fill(comment);
  await page.getByLabel('Motif de la modification').fill('note de visite');
  await page.getByRole('button', { name: 'Enregistrer le dossier' }).click();
  await expect(page.getByText('Enregistré sur la tablette.')).toBeVisible();
}

test('two tablets offline converge, the form conflict shows on both and its resolution reaches both', async ({
  browser,
}) => {
  const a = await tablet(browser, FIRST, '246810');
  const b = await tablet(browser, SECOND, '135790');

  // Tablet A creates the participant and syncs; tablet B receives it.
  await createParticipant(a.page, 'MSC-LES-31', 'XY');
  await syncNow(a.page);
  await syncNow(b.page);
  await openParticipant(b.page, 'MSC-LES-31');

  // Both go offline and write: vital signs on each, and the same form field with different values.
  await a.context.setOffline(true);
  await b.context.setOffline(true);
  await recordVitals(a.page, { hr: '81', temperature: '38,4' });
  // A fever is accepted, and highlighted with its alert.
  await expect(a.page.getByTestId('vitals-alerts')).toHaveText('Alerte : fièvre');
  await recordVitals(b.page, { hr: '92' });
  await editComment(a.page, 'commentaire de A');
  await editComment(b.page, 'commentaire de B');
  await expect(a.page.getByTestId('sync-pending')).toHaveText('2 saisies en attente d’envoi');

  // Back online: A, then B, then A again.
  await a.context.setOffline(false);
  await b.context.setOffline(false);
  await syncNow(a.page);
  await syncNow(b.page);
  await syncNow(a.page);

  for (const { page } of [a, b]) {
    await expect(page.getByTestId('vitals-row')).toHaveCount(2);
    await expect(page.getByTestId('vitals-alerts')).toHaveCount(1);
    // The e2e store is shared: another spec (review.spec) may have left its own conflict open, so the count is
    // at least one and the card is found by this spec's participant.
    await expect(page.getByTestId('sync-conflicts')).toHaveText(/^\d+ conflits? à résoudre$/);
  }
  const openBefore = Number.parseInt((await a.page.getByTestId('sync-conflicts').textContent()) ?? '', 10);

  // B resolves: keeps B's comment, with a reason.
  await b.page.getByTestId('sync-conflicts').click();
  const card = b.page.getByTestId('conflict-card').filter({ hasText: 'MSC-LES-31' });
  await expect(card).toHaveCount(1);
  await expect(card).toContainText('commentaire de A');
  await expect(card).toContainText('commentaire de B');
  await card.getByRole('radio', { name: 'commentaire de B' }).check();
  await card.getByTestId('conflict-reason').fill('vu avec Dr A');
  await card.getByRole('button', { name: 'Résoudre le conflit' }).click();
  await expect(card).toHaveCount(0);
  await syncNow(b.page);
  await syncNow(a.page);

  // This spec's conflict is resolved on A too: one fewer open (none, when it was the only one).
  if (openBefore === 1) await expect(a.page.getByTestId('sync-conflicts')).toHaveCount(0);
  else
    await expect(a.page.getByTestId('sync-conflicts')).toHaveText(
      `${openBefore - 1} conflit${openBefore - 1 > 1 ? 's' : ''} à résoudre`,
    );
  await a.page.getByRole('link', { name: 'Accueil' }).click();
  await openParticipant(a.page, 'MSC-LES-31');
  await expect(a.page.getByLabel('Commentaire', { exact: true }).first()).toHaveValue('commentaire de B');
  await a.context.close();
  await b.context.close();
});
