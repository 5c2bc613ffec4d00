// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { act, cleanup, render, screen, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRecord } from '@/db/commands';
import { DOSE_DECISION_SETTINGS } from '@/domain/dosing/config';
import ParticipantReviewPage from '@/features/review/ParticipantReviewPage';
import ReviewPage from '@/features/review/ReviewPage';
import { initI18n } from '@/i18n';
import { signInAs, startClinicalSession, type ClinicalSession } from '../clinical-session';

// The dose decisions are about the trial, not a participant (patientId null): the review lists them on a page of
// their own, each with its whole history, so a data manager reviews every record the store holds.

let session: ClinicalSession;
const offline = { fetch: async () => new Response('{}', { status: 503 }) };

function renderAt(path: string) {
  const router = createMemoryRouter(
    [
      { path: '/review', element: <ReviewPage api={offline} /> },
      { path: '/review/trial', element: <ParticipantReviewPage /> },
    ],
    { initialEntries: [path] },
  );
  render(<RouterProvider router={router} />);
}

const decision = {
  cohort: 1,
  doseLevel: 2,
  dlts: 0,
  patients: 5,
  completed: 5,
  recommendation: 'escalate',
  probabilityExcessive: 0.05,
  settings: { ...DOSE_DECISION_SETTINGS, prior: { ...DOSE_DECISION_SETTINGS.prior } },
  decision: 'escalate',
  nextDoseLevel: 4,
  rationale: 'Aucune DLT sur la cohorte 1',
  decidedAt: '2026-06-02T10:00:00.000Z',
};

beforeAll(async () => {
  await initI18n('fr');
});
beforeEach(async () => {
  session = await startClinicalSession();
});
afterEach(() => cleanup());

describe('the review of the trial’s own records', () => {
  it('says there is none yet', async () => {
    await act(() => signInAs(session, 'dm', 'data-manager', 'Claire Revue'));
    renderAt('/review');
    const panel = await screen.findByTestId('review-trial');
    expect(await within(panel).findByText('Aucune décision de dose sur le serveur.')).toBeTruthy();
  });

  it('lists a dose decision on a page of its own, with its author and content', async () => {
    const ctx = await act(() => signInAs(session, 'house', 'physician', 'Dr House'));
    const created = await createRecord(session.env.db, ctx, {
      kind: 'doseDecision',
      recordId: crypto.randomUUID(),
      patientId: null,
      data: decision,
    });
    expect(created.ok).toBe(true);
    renderAt('/review');
    const link = await screen.findByRole('link', { name: 'Voir la décision et son historique' });
    expect(link.getAttribute('href')).toBe('/review/trial');

    cleanup();
    renderAt('/review/trial');
    expect(await screen.findByRole('heading', { name: 'Décisions concernant l’essai' })).toBeTruthy();
    const records = await screen.findAllByTestId('review-record');
    expect(records).toHaveLength(1);
    expect(records[0]!.getAttribute('data-kind')).toBe('doseDecision');
    const history = await within(records[0]!).findAllByTestId('history-entry');
    expect(history).toHaveLength(1);
    expect(history[0]!.textContent).toContain('Dr House');
    expect(records[0]!.textContent).toContain('Aucune DLT sur la cohorte 1');
    // The decision's rule and its coded values in the form's words, not its code's ("threshold", "escalate").
    expect(history[0]!.textContent).toContain('Seuil de toxicité excessive : 0,3');
    expect(history[0]!.textContent).toContain('Décision : Escalade');
    expect(history[0]!.textContent).not.toMatch(/threshold|escalate/);
    expect(screen.queryByText('Ce participant n’est pas sur cette tablette.')).toBeNull();
  });
});
