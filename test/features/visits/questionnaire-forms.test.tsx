// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { assessmentRecordId } from '@/db/assessments';
import { getDb } from '@/db/database';
import { BILAG_SYSTEMS } from '@/schema/instruments';
import { scoreBilag, scoreEq5d5l, scoreSdi, scoreSf36, SDI_ITEMS } from '@/domain';
import { SF36_ITEMS } from '@/features/questionnaires/texts';
import { initI18n } from '@/i18n';
import { fakeAuthServer, setUpSession, type FakeServer } from '../../session/fake-auth-server';
import { formShown, participant, PIN, renderAt, signedIn } from './setup';

// Issue 23: each instrument's form shows the core's score for a filled sheet and names what is missing before;
// patient mode hides the app and is left only with the staff member's PIN.

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

const score = () => screen.getByTestId('running-score');
const fr = (n: number) => new Intl.NumberFormat('fr', { maximumFractionDigits: 1 }).format(n);

describe('instrument forms', () => {
  it('PGA: 0–3 in tenths, the core’s value shown; nothing chosen is incomplete', async () => {
    const id = await participant();
    await renderAt(`/participants/${id}/visits/M0/pga`);
    await screen.findByTestId('assessment-pga');
    expect(score().textContent).toContain('Incomplet, il manque : PGA');
    expect(screen.getByText('2 — Modérée')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('PGA (0 à 3, au dixième)', { selector: 'select' }), {
      target: { value: '1.7' },
    });
    await waitFor(() => expect(score().textContent).toContain('PGA : 1,7 / 3'));
    expect(screen.getByTestId('pga-output').textContent).toBe('1,7');
  });

  it('prednisone: the mean daily dose typed with a comma', async () => {
    const id = await participant();
    await renderAt(`/participants/${id}/visits/M0/prednisone`);
    await screen.findByTestId('assessment-prednisone');
    expect(score().dataset.status).toBe('incomplete');
    fireEvent.change(screen.getByLabelText(/Dose moyenne quotidienne/), { target: { value: '12,5' } });
    await waitFor(() => expect(score().textContent).toContain('12,5 mg/j'));
  });

  it('BILAG-2004: the numeric score and counts once the nine systems are graded', async () => {
    const id = await participant();
    await renderAt(`/participants/${id}/visits/M0/bilag`);
    await screen.findByTestId('assessment-bilag');
    const grades = { renal: 'A', musculoskeletal: 'B', mucocutaneous: 'B' } as Record<string, string>;
    for (const system of BILAG_SYSTEMS.slice(0, 8))
      fireEvent.click(within(screen.getByTestId(`bilag-${system}`)).getByText(grades[system] ?? 'D'));
    await waitFor(() => expect(score().textContent).toContain('Incomplet, il manque : Hématologique'));
    fireEvent.click(within(screen.getByTestId('bilag-haematological')).getByText('C'));
    const core = scoreBilag(
      Object.fromEntries(
        BILAG_SYSTEMS.map((s) => [s, s === 'haematological' ? 'C' : (grades[s] ?? 'D')]),
      ) as never,
    );
    expect(core).toEqual({ status: 'complete', numeric: 29, countA: 1, countB: 2 });
    await waitFor(() => expect(score().textContent).toContain('BILAG-2004 : 29 / 108'));
    expect(score().textContent).toContain('1 A, 2 B');
  });

  it('SDI: the total with end-stage renal disease replacing the other renal items', async () => {
    const id = await participant();
    await renderAt(`/participants/${id}/visits/M0/sdi`);
    await screen.findByTestId('assessment-sdi');
    fireEvent.click(within(screen.getByTestId('sdi-cataract')).getByText('1 pt'));
    fireEvent.click(within(screen.getByTestId('sdi-gfrBelow50')).getByText('1 pt'));
    fireEvent.click(within(screen.getByTestId('sdi-endStageRenalDisease')).getByText('3 pt'));
    await waitFor(() => expect(score().textContent).toContain('Incomplet'));
    fireEvent.click(screen.getByRole('button', { name: 'Tous les descripteurs restants : absents' }));
    const items = Object.fromEntries(SDI_ITEMS.map((item) => [item.id, 0])) as Record<string, number>;
    Object.assign(items, { cataract: 1, gfrBelow50: 1, endStageRenalDisease: 3 });
    expect(scoreSdi(items)).toEqual({ status: 'complete', total: 4 });
    await waitFor(() => expect(score().textContent).toContain('SDI : 4 / 47'));
  });

  it('SF-36v2: the eight scales of a filled sheet equal the core’s; blanks are named', async () => {
    const id = await participant();
    await renderAt(`/participants/${id}/visits/M0/sf36`);
    await formShown('sf36');
    expect(SF36_ITEMS).toHaveLength(36);
    const answers = SF36_ITEMS.map((item, index) => ((index * 7) % item.answers.length) + 1);
    for (const item of SF36_ITEMS.slice(0, 35)) {
      const row = screen.getByTestId(`sf36-item-${item.number}`);
      fireEvent.click(within(row).getAllByRole('radio')[answers[item.number - 1]! - 1]!);
    }
    // Item 36 blank: general health still has 4 of 5 items, so every scale is scored.
    const partial = scoreSf36([...answers.slice(0, 35), null]);
    expect(partial.status).toBe('complete');
    await waitFor(() => expect(score().dataset.status).toBe('complete'));
    const last = screen.getByTestId('sf36-item-36');
    fireEvent.click(within(last).getAllByRole('radio')[answers[35]! - 1]!);
    const core = scoreSf36(answers);
    if (core.status !== 'complete') throw new Error('expected a complete SF-36');
    await waitFor(() =>
      expect(within(screen.getByTestId('sf36-scales')).getByText(/Vitalité/).textContent).toBe(
        `Vitalité ${fr(core.vitality)}`,
      ),
    );
    for (const scale of ['physicalFunctioning', 'bodilyPain', 'generalHealth', 'mentalHealth'] as const)
      expect(
        screen.getByTestId('sf36-scales').querySelector(`[data-scale="${scale}"]`)!.textContent,
      ).toContain(fr(core[scale]));
  });

  it('SF-36v2: fewer than half the items of a scale → that scale’s blank items named', async () => {
    const id = await participant();
    await renderAt(`/participants/${id}/visits/M0/sf36`);
    await formShown('sf36');
    for (const item of SF36_ITEMS.filter((i) => ![21, 22].includes(i.number)))
      fireEvent.click(within(screen.getByTestId(`sf36-item-${item.number}`)).getAllByRole('radio')[0]!);
    await waitFor(() =>
      expect(score().textContent).toBe('Score en cours Incomplet, il manque : questions 7, 8'),
    );
  });

  it('EQ-5D-5L: profile, level sum and French index from the core; the VAS is asked for', async () => {
    const id = await participant();
    await renderAt(`/participants/${id}/visits/M0/eq5d5l`);
    await screen.findByTestId('assessment-eq5d5l');
    const levels = { mobility: 2, selfCare: 1, usualActivities: 3, painDiscomfort: 4, anxietyDepression: 2 };
    for (const [dimension, level] of Object.entries(levels))
      fireEvent.click(within(screen.getByTestId(`eq5d-${dimension}`)).getAllByRole('radio')[level - 1]!);
    await waitFor(() => expect(score().textContent).toContain('Incomplet, il manque : EVA (0–100)'));
    fireEvent.change(screen.getByLabelText('EVA (0–100)'), { target: { value: '65' } });
    const core = scoreEq5d5l({ ...levels, vas: 65 });
    if (core.status !== 'complete') throw new Error('expected complete');
    await waitFor(() =>
      expect(score().textContent).toContain(
        `Profil 21342 — somme des niveaux 12 — index (jeu de valeurs français) ${new Intl.NumberFormat('fr', { maximumFractionDigits: 3 }).format(core.indexFR)} — EVA 65`,
      ),
    );
  });
});

