// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { draftKey, loadDraft, saveDraft } from '@/db/drafts';
import { VitalSignsForm } from '@/features/participants/VitalSignsForm';
import { initI18n } from '@/i18n';
import { useSession } from '@/session/session-store';
import { formatDateTime } from '@/ui/format';
import {
  createParticipant,
  PIN,
  signInAs,
  startClinicalSession,
  type ClinicalSession,
} from './clinical-session';

// Issue 19, item 2: an abandoned set must never mix with new typing. A draft from before this session is
// offered (shown read-only, highlighted, whose and from when) to keep or discard; one from this session (a lock)
// comes back restored; drafts are per person; nothing about a draft shows once it is saved.

let session: ClinicalSession;
const ABANDONED = {
  takenAt: null,
  sbp: '400',
  dbp: '',
  hr: '',
  temperatureC: '37,2',
  spo2: '',
  rr: '',
  comment: '',
};
const input = (id: string) => document.getElementById(id) as HTMLInputElement;
const button = (name: string) => screen.getByRole('button', { name }) as HTMLButtonElement;
const notice = () => screen.queryByTestId('draft-restored');
const drafts = () => session.env.db.drafts.toArray();

async function nurseWithDraft(savedAt: Date) {
  const ctx = await signInAs(session, 'joy', 'nurse', 'Joy Nurse');
  const patientId = await createParticipant(session);
  await saveDraft(session.env.db, ctx.userId, `vitals:${patientId}`, ABANDONED, savedAt);
  return { ctx, patientId };
}

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

describe('a draft from before this session', () => {
  it('is offered read-only, highlighted, with whose it is and from when; kept, it becomes editable', async () => {
    const yesterday = new Date(Date.now() - 20 * 3600_000);
    const { patientId } = await act(() => nurseWithDraft(yesterday));
    render(<VitalSignsForm patientId={patientId} />);
    const offer = await screen.findByTestId('draft-restored');
    expect(offer.getAttribute('data-draft-status')).toBe('offered');
    expect(offer.textContent).toContain(
      `Brouillon non enregistré de Joy Nurse, du ${formatDateTime(yesterday, 'fr')}.`,
    );
    // Shown, highlighted, and nothing can be typed into it or saved until the person chooses.
    expect(input('sbp').value).toBe('400');
    expect(input('sbp').closest('.field')!.classList.contains('field-restored')).toBe(true);
    expect(input('hr').closest('.field')!.classList.contains('field-restored')).toBe(false);
    expect(input('sbp').closest('fieldset')!.disabled).toBe(true);
    expect(button('Enregistrer les constantes').disabled).toBe(true);

    fireEvent.click(button('Reprendre ce brouillon'));
    await waitFor(() => expect(input('sbp').closest('fieldset')!.disabled).toBe(false));
    expect(input('sbp').value).toBe('400');
    expect(notice()!.getAttribute('data-draft-status')).toBe('restored');
    expect(screen.queryByRole('button', { name: 'Reprendre ce brouillon' })).toBeNull();
  });

  it('discarded, the form is blank and the draft is gone', async () => {
    const { patientId } = await act(() => nurseWithDraft(new Date(Date.now() - 3600_000)));
    render(<VitalSignsForm patientId={patientId} />);
    await screen.findByTestId('draft-restored');
    fireEvent.click(button('Abandonner le brouillon'));
    await waitFor(() => expect(notice()).toBeNull());
    expect(input('sbp').value).toBe('');
    expect(input('temperatureC').value).toBe('');
    expect(input('sbp').closest('fieldset')!.disabled).toBe(false);
    expect(await drafts()).toEqual([]);
  });
});

describe('a draft from this session', () => {
  it('comes back restored and editable after a lock, and nothing shows once the set is saved', async () => {
    const { ctx, patientId } = await act(() => nurseWithDraft(new Date()));
    act(() => useSession.getState().lock());
    await act(() => useSession.getState().unlock(ctx.userId, PIN));
    render(<VitalSignsForm patientId={patientId} />);
    const restored = await screen.findByTestId('draft-restored');
    expect(restored.getAttribute('data-draft-status')).toBe('restored');
    expect(restored.textContent).toContain('Brouillon de Joy Nurse restauré');
    await waitFor(() => expect(button('Enregistrer les constantes').disabled).toBe(false));
    expect(input('sbp').value).toBe('400');

    for (const [field, value] of Object.entries({ sbp: '118', dbp: '76', hr: '70', spo2: '97', rr: '15' }))
      fireEvent.change(input(field), { target: { value } });
    fireEvent.click(button('Enregistrer les constantes'));
    await screen.findByText('Constantes enregistrées.');
    await waitFor(() => expect(notice()).toBeNull());
    expect(input('sbp').value).toBe('');
    expect(await loadDraft(session.env.db, ctx.userId, `vitals:${patientId}`)).toBeUndefined();
  });
});

describe('drafts are per person', () => {
  it('a colleague opening the same form sees a blank one', async () => {
    const { ctx, patientId } = await act(() => nurseWithDraft(new Date(Date.now() - 3600_000)));
    await act(() => signInAs(session, 'ann', 'nurse', 'Ann Other'));
    render(<VitalSignsForm patientId={patientId} />);
    await waitFor(() => expect(button('Enregistrer les constantes').disabled).toBe(false));
    expect(notice()).toBeNull();
    expect(input('sbp').value).toBe('');
    expect((await drafts()).map((d) => d.key)).toEqual([draftKey(ctx.userId, `vitals:${patientId}`)]);
  });
});
