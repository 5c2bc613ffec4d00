// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assessmentRecordId } from '@/db/assessments';
import { getDb } from '@/db/database';
import { initI18n } from '@/i18n';
import { entryFromDate, toOffsetIso } from '@/ui/date-time-entry';
import { fakeAuthServer, setUpSession, type FakeServer } from '../../session/fake-auth-server';
import { participant, renderAt, signedIn } from './setup';

// Issue 23, biology: a cytokine tube's collection time is entered with the app's one date-time entry and is shown
// again when the form is opened anew (a native datetime-local field could not show the stored offsetted time).

let server: FakeServer;
let env: ReturnType<typeof setUpSession>;

beforeAll(async () => {
  await initI18n('fr');
});
beforeEach(async () => {
  server = fakeAuthServer();
  await getDb().delete();
  await getDb().open();
  env = setUpSession(server, getDb());
  await act(() => signedIn(server, 'house', 'physician', 'Dr House'));
});
afterEach(() => {
  cleanup();
  env.restore();
});

describe('biology form', () => {
  it('keeps a cytokine tube’s collection time and shows it again, day/month/year and 24-hour time', async () => {
    const id = await participant();
    await renderAt(`/participants/${id}/visits/M0/biology`);
    await screen.findByTestId('assessment-biology');
    // The form is read-only until its draft has been read: add the tube once it may be edited.
    const add = screen.getByRole('button', { name: 'Ajouter un tube' }) as HTMLButtonElement;
    await waitFor(() => expect(add.disabled).toBe(false));
    fireEvent.click(add);
    await screen.findByLabelText('N° de tube');
    const collected = new Date(Date.now() - 86_400_000);
    collected.setSeconds(0, 0);
    const entry = entryFromDate(collected);
    fireEvent.change(screen.getByLabelText('N° de tube'), { target: { value: 'CYT-0042' } });
    fireEvent.change(document.getElementById('sample-0-at-date')!, { target: { value: entry.date } });
    fireEvent.change(document.getElementById('sample-0-at-time')!, { target: { value: entry.time } });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    const recordId = assessmentRecordId(id, 'M0', 'biology');
    await waitFor(async () =>
      expect((await getDb().records.get(recordId))?.data).toMatchObject({
        samples: [{ tubeId: 'CYT-0042', collectedAt: toOffsetIso(collected) }],
      }),
    );

    cleanup();
    await renderAt(`/participants/${id}/visits/M0/biology`);
    await screen.findByTestId('assessment-biology');
    await waitFor(() =>
      expect((document.getElementById('sample-0-at-date') as HTMLInputElement | null)?.value).toBe(
        entry.date,
      ),
    );
    expect((document.getElementById('sample-0-at-time') as HTMLInputElement).value).toBe(entry.time);
  });
});
