// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assessmentRecordId } from '@/db/assessments';
import { getDb } from '@/db/database';
import { SLEDAI_DESCRIPTORS, scoreSledai } from '@/domain';
import { initI18n } from '@/i18n';
import { fakeAuthServer, setUpSession, type FakeServer } from '../../session/fake-auth-server';
import { formShown, participant, PIN, renderAt, signedIn } from './setup';

// Issue 23, SELENA-SLEDAI on the tablet: the running score is the core's, the missing descriptors are named, a
// finalised form needs the physician's signature, and editing it needs a reason and shows the signature invalidated.

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
});
afterEach(() => {
  cleanup();
  env.restore();
});

const score = () => screen.getByTestId('running-score');
const answer = (id: string, present: boolean) =>
  fireEvent.click(within(screen.getByTestId(`sledai-${id}`)).getByLabelText(present ? 'Présent' : 'Absent'));

describe('the SELENA-SLEDAI form', () => {
  it('"all remaining descriptors: absent" answers only those still blank, after answers given since it opened', async () => {
    // The form's body is memoised: it must watch the answers it reads, or this button would see the answers of
    // the form's opening (none) and overwrite the present ones.
    await act(() => signedIn(server, 'house', 'physician', 'Dr House'));
    const id = await participant();
    await renderAt(`/participants/${id}/visits/M0/sledai`);
    await formShown('sledai');
    answer('arthritis', true);
    answer('rash', true);
    fireEvent.click(screen.getByRole('button', { name: 'Tous les descripteurs restants : absents' }));
    const total = scoreSledai(
      Object.fromEntries(SLEDAI_DESCRIPTORS.map((d) => [d.id, d.id === 'arthritis' || d.id === 'rash'])),
    );
    expect(total).toEqual({ status: 'complete', total: 6 });
    await waitFor(() => expect(score().textContent).toContain('SELENA-SLEDAI : 6 / 105'));
    expect(
      within(screen.getByTestId('sledai-arthritis')).getByLabelText<HTMLInputElement>('Présent').checked,
    ).toBe(true);
    expect(screen.queryByRole('button', { name: 'Tous les descripteurs restants : absents' })).toBeNull();
  });

  it('shows the core’s total once all 24 are answered, names the missing ones before, and signs', async () => {
    await act(() => signedIn(server, 'house', 'physician', 'Dr House'));
    const id = await participant();
    await renderAt(`/participants/${id}/visits/M0/sledai`);
    await formShown('sledai');
    // Definitions on screen.
    expect(screen.getByText(/Plus de deux articulations douloureuses/)).toBeTruthy();
    expect(score().dataset.status).toBe('incomplete');

    const present = new Set(['arthritis', 'rash', 'lowComplement', 'increasedDnaBinding', 'proteinuria']);
    for (const d of SLEDAI_DESCRIPTORS.slice(0, 22)) answer(d.id, present.has(d.id));
    await waitFor(() =>
      expect(score().textContent).toBe('Score en cours Incomplet, il manque : Thrombopénie, Leucopénie'),
    );
    answer('thrombocytopenia', false);
    answer('leukopenia', true);
    const answers = Object.fromEntries(
      SLEDAI_DESCRIPTORS.map((d) => [d.id, present.has(d.id) || d.id === 'leukopenia']),
    );
    const core = scoreSledai(answers);
    expect(core).toEqual({ status: 'complete', total: 15 });
    await waitFor(() => expect(score().textContent).toContain('SELENA-SLEDAI : 15 / 105'));

    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer et signer' }));
    const dialog = await screen.findByRole('dialog', { name: 'Signature électronique' }, { timeout: 5000 });
    expect(within(dialog).getByText('Je confirme les formulaires de cette visite')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('Votre code PIN'), { target: { value: PIN } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Signer' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull(), { timeout: 5000 }).catch(() => {
      throw new Error(`dialog: ${screen.queryByTestId('signature-error')?.textContent}`);
    });
    await waitFor(() =>
      expect(screen.getByTestId('assessment-status').textContent).toContain('Finalisé (signé)'),
    );
    const recordId = assessmentRecordId(id, 'M0', 'sledai');
    const stored = await getDb().records.get(recordId);
    expect(stored?.data).toMatchObject({ visit: 'M0', form: 'sledai', answers });

    // Editing the finalised form: warned, a reason is required, then the old signature shows invalidated.
    answer('rash', false);
    expect((await screen.findByTestId('signed-warning')).textContent).toContain('invalidera la signature');
    await waitFor(() => expect(score().textContent).toContain('SELENA-SLEDAI : 13 / 105'));
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText('Indiquez un motif (3 caractères au moins).')).toBeTruthy();
    expect((await getDb().records.get(recordId))!.rev).toBe(1);
    fireEvent.change(screen.getByLabelText('Motif de la modification'), {
      target: { value: 'éruption résolue' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(() =>
      expect(screen.getByTestId('signature-entry').getAttribute('data-validity')).toBe('invalidated'),
    );
    expect(screen.getByTestId('assessment-status').textContent).toContain(
      'la signature précédente est invalidée',
    );
    const history = await screen.findAllByTestId('history-entry');
    expect(history).toHaveLength(2);
    expect(history[1]!.textContent).toContain('Motif : éruption résolue');
  });

  it('a nurse cannot finalise: no signature button', async () => {
    await act(() => signedIn(server, 'house', 'physician', 'Dr House'));
    const id = await participant();
    await act(() => signedIn(server, 'joy', 'nurse', 'Joy'));
    await renderAt(`/participants/${id}/visits/M0/sledai`);
    await formShown('sledai');
    expect(screen.queryByRole('button', { name: 'Enregistrer et signer' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Enregistrer' })).toBeNull();
    expect(screen.getByText('Ce formulaire est saisi par un médecin.')).toBeTruthy();
    expect(screen.getByTestId('sledai-arthritis').querySelector('fieldset')!.disabled).toBe(true);
  });

  it('a nurse enters an SF-36 and saves it; a physician finalises it', async () => {
    await act(() => signedIn(server, 'house', 'physician', 'Dr House'));
    const id = await participant();
    await act(() => signedIn(server, 'joy', 'nurse', 'Joy'));
    await renderAt(`/participants/${id}/visits/M0/sf36`);
    await formShown('sf36');
    expect(screen.queryByRole('button', { name: 'Enregistrer et signer' })).toBeNull();
    expect(screen.getByText('Un médecin finalisera ce formulaire en le signant.')).toBeTruthy();
    fireEvent.click(within(screen.getByTestId('sf36-item-1')).getAllByRole('radio')[1]!);
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    await waitFor(async () =>
      expect((await getDb().records.get(assessmentRecordId(id, 'M0', 'sf36')))?.data).toMatchObject({
        form: 'sf36',
      }),
    );
  });
});
