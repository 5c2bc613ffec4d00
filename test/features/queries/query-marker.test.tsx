// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRecord } from '@/db/commands';
import { moveQuery, raiseQuery } from '@/db/data-queries';
import { VitalSignsTimeline } from '@/features/participants/VitalSignsTimeline';
import { initI18n } from '@/i18n';
import { currentWriteContext } from '@/session/session-store';
import { createParticipant, signInAs, startClinicalSession, type ClinicalSession } from '../clinical-session';

// Issue 24 item 2: a query shows on the field it is about where the nurse reads the record (here the vital-signs
// history of the participant's page), as a link to its thread, until the data manager closes it.

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

describe('a query’s marker on the queried value', () => {
  it('shows on the SBP of the queried set, links to its thread, and goes once closed', async () => {
    await act(() => signInAs(session, 'joy', 'nurse', 'Joy Nurse'));
    const patientId = await act(() => createParticipant(session, 'MSC-LES-08'));
    const created = await act(() =>
      createRecord(session.env.db, currentWriteContext()!, {
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
      }),
    );
    if (!created.ok) throw new Error(created.code);
    await act(() => signInAs(session, 'dm', 'data-manager', 'Dana Manager'));
    const raised = await act(() =>
      raiseQuery(session.env.db, currentWriteContext()!, {
        recordId: created.recordId,
        field: 'sbp',
        text: 'PAS ?',
      }),
    );
    if (!raised.ok) throw new Error(raised.code);

    await act(() => signInAs(session, 'joy', 'nurse', 'Joy Nurse'));
    render(
      <MemoryRouter>
        <VitalSignsTimeline patientId={patientId} />
      </MemoryRouter>,
    );
    const marker = await screen.findByTestId('field-query-marker');
    expect(marker.getAttribute('href')).toBe(`/queries/records/${created.recordId}?query=${raised.recordId}`);
    expect(marker.getAttribute('aria-label')).toBe('PA systolique (mmHg) — requête : Ouverte. Ouvrir le fil');
    // On the SBP cell only: the row's second cell (after the time).
    const row = screen.getByTestId('vitals-row');
    expect(within(row.querySelectorAll('td')[1] as HTMLElement).getByTestId('field-query-marker')).toBe(
      marker,
    );

    await act(() => signInAs(session, 'dm', 'data-manager', 'Dana Manager'));
    await act(() =>
      moveQuery(session.env.db, currentWriteContext()!, { queryId: raised.recordId, action: 'close' }),
    );
    await waitFor(() => expect(screen.queryByTestId('field-query-marker')).toBeNull());
  });
});
