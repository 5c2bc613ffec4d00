// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { act, cleanup, configure, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ParticipantDossier } from '@/features/participants/ParticipantDossier';
import { initI18n } from '@/i18n';
import { createParticipant, signInAs, startClinicalSession, type ClinicalSession } from './clinical-session';

// Issue 19 item 4 on the participant's dossier: its dates are shown and typed day/month/year whatever the browser's
// locale (a native date input showed "mm/dd/yyyy" in the French interface), stored as ISO dates.

let session: ClinicalSession;
const input = (id: string) => document.getElementById(id) as HTMLInputElement;

beforeAll(async () => {
  await initI18n('fr');
  configure({ asyncUtilTimeout: 5_000 });
});
beforeEach(async () => {
  session = await startClinicalSession();
});
afterEach(() => {
  cleanup();
  session.env.restore();
});

describe('the dossier’s dates', () => {
  it('are typed and shown day/month/year, stored ISO, and an impossible one is refused', async () => {
    await act(() => signInAs(session, 'house', 'physician', 'Dr House'));
    const id = await act(() => createParticipant(session));
    const record = (await session.env.db.records.get(id))!;
    const { rerender } = render(<ParticipantDossier participant={record} />);
    const save = screen.getByRole('button', { name: 'Enregistrer le dossier' }) as HTMLButtonElement;
    await waitFor(() => expect(save.disabled).toBe(false));
    expect(input('infusionDate').type).toBe('text');
    expect(input('infusionDate').placeholder).toBe('jj/mm/aaaa');

    fireEvent.change(input('infusionDate'), { target: { value: '31/02/2026' } });
    fireEvent.change(input('reason'), { target: { value: 'date de perfusion fixée' } });
    fireEvent.click(save);
    expect(await screen.findByText('Date invalide : jour/mois/année, par exemple 01/12/2026.')).toBeTruthy();
    expect((await session.env.db.records.get(id))!.data.infusionDate).toBeUndefined();

    fireEvent.change(input('infusionDate'), { target: { value: '02/03/2026' } });
    fireEvent.click(save);
    await screen.findByText('Enregistré sur la tablette.');
    const saved = (await session.env.db.records.get(id))!;
    expect(saved.data.infusionDate).toBe('2026-03-02');
    rerender(<ParticipantDossier participant={saved} />);
    expect(input('infusionDate').value).toBe('02/03/2026');
  });

  it('shows the status the workflows set, with no control to change it by hand, and keeps it on a save', async () => {
    await act(() => signInAs(session, 'house', 'physician', 'Dr House'));
    const id = await act(() => createParticipant(session));
    await session.env.db.records.update(id, {
      data: { ...(await session.env.db.records.get(id))!.data, status: 'included' },
    });
    const record = (await session.env.db.records.get(id))!;
    render(<ParticipantDossier participant={record} />);
    expect(screen.getByTestId('dossier-status').textContent).toBe('Inclus');
    expect(document.querySelector('select#status')).toBeNull();
    const save = screen.getByRole('button', { name: 'Enregistrer le dossier' }) as HTMLButtonElement;
    await waitFor(() => expect(save.disabled).toBe(false));
    fireEvent.change(document.getElementById('comment')!, { target: { value: 'vu' } });
    fireEvent.change(input('reason'), { target: { value: 'commentaire' } });
    fireEvent.click(save);
    await screen.findByText('Enregistré sur la tablette.');
    expect((await session.env.db.records.get(id))!.data).toMatchObject({ status: 'included', comment: 'vu' });
  });
});