describe('patient mode', () => {
  it('one question per screen, everything else inert; leaving needs the staff PIN; answers are the participant’s', async () => {
    const appRoot = document.body.appendChild(Object.assign(document.createElement('div'), { id: 'root' }));
    const id = await participant();
    const { router } = await renderAt(`/participants/${id}/visits/M0/eq5d5l/patient`);
    const mode = await screen.findByTestId('patient-mode');
    expect(appRoot.hasAttribute('inert')).toBe(true); // the app behind: no touch, keyboard or screen reader
    expect(within(mode).getByTestId('patient-progress').textContent).toBe('Question 1 sur 6');
    expect(within(mode).getByText('Mobilité')).toBeTruthy();
    fireEvent.click(
      within(mode).getByRole('button', { name: 'J’ai des problèmes légers pour me déplacer à pied' }),
    );
    expect(within(mode).getByTestId('patient-progress').textContent).toBe('Question 2 sur 6');

    // Navigating away (a link, the back gesture) is held: the PIN is asked instead.
    await act(() => router.navigate(`/participants/${id}`));
    expect(await within(mode).findByTestId('patient-pin')).toBeTruthy();
    expect(router.state.location.pathname).toBe(`/participants/${id}/visits/M0/eq5d5l/patient`);
    fireEvent.change(within(mode).getByLabelText('Code PIN de Dr House pour quitter le mode patient'), {
      target: { value: '000000' },
    });
    fireEvent.click(within(mode).getByRole('button', { name: 'Quitter le mode patient' }));
    expect(await within(mode).findByText('Code PIN incorrect.')).toBeTruthy();
    expect(router.state.location.pathname).toContain('/patient');
    fireEvent.click(within(mode).getByRole('button', { name: 'Revenir au questionnaire' }));

    for (const label of [
      'Je n’ai aucun problème pour me laver ou m’habiller tout(e) seul(e)',
      'J’ai des problèmes modérés pour accomplir mes activités courantes',
      'J’ai des douleurs ou une gêne légère(s)',
      'Je ne suis ni anxieux(se), ni déprimé(e)',
    ])
      fireEvent.click(within(mode).getByRole('button', { name: label }));
    expect(within(mode).getByTestId('vas-value').textContent).toBe('50');
    fireEvent.click(within(mode).getByRole('button', { name: '+10' }));
    fireEvent.click(within(mode).getByRole('button', { name: 'Terminer' }));
    expect(await within(mode).findByTestId('patient-thanks')).toBeTruthy();
    const stored = await getDb().records.get(assessmentRecordId(id, 'M0', 'eq5d5l'));
    expect(stored?.data).toMatchObject({
      form: 'eq5d5l',
      respondent: 'participant',
      via: 'Dr House',
      levels: {
        mobility: 2,
        selfCare: 1,
        usualActivities: 3,
        painDiscomfort: 2,
        anxietyDepression: 1,
        vas: 60,
      },
    });

    fireEvent.click(
      within(mode).getByRole('button', { name: 'Réservé à l’équipe : quitter le mode patient' }),
    );
    fireEvent.change(within(mode).getByLabelText(/Code PIN de Dr House/), { target: { value: PIN } });
    fireEvent.click(within(mode).getByRole('button', { name: 'Quitter le mode patient' }));
    await waitFor(() => expect(router.state.location.pathname).toBe(`/participants/${id}/visits/M0/eq5d5l`));
    expect(await screen.findByTestId('respondent')).toBeTruthy();
    expect(screen.getByTestId('respondent').textContent).toBe('Réponses du participant, via Dr House');
    expect(screen.queryByTestId('patient-mode')).toBeNull();
    expect(appRoot.hasAttribute('inert')).toBe(false);
    appRoot.remove();
  });
});
