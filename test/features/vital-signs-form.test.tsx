// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { VitalSignsForm } from '@/features/participants/VitalSignsForm';
import { initI18n } from '@/i18n';
import { toOffsetIso } from '@/ui/date-time-entry';
import { createParticipant, signInAs, startClinicalSession, type ClinicalSession } from './clinical-session';

// Issue 19, item 1: a set's time is the moment it is SAVED (the page may have been open for an hour of
// 15-minute checks), unless the nurse sets it by hand — then it is marked so, and never in the future.

let session: ClinicalSession;
async function nurse() {
  await signInAs(session, 'joy', 'nurse', 'Joy Nurse');
  return createParticipant(session);
}

const VALUES = { sbp: '120', dbp: '80', hr: '72', temperatureC: '37,2', spo2: '98', rr: '16' };
function type(values: Record<string, string>) {
  for (const [field, value] of Object.entries(values))
    fireEvent.change(document.getElementById(field)!, { target: { value } });
}
const saveButton = () =>
  screen.getByRole('button', { name: 'Enregistrer les constantes' }) as HTMLButtonElement;
/** The form is usable once its draft (if any) has been read. */
const formReady = () => waitFor(() => expect(saveButton().disabled).toBe(false));
const savedSets = () => session.env.db.records.where('kind').equals('vitalSigns').toArray();
const at = (h: number, m: number, s = 0) => new Date(2026, 11, 1, h, m, s);

beforeAll(async () => {
  await initI18n('fr');
});
beforeEach(async () => {
  session = await startClinicalSession();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
  session.env.restore();
});

describe('the time of a vital-sign set', () => {
  it('is the moment of saving, not the moment the form opened', async () => {
    const id = await act(nurse);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(at(8, 16, 0));
    render(<VitalSignsForm patientId={id} />);
    expect((await screen.findByTestId('takenAt-at-save')).textContent).toContain('À l’enregistrement');
    await formReady();
    type(VALUES);
    vi.setSystemTime(at(8, 17, 44));
    fireEvent.click(saveButton());
    await waitFor(async () => expect(await savedSets()).toHaveLength(1));
    const [set] = await savedSets();
    expect(set!.data.takenAt).toBe(toOffsetIso(at(8, 17, 44)));
    expect(set!.data.takenAtByHand).toBeUndefined();
    expect(set!.data.temperatureC).toBe(37.2);
  });

  it('set by hand is kept and marked as entered by hand', async () => {
    const id = await act(nurse);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(at(8, 30));
    render(<VitalSignsForm patientId={id} />);
    await formReady();
    fireEvent.click(await screen.findByRole('button', { name: 'Saisir l’heure' }));
    const time = screen.getByLabelText('Heure') as HTMLInputElement;
    expect(time.value).toBe('08:30');
    expect((screen.getByLabelText('Date') as HTMLInputElement).value).toBe('01/12/2026');
    fireEvent.change(time, { target: { value: '805' } });
    fireEvent.blur(time);
    expect(time.value).toBe('08:05');
    type(VALUES);
    fireEvent.click(saveButton());
    await waitFor(async () => expect(await savedSets()).toHaveLength(1));
    const [set] = await savedSets();
    expect(set!.data.takenAt).toBe(toOffsetIso(at(8, 5)));
    expect(set!.data.takenAtByHand).toBe(true);
  });

  it('set by hand in the future is refused, and nothing is saved', async () => {
    const id = await act(nurse);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(at(8, 30));
    render(<VitalSignsForm patientId={id} />);
    await formReady();
    fireEvent.click(await screen.findByRole('button', { name: 'Saisir l’heure' }));
    const time = screen.getByLabelText('Heure');
    fireEvent.change(time, { target: { value: '09:00' } });
    fireEvent.blur(time);
    const future = 'Cette heure est dans le futur : indiquez l’heure à laquelle la mesure a été prise.';
    expect(screen.getByRole('alert').textContent).toBe(future);
    type(VALUES);
    fireEvent.click(saveButton());
    await waitFor(() => expect(screen.getAllByText(future).length).toBeGreaterThan(0));
    expect(await savedSets()).toHaveLength(0);
  });

  it('reads a comma or a point, and refuses a value with two separators', async () => {
    const id = await act(nurse);
    render(<VitalSignsForm patientId={id} />);
    await formReady();
    type({ ...VALUES, temperatureC: '37,236,8' });
    fireEvent.click(saveButton());
    // Typed but no number: said so, not "required".
    expect(await screen.findByText('Nombre attendu, par exemple 120 ou 36,8.')).toBeTruthy();
    expect(screen.queryByText('Valeur requise.')).toBeNull();
    expect(await savedSets()).toHaveLength(0);
    type({ temperatureC: '36.9' });
    fireEvent.click(saveButton());
    await waitFor(async () => expect(await savedSets()).toHaveLength(1));
    expect((await savedSets())[0]!.data.temperatureC).toBe(36.9);
  });
});
