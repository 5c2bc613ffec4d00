// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRecord } from '@/db/commands';
import { loadQueryThreads } from '@/db/data-queries';
import { RecordQueries } from '@/features/queries';
import QueriesPage from '@/features/queries/QueriesPage';
import { initI18n } from '@/i18n';
import { currentWriteContext } from '@/session/session-store';
import { createParticipant, signInAs, startClinicalSession, type ClinicalSession } from '../clinical-session';

// Issue 24 item 2 on screen: the data manager raises a query on one field of a record; it shows on that field (a
// marker and its thread); the nurse finds it in her list and answers with a correction; the data manager closes it.

let session: ClinicalSession;

beforeAll(async () => {
  await initI18n('fr');
});
beforeEach(async () => {
  session = await startClinicalSession();
});
afterEach(() => {
  cleanup();
  session.env.restore();
});

async function vitalsRecord() {
  await signInAs(session, 'joy', 'nurse', 'Joy Nurse');
  const patientId = await createParticipant(session, 'MSC-LES-08');
  const created = await createRecord(session.env.db, currentWriteContext()!, {
    kind: 'vitalSigns',
    patientId,
    data: {
      takenAt: '2026-03-02T09:15:00+01:00',
      sbp: 260,
      dbp: 75,
      hr: 72,
      temperatureC: 36.8,
      spo2: 98,
      rr: 14,
    },
  });
  if (!created.ok) throw new Error(created.code);
  return created.recordId;
}
const record = (id: string) => session.env.db.records.get(id).then((r) => r!);
const sbpRow = () => screen.getAllByTestId('record-field').find((row) => row.dataset.field === 'sbp')!;

describe('data queries on a record’s fields', () => {
  it('raised by the data manager, shown on the field, answered with a correction by the nurse, closed', async () => {
    const vitalsId = await act(vitalsRecord);
    await act(() => signInAs(session, 'dm', 'data-manager', 'Dana Manager'));
    const { unmount } = render(<RecordQueries record={await record(vitalsId)} />);
    // Every field offers a query to the data manager; none has a marker yet.
    expect(screen.queryByTestId('query-marker')).toBeNull();
    fireEvent.click(within(sbpRow()).getByTestId('query-raise-open'));
    fireEvent.change(screen.getByTestId('query-raise-text'), { target: { value: 'PAS 260 : à vérifier' } });
    fireEvent.click(screen.getByTestId('query-raise'));
    await waitFor(() => expect(screen.queryByTestId('query-raise')).toBeNull());
    await waitFor(() => expect(within(sbpRow()).getByTestId('query-marker').textContent).toBe('1 requête'));
    expect((await screen.findByTestId('query-status')).textContent).toBe('Ouverte');
    // Its author by name (the store's directory, or the people who signed in on this tablet).
    await waitFor(() =>
      expect(screen.getByTestId('query-message').textContent).toContain('Requête de Dana Manager'),
    );
    // The data manager may close it, not answer it.
    expect(screen.queryByTestId('query-answer')).toBeNull();
    expect(screen.getByTestId('query-close')).toBeTruthy();
    unmount();

    await act(() => signInAs(session, 'joy', 'nurse', 'Joy Nurse'));
    const list = render(
      <MemoryRouter>
        <QueriesPage />
      </MemoryRouter>,
    );
    await waitFor(() => expect(screen.getAllByTestId('query-item')).toHaveLength(1));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Requêtes à traiter');
    list.unmount();

    render(<RecordQueries record={await record(vitalsId)} />);
    fireEvent.click(await waitFor(() => within(sbpRow()).getByTestId('query-marker')));
    expect(screen.queryByTestId('query-raise-open')).toBeNull();
    fireEvent.change(await screen.findByTestId('query-answer-text'), {
      target: { value: 'Erreur de saisie' },
    });
    fireEvent.click(screen.getByTestId('query-correct'));
    fireEvent.change(screen.getByTestId('query-new-value'), { target: { value: '126' } });
    fireEvent.change(screen.getByTestId('query-reason'), { target: { value: 'erreur de transcription' } });
    fireEvent.click(screen.getByTestId('query-answer'));
    await waitFor(() => expect(screen.getByTestId('query-status').textContent).toBe('Répondue'));
    expect((await screen.findByTestId('query-correction')).textContent).toBe('Valeur corrigée : 126');
    const [thread] = await loadQueryThreads(session.env.db);
    expect(thread!.messages.map((m) => m.data.action)).toEqual(['raise', 'answer']);
    cleanup();

    await act(() => signInAs(session, 'dm', 'data-manager', 'Dana Manager'));
    render(<RecordQueries record={await record(vitalsId)} />);
    fireEvent.click(await waitFor(() => within(sbpRow()).getByTestId('query-marker')));
    fireEvent.click(await screen.findByTestId('query-close'));
    await waitFor(() => expect(screen.getByTestId('query-status').textContent).toBe('Close'));
    expect(screen.getByTestId('query-reopen')).toBeTruthy();
  });

  it('refuses a query without a text', async () => {
    const vitalsId = await act(vitalsRecord);
    await act(() => signInAs(session, 'dm', 'data-manager', 'Dana Manager'));
    render(<RecordQueries record={await record(vitalsId)} />);
    fireEvent.click(within(sbpRow()).getByTestId('query-raise-open'));
    fireEvent.click(screen.getByTestId('query-raise'));
    expect((await screen.findByRole('alert')).textContent).toBe('Écrivez un texte.');
    expect(await loadQueryThreads(session.env.db)).toEqual([]);
  });
});
