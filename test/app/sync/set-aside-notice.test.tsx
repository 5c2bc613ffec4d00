// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { SetAsideNotice } from '@/app/sync/SetAsideNotice';
import { createRecord, recordObservation } from '@/db/commands';
import { getDb } from '@/db/database';
import { changeLanguage, initI18n } from '@/i18n';
import { currentWriteContext, useSession } from '@/session/session-store';
import { pushOutbox } from '@/sync/push';
import { contextFor, vitals } from '../../db/fixtures';
import { fakeAuthServer, setUpSession, type FakeServer } from '../../session/fake-auth-server';
import { BAD_COMMENT, plantBadText, storeFailingOnNul, storeRejecting } from '../../sync/set-aside-fixtures';

// Issue 17, item 3 on the tablet: a mutation the store refused or failed on is set aside and shown to its author,
// with the value entered, the reason in their language and what they can do.

const PIN = '482913';
const PASSWORD = 'correct horse battery';
let server: FakeServer;
let env: ReturnType<typeof setUpSession>;
let patientId: string;

function renderNotice() {
  const router = createMemoryRouter([{ path: '*', element: <SetAsideNotice /> }]);
  return render(<RouterProvider router={router} />);
}

async function recordSet(minute: number) {
  const saved = await recordObservation(env.db, currentWriteContext()!, {
    kind: 'vitalSigns',
    patientId,
    data: vitals(`2026-03-02T09:${minute}:00+01:00`, { sbp: 118 }),
  });
  if (!saved.ok) throw new Error('not saved');
  return saved.mutationId;
}

beforeAll(async () => {
  await initI18n('fr');
});
beforeEach(async () => {
  server = fakeAuthServer();
  await getDb().delete();
  await getDb().open();
  env = setUpSession(server, getDb());
  server.addUser('claire', 'nurse', PASSWORD, 'Claire Infirmière');
  await useSession.getState().signIn({ username: 'claire', password: PASSWORD, deviceName: 'T' });
  await useSession.getState().choosePin(PIN, PIN);
  patientId = uuidv7();
  const created = await createRecord(env.db, contextFor('physician'), {
    kind: 'participant',
    recordId: patientId,
    patientId,
    data: { trialNumber: 'MSC-LES-04', initials: 'MD' },
  });
  if (!created.ok) throw new Error(JSON.stringify(created));
});
afterEach(async () => {
  cleanup();
  env.restore();
  await changeLanguage('fr');
});

describe('an entry set aside', () => {
  it('shows its value and the reason in French, and is acknowledged without being erased', async () => {
    const good = await recordSet(10);
    const bad = await recordSet(20);
    await plantBadText(env.db, bad);
    await pushOutbox(env.db, storeFailingOnNul().api, currentWriteContext()!.deviceId);
    renderNotice();

    const notice = await screen.findByTestId('set-aside');
    expect(notice.textContent).toContain(
      '1 de vos saisies est mise de côté : le serveur central ne l’a pas enregistrée.',
    );
    const entry = within(notice).getByTestId('set-aside-entry');
    await waitFor(() => expect(entry.textContent).toContain('Constantes · MSC-LES-04 · MD'));
    // The value as entered, the refused character shown where it was.
    expect(within(entry).getByTestId('set-aside-value').textContent).toContain('« douleur␀bras »');
    expect(within(entry).getByTestId('set-aside-value').textContent).toMatch(/118/);
    expect(within(entry).getByTestId('set-aside-reason').textContent).toBe(
      'Motif : Le serveur central a échoué à plusieurs reprises sur cette saisie seule, alors qu’il enregistrait les autres.',
    );
    expect(within(entry).getByRole('link', { name: 'Corriger et ressaisir' }).getAttribute('href')).toBe(
      `/participants/${patientId}`,
    );
    expect(within(entry).getByRole('button', { name: 'Renvoyer telle quelle' })).toBeTruthy();
    expect((await env.db.revisions.get(good))?.status).toBe('applied');

    fireEvent.click(
      within(entry).getByRole('button', { name: 'J’ai pris connaissance (la garder sans l’envoyer)' }),
    );
    await waitFor(() => expect(screen.queryByTestId('set-aside')).toBeNull());
    // Still stored, value and all: only marked as seen by its author.
    expect(await env.db.revisions.get(bad)).toMatchObject({
      status: 'rejected',
      data: expect.objectContaining({ comment: BAD_COMMENT }),
      acknowledgedBy: currentWriteContext()!.userId,
    });
  });

  it('says a known refusal in its own words, an unknown one in general words with the store’s sentence, in English too', async () => {
    const [clock, other] = [await recordSet(10), await recordSet(20)];
    await pushOutbox(
      env.db,
      storeRejecting({
        [clock]: { code: 'clock-ahead', reason: 'device time more than 24 h ahead of the store' },
        [other]: { code: 'brand-new-rule', reason: 'refused by a rule this tablet does not know' },
      }),
      currentWriteContext()!.deviceId,
    );
    renderNotice();
    const notice = await screen.findByTestId('set-aside');
    expect(notice.textContent).toContain('2 de vos saisies sont mises de côté');
    const reasons = () =>
      Object.fromEntries(
        within(notice)
          .getAllByTestId('set-aside-entry')
          .map((li) => [li.dataset.code, within(li).getByTestId('set-aside-reason').textContent]),
      );
    expect(reasons()).toEqual({
      'clock-ahead':
        'Motif : L’heure de la tablette avait plus de 24 heures d’avance sur celle du serveur : l’heure de la saisie n’est pas crédible.',
      'brand-new-rule':
        'Motif : Le serveur central a refusé cette saisie. Réponse du serveur : « refused by a rule this tablet does not know »',
    });
    // A refusal cannot be sent again unchanged: only corrected, or acknowledged.
    expect(within(notice).queryByRole('button', { name: 'Renvoyer telle quelle' })).toBeNull();

    await act(() => changeLanguage('en'));
    await waitFor(() => expect(notice.textContent).toContain('2 of your entries are set aside'));
    expect(reasons()['clock-ahead']).toBe(
      'Reason: The tablet’s clock was more than 24 hours ahead of the store’s: the entry’s time is not credible.',
    );
  });

  it('is shown to its author only', async () => {
    const bad = await recordSet(10);
    await pushOutbox(
      env.db,
      storeRejecting({ [bad]: { code: 'invalid-text' } }),
      currentWriteContext()!.deviceId,
    );
    server.addUser('bruno', 'nurse', PASSWORD, 'Bruno');
    await act(() => useSession.getState().signIn({ username: 'bruno', password: PASSWORD, deviceName: 'T' }));
    await act(() => useSession.getState().choosePin(PIN, PIN));
    renderNotice();
    // Give the live query its turn, then check nothing is shown to the colleague.
    await act(() => env.db.revisions.count());
    expect(screen.queryByTestId('set-aside')).toBeNull();
  });
});
