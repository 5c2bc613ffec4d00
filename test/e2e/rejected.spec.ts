import { expect, test, type Page } from '@playwright/test';
import {
  createParticipant,
  createUser,
  openControlledApp,
  recordVitals,
  signInWithNewPin,
  syncNow,
  type E2eUser,
} from './support';

// Issue 17, item 3 on a real browser. A NUL typed into the vital-signs form is now refused on the tablet itself
// (the shared text schema). One queued by the previous release, offline, beside good sets, blocked the outbox
// for good: after this update it never blocks it — back online, the good sets reach the store and the bad one
// is set aside on the tablet, shown to its author with its value and the reason in French; acknowledging it
// keeps it stored.

const NURSE: E2eUser = {
  username: 'e2e-rejected-physician',
  password: 'rejected-password-1',
  displayName: 'Dr Refus',
  role: 'physician',
};

test.beforeAll(async ({ request }) => {
  await createUser(request, NURSE);
});

/**
 * Puts a NUL into the comment of the last queued set, in its outbox entry and its revision: what the previous
 * release stored when a NUL was typed into the form — the outbox that stayed blocked ("Échec de la
 * synchronisation" on every retry) until this update.
 */
async function plantNulInLastQueuedSet(page: Page) {
  return page.evaluate(async () => {
    const comment = `douleur${String.fromCharCode(0)}bras`;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('chevet');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const done = <T>(request: IDBRequest<T>) =>
      new Promise<T>((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    const tx = db.transaction(['outbox', 'revisions'], 'readwrite');
    const entries = (await done(tx.objectStore('outbox').getAll())) as {
      mutationId: string;
      mutation: { data: Record<string, unknown> };
    }[];
    const last = entries.at(-1)!;
    last.mutation.data.comment = comment;
    await done(tx.objectStore('outbox').put(last));
    const revision = (await done(tx.objectStore('revisions').get(last.mutationId))) as {
      data: Record<string, unknown>;
    };
    revision.data.comment = comment;
    await done(tx.objectStore('revisions').put(revision));
    db.close();
    return last.mutationId;
  });
}

test('a NUL-bearing comment queued offline beside good sets: the good sets are stored, the bad one is set aside with its message', async ({
  page,
  context,
  request,
}) => {
  await openControlledApp(page);
  await signInWithNewPin(page, NURSE, '314159');
  await createParticipant(page, 'MSC-LES-47', 'NU');
  const patientId = page.url().split('/').at(-1)!;
  await syncNow(page);

  await context.setOffline(true);
  // Typed into the real form today: refused at saving, nothing queued.
  await page.getByLabel('Commentaire', { exact: true }).last().fill('douleur\u0000bras');
  await page.getByLabel('Fréquence cardiaque (/min)', { exact: true }).fill('70');
  await page.getByRole('button', { name: 'Enregistrer les constantes' }).click();
  await expect(page.getByTestId('vitals-form').getByRole('alert').first()).toBeVisible();
  await expect(page.getByTestId('vitals-row')).toHaveCount(0);
  await page.getByLabel('Commentaire', { exact: true }).last().fill('');

  await recordVitals(page, { hr: '71' });
  await recordVitals(page, { hr: '82' });
  const bad = await plantNulInLastQueuedSet(page);
  await recordVitals(page, { hr: '93' });
  await expect(page.getByTestId('sync-pending')).toHaveText('3 saisies en attente d’envoi');

  await context.setOffline(false);
  await syncNow(page);

  // The store holds the two good sets, not the bad one.
  const login = await request.post('/api/auth/login', {
    data: { username: NURSE.username, password: NURSE.password, deviceName: 'e2e check' },
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const pull = await request.get('/api/sync/pull?after=0&limit=5000', {
    headers: { authorization: `Bearer ${accessToken}` },
  });
  const { changes } = (await pull.json()) as {
    changes: { kind: string; patientId: string; mutationId: string; data: { hr: number } }[];
  };
  const stored = changes.filter((c) => c.kind === 'vitalSigns' && c.patientId === patientId);
  expect(stored.map((c) => c.data.hr).sort()).toEqual([71, 93]);
  expect(stored.map((c) => c.mutationId)).not.toContain(bad);

  // On the tablet: set aside, shown to its author with its value and reason, in French.
  const notice = page.getByTestId('set-aside');
  await expect(notice).toContainText(
    '1 de vos saisies est mise de côté : le serveur central ne l’a pas enregistrée.',
  );
  await notice.getByText('Voir et décider').click();
  const entry = notice.getByTestId('set-aside-entry');
  await expect(entry).toContainText('Constantes · MSC-LES-47 · NU');
  await expect(entry.getByTestId('set-aside-value')).toContainText('Fréquence cardiaque (/min) 82');
  await expect(entry.getByTestId('set-aside-value')).toContainText('« douleur␀bras »');
  await expect(entry.getByTestId('set-aside-reason')).toHaveText(
    'Motif : Le texte contient un caractère invalide (caractère nul ou caractère incomplet), souvent venu d’un copier-coller.',
  );
  await expect(entry.getByRole('button', { name: 'Renvoyer telle quelle' })).toHaveCount(0);
  await expect(page.getByTestId('sync-rejected')).toHaveText('1 saisie refusée par le serveur');
  await expect(page.getByTestId('badge-rejected')).toHaveCount(1);

  // Acknowledged: no longer asking for action, still on the tablet (its row keeps its "refused" badge).
  await entry.getByRole('button', { name: 'J’ai pris connaissance (la garder sans l’envoyer)' }).click();
  await expect(notice).toHaveCount(0);
  await expect(page.getByTestId('sync-rejected')).toHaveCount(0);
  await expect(page.getByTestId('vitals-row')).toHaveCount(3);
  await expect(page.getByTestId('badge-rejected')).toHaveCount(1);
});
