// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { act, cleanup, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createRecord } from '@/db/commands';
import { getDb } from '@/db/database';
import type { StoredRecord } from '@/db/types';
import { CohortDecisionView, type CohortRow } from '@/features/screening/DoseDecisionPage';
import ScreeningPage from '@/features/screening/ScreeningPage';
import { includeParticipant, saveEligibility } from '@/features/screening/screening-commands';
import { initI18n } from '@/i18n';
import type { EligibilityFacts } from '@/schema/eligibility';
import { currentWriteContext, useSession } from '@/session/session-store';
import { signRecord } from '@/session/signature';
import { fakeAuthServer, setUpSession, type FakeServer } from '../session/fake-auth-server';

// Issue 20, the screening screens in French: live criteria with the core's reasons, refusal of impossible
// values with their bounds, the signature gate before inclusion, and the "wait" and "hold" states of the dose
// decision.

const PIN = '482913';
const PASSWORD = 'correct horse battery';
let server: FakeServer;
let env: ReturnType<typeof setUpSession>;

async function physician() {
  server.addUser('house', 'physician', PASSWORD, 'Dr House');
  await useSession.getState().signIn({ username: 'house', password: PASSWORD, deviceName: 'T' });
  await useSession.getState().choosePin(PIN, PIN);
  return currentWriteContext()!;
}

async function participant(trialNumber = 'MSC-LES-07') {
  const id = crypto.randomUUID();
  const created = await createRecord(env.db, currentWriteContext()!, {
    kind: 'participant',
    recordId: id,
    patientId: id,
    data: { trialNumber, initials: 'AB' },
  });
  expect(created.ok).toBe(true);
  return id;
}

function renderScreening(id: string) {
  const router = createMemoryRouter(
    [{ path: '/participants/:participantId/screening', element: <ScreeningPage /> }],
    { initialEntries: [`/participants/${id}/screening`] },
  );
  return render(<RouterProvider router={router} />);
}

/** The eligibility form is editable once its draft was looked up (the physician's). */
const formReady = () =>
  waitFor(() =>
    expect(
      (screen.getByRole('button', { name: 'Enregistrer l’évaluation' }) as HTMLButtonElement).disabled,
    ).toBe(false),
  );
const reason = (id: string) => screen.getByTestId(`reason-${id}`).textContent;
const answer = (id: string) => screen.getByTestId(`answer-${id}`).getAttribute('data-answer');
const type = (label: string, value: string) =>
  fireEvent.change(screen.getByLabelText(label, { exact: true }), { target: { value } });
const choose = (fact: string, label: string) =>
  fireEvent.click(within(screen.getByTestId(`fact-${fact}`)).getByLabelText(label));

beforeAll(async () => {
  await initI18n('fr');
  // A wait, never a timed assertion: a loaded 2-core machine takes more than the default second to sign or save.
  configure({ asyncUtilTimeout: 5_000 });
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

describe('the eligibility form', () => {
  it('shows each criterion live as met, not met or unknown, with the core’s reason in French', async () => {
    await act(() => physician());
    renderScreening(await participant());
    await screen.findByTestId('criterion-I3');
    await formReady();
    // Nothing entered: unknown, naming what is missing.
    expect(answer('I3'), 'I3').toBe('unknown');
    expect(reason('I3')).toBe('À renseigner : SELENA-SLEDAI à la sélection');
    // The link opens the visits workflow's SLEDAI form (a route that exists: /participants/:id/visits/:visit/sledai).
    expect(screen.getByRole('link', { name: 'Remplir le formulaire SLEDAI' }).getAttribute('href')).toMatch(
      /^\/participants\/[^/]+\/visits\/M0\/sledai$/,
    );
    expect(reason('NI2a')).toBe('À renseigner : Date de naissance ; Sexe ; Poids ; Créatinine');

    // A man of 46, SLEDAI 4, creatinine 90 µmol/L, 80 kg.
    type('Date de naissance', '03/02/1980');
    choose('sex', 'Homme');
    type('Poids', '80');
    type('SELENA-SLEDAI à la sélection', '4');
    type('Créatinine', '90');
    await waitFor(() => expect(answer('I3'), 'I3').toBe('notMet'));
    expect(reason('I3')).toBe('SELENA-SLEDAI 4 (seuil ≥ 6)');
    expect(answer('I6'), 'I6').toBe('met');
    expect(reason('I6')).toBe('Sans objet (homme)');
    expect(answer('NI2a'), 'NI2a').toBe('notMet');
    expect(reason('NI2a')).toMatch(
      /^Clairance \(Cockcroft–Gault\) \d+,\d mL\/min, CKD-EPI 2021 \d+ mL\/min\/1,73 m² \(exclut si < 30\)$/,
    );
    expect(screen.getByTestId('computed-renal').textContent).toMatch(
      /poids 80 kg, sexe Homme, créatinine 90 µmol\/L/,
    );
    expect(screen.getByTestId('verdict').getAttribute('data-verdict')).toBe('ineligible');

    // Low platelets exclude only once the physician says they are not due to lupus.
    type('Plaquettes', '20');
    await waitFor(() => expect(answer('NI4'), 'NI4').toBe('unknown'));
    expect(reason('NI4')).toBe('À renseigner : Cytopénie attribuée au lupus');
    choose('cytopeniaDueToLupus', 'Non');
    await waitFor(() => expect(answer('NI4'), 'NI4').toBe('met'));
    expect(reason('NI4')).toBe('Plaquettes 20 G/L (exclut si < 30)');
    choose('cytopeniaDueToLupus', 'Oui');
    await waitFor(() => expect(answer('NI4'), 'NI4').toBe('notMet'));
    expect(reason('NI4')).toBe('Cytopénie attribuée au lupus : n’exclut pas');
  });

  it('refuses an impossible value, saying the bounds, and keeps its criterion unknown', async () => {
    await act(() => physician());
    renderScreening(await participant());
    await screen.findByTestId('criterion-I3');
    await formReady();
    type('Poids', '400');
    expect((await screen.findByTestId('problem-fact-weightKg')).textContent).toBe(
      'Valeur refusée : attendue entre 20 et 300 kg',
    );
    type('Hémoglobine', '1,5');
    expect((await screen.findByTestId('problem-fact-haemoglobinGdL')).textContent).toBe(
      'Valeur refusée : attendue entre 2 et 25 g/dL',
    );
    type('SELENA-SLEDAI à la sélection', '6,5');
    expect((await screen.findByTestId('problem-fact-sledai')).textContent).toBe(
      'Nombre attendu (virgule ou point)',
    );
    expect(answer('I3'), 'I3').toBe('unknown');
    type('Date de naissance', '31/02/1980');
    expect((await screen.findByTestId('problem-fact-birthDate')).textContent).toBe(
      'Date attendue au format JJ/MM/AAAA',
    );
    // Saving refuses while any value is refused, naming it.
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer l’évaluation' }));
    expect(await screen.findByText(/Valeurs à corriger : .*Poids/)).toBeTruthy();
    expect(await env.db.records.where('kind').equals('eligibility').count()).toBe(0);
    // Corrected, the refusal goes and the value counts.
    type('Poids', '62,5');
    await waitFor(() => expect(screen.queryByTestId('problem-fact-weightKg')).toBeNull());
  });

  it('takes the height in cm within its bounds and keeps it in the facts', async () => {
    await act(() => physician());
    const id = await participant();
    renderScreening(id);
    await screen.findByTestId('criterion-I3');
    await formReady();
    // Typed in metres by mistake: refused, saying the bounds and the unit.
    type('Taille', '1,68');
    expect((await screen.findByTestId('problem-fact-heightCm')).textContent).toBe(
      'Valeur refusée : attendue entre 100 et 230 cm',
    );
    type('Taille', '168,5');
    await waitFor(() => expect(screen.queryByTestId('problem-fact-heightCm')).toBeNull());
    type('Date de signature du consentement', '01/01/2020');
    fireEvent.click(screen.getByRole('button', { name: 'Enregistrer l’évaluation' }));
    expect(await screen.findByText('Évaluation enregistrée.')).toBeTruthy();
    const saved = await env.db.records.where('kind').equals('eligibility').first();
    expect(saved?.data.facts).toMatchObject({ heightCm: 168.5 });
    // Reopened, the form shows it as saved.
    cleanup();
    renderScreening(id);
    await waitFor(() =>
      expect((screen.getByLabelText('Taille', { exact: true }) as HTMLInputElement).value).toBe('168,5'),
    );
  });
});

const ELIGIBLE: EligibilityFacts = {
  birthDate: '1990-06-15',
  sex: 'M',
  weightKg: 70,
  sleAcrCriteria: true,
  anaPositive: true,
  sledai: 10,
  prednisoneFailure: true,
  immunosuppressantFailure: { mycophenolate: true },
  stableTreatmentSince: '2026-01-01',
  stableTreatmentPrednisoneBased: true,
  partnerChildbearingPotential: false,
  socialSecurityAffiliation: true,
  creatinineUmolL: 70,
  congestiveHeartFailure: false,
  lvefPercent: 60,
  uncontrolledVentricularArrhythmia: false,
  astUL: 20,
  astUln: 40,
  altUL: 20,
  altUln: 40,
  meanPapMmHg: 20,
  pao2MmHg: 90,
  paco2MmHg: 40,
  severePsychiatricDisorder: false,
  activeNeoplasiaOrMyelodysplasia: false,
  neutrophilsGL: 3,
  plateletsGL: 200,
  haemoglobinGdL: 13,
  cd4PerUL: 600,
  uncontrolledInfection: false,
  hiv: 'negative',
  htlv: 'negative',
  hbsAg: 'negative',
  hcv: 'negative',
  lastBelimumabDate: 'never',
  lastBCellDepletingDate: 'never',
  substanceAbuseWithin60Days: false,
  inRegistryExclusionPeriod: false,
  unableToConsent: false,
  inAnotherStudy: false,
  poorComplianceRisk: false,
  underLegalProtection: false,
};

describe('the signature gate', () => {
  it('includes only after the physician signed the eligible assessment, and refuses a consent after a procedure', async () => {
    const ctx = await act(() => physician());
    const id = await participant();
    const late = await saveEligibility(env.db, ctx, {
      participantId: id,
      screeningDate: '2026-03-02',
      consentDate: '2026-03-03',
      facts: ELIGIBLE,
    });
    expect(late).toMatchObject({ ok: false, code: 'screening', rule: 'procedure-before-consent' });
    const saved = await saveEligibility(env.db, ctx, {
      participantId: id,
      screeningDate: '2026-03-02',
      consentDate: '2026-03-02',
      facts: ELIGIBLE,
    });
    expect(saved).toMatchObject({ ok: true, verdict: 'eligible' });
    renderScreening(id);
    const panel = await screen.findByTestId('verdict-panel');
    expect((await within(panel).findByTestId('assessment-unsigned')).textContent).toBe(
      'Évaluation non signée.',
    );
    expect(screen.queryByTestId('include')).toBeNull();
    const refused = await includeParticipant(env.db, ctx, {
      participantId: id,
      inclusionDate: '2026-03-04',
      reason: 'inclusion',
    });
    expect(refused).toMatchObject({ ok: false, rule: 'assessment-unsigned' });

    await act(async () => {
      const signed = await signRecord(env.db, ctx, {
        recordId: saved.ok ? saved.recordId : '',
        meaning: 'eligibility-assessment',
        method: 'pin',
        pinOrPassword: PIN,
      });
      expect(signed.ok).toBe(true);
    });
    const include = await screen.findByTestId('include');
    expect(include.textContent).toBe('Inclure dans la cohorte 1 à 2 ×10⁶/kg');
    const early = await includeParticipant(env.db, ctx, {
      participantId: id,
      inclusionDate: '2026-03-01',
      reason: 'inclusion',
    });
    expect(early).toMatchObject({ ok: false, rule: 'procedure-before-consent' });
    fireEvent.change(screen.getByLabelText('Date d’inclusion'), { target: { value: '04/03/2026' } });
    fireEvent.click(include);
    expect((await screen.findByTestId('dose-level')).textContent).toBe(
      'Niveau de dose : 2 ×10⁶ cellules/kg (cohorte 1)',
    );
    expect(screen.getByTestId('dose-cells').textContent).toMatch(/^Cellules à perfuser : 140\s000\s000$/);
  });
});

function rows(states: { infused?: boolean; completed?: boolean; dlt?: boolean }[]): CohortRow[] {
  return states.map((s, i) => ({
    record: { id: `p${i}` } as StoredRecord,
    participant: {
      trialNumber: `MSC-LES-1${i}`,
      initials: 'AB',
      cohort: 1,
      doseLevel: 2,
      infusionDate: '2026-03-01',
    },
    status: {
      infused: s.infused ?? true,
      completed: s.completed ?? false,
      dlt: s.dlt ?? false,
      dltPending: false,
      worstGrade: s.dlt ? 3 : 0,
    },
  }));
}

describe('the dose decision', () => {
  it('says wait, with how many are still in their window, and offers only a pause', async () => {
    await act(() => physician());
    render(
      <CohortDecisionView
        cohort={1}
        doseLevel={2}
        rows={rows([{ completed: true }, {}, {}])}
        decisions={[]}
      />,
    );
    const recommendation = screen.getByTestId('recommendation');
    expect(recommendation.getAttribute('data-decision')).toBe('wait');
    expect(recommendation.textContent).toContain(
      'Attendre : 2 participants encore dans la fenêtre de 10 jours, 2 encore à perfuser.',
    );
    const form = await screen.findByTestId('decision-form');
    expect(
      within(form)
        .getAllByRole('radio')
        .map((r) => r.parentElement?.textContent),
    ).toEqual(['Suspendre les inclusions']);
    expect(screen.getByTestId('posterior-chart')).toBeTruthy();
    expect(screen.getByTestId('posterior-1').textContent).toMatch(/P\(p > 0,3\) = 0,49/);
    // No DLT yet is not "no DLT" while the 10 days run: only a completed window says Non.
    expect(screen.getAllByTestId('decision-dlt').map((cell) => cell.textContent)).toEqual([
      'Non',
      'aucune à ce jour',
      'aucune à ce jour',
    ]);
  });

  it('at one DLT in five says the DSMB decides between 1 and 4 ×10⁶/kg, and requires the choice', async () => {
    await act(() => physician());
    render(
      <CohortDecisionView
        cohort={1}
        doseLevel={2}
        rows={rows([
          { completed: true, dlt: true },
          { completed: true },
          { completed: true },
          { completed: true },
          { completed: true },
        ])}
        decisions={[]}
      />,
    );
    expect(screen.getByTestId('recommendation').getAttribute('data-decision')).toBe('hold');
    expect(screen.getByTestId('hold-explained').textContent).toContain(
      'Le protocole ne prévoit que 1 ou 4 ×10⁶/kg pour la cohorte suivante : la décision revient au DSMB',
    );
    expect(screen.getByTestId('posterior-1').textContent).toMatch(/= 0,42; moyenne|= 0,42 ;/);
    const form = await screen.findByTestId('decision-form');
    const options = within(form).getAllByRole('radio') as HTMLInputElement[];
    expect(options.map((r) => r.parentElement?.textContent)).toEqual([
      'Désescalade à 1 ×10⁶/kg',
      'Escalade à 4 ×10⁶/kg',
      'Suspendre les inclusions',
    ]);
    expect(options.some((r) => r.checked)).toBe(false);
    fireEvent.change(within(form).getByLabelText('Justification (requise)'), {
      target: { value: 'avis du DSMB' },
    });
    fireEvent.click(within(form).getByTestId('save-decision'));
    expect(await within(form).findByText('Choisissez la décision.')).toBeTruthy();
    expect(await env.db.records.where('kind').equals('doseDecision').count()).toBe(0);
    fireEvent.click(options[1]!);
    fireEvent.click(within(form).getByTestId('save-decision'));
    await waitFor(async () =>
      expect(await env.db.records.where('kind').equals('doseDecision').count()).toBe(1),
    );
    const [decision] = await env.db.records.where('kind').equals('doseDecision').toArray();
    expect(decision!.data).toMatchObject({
      recommendation: 'hold',
      decision: 'escalate',
      nextDoseLevel: 4,
      dlts: 1,
      completed: 5,
    });
    expect(decision!.patientId).toBeNull();
    expect(await screen.findByRole('dialog', { name: 'Signature électronique' })).toBeTruthy();
  });
});

describe('the withdrawal from the study', () => {
  it('records a physician’s withdrawal with its date (not in the future) and reason as a revision', async () => {
    await act(() => physician());
    const id = await participant();
    renderScreening(id);
    fireEvent.click(await screen.findByTestId('withdraw-open'));
    const panel = screen.getByTestId('withdrawal');
    // Editable once its draft was looked up (none here).
    await waitFor(() => expect((screen.getByTestId('withdraw') as HTMLButtonElement).disabled).toBe(false));
    fireEvent.change(within(panel).getByLabelText('Date du retrait'), { target: { value: '01/01/2999' } });
    fireEvent.change(within(panel).getByLabelText('Motif du retrait'), {
      target: { value: 'Retrait du consentement' },
    });
    fireEvent.click(screen.getByTestId('withdraw'));
    await within(panel).findByText('Cette date est dans le futur');
    expect((await getDb().records.get(id))!.data.status).toBeUndefined();
    fireEvent.change(within(panel).getByLabelText('Motif du retrait'), { target: { value: '  ' } });
    fireEvent.change(within(panel).getByLabelText('Date du retrait'), { target: { value: '02/03/2025' } });
    fireEvent.click(screen.getByTestId('withdraw'));
    await within(panel).findByText('Indiquez un motif (3 caractères au moins).');
    fireEvent.change(within(panel).getByLabelText('Motif du retrait'), {
      target: { value: 'Retrait du consentement' },
    });
    fireEvent.click(screen.getByTestId('withdraw'));
    const done = await screen.findByTestId('withdrawn');
    expect(done.textContent).toContain('Retrait du consentement');
    expect(done.textContent).toContain('2025');
    expect(screen.queryByTestId('withdraw-open')).toBeNull();
    const record = (await getDb().records.get(id))!;
    expect(record.data).toMatchObject({
      status: 'withdrawn',
      withdrawalDate: '2025-03-02',
      withdrawalReason: 'Retrait du consentement',
    });
    const revisions = await getDb().revisions.where('recordId').equals(id).toArray();
    expect(revisions.map((r) => r.reason)).toContain('Retrait de l’étude');
  });

  it('is not offered to a role other than the physician', async () => {
    await act(() => physician());
    const id = await participant();
    server.addUser('joy', 'nurse', PASSWORD, 'Joy Nurse');
    await act(async () => {
      await useSession.getState().signIn({ username: 'joy', password: PASSWORD, deviceName: 'T' });
      await useSession.getState().choosePin(PIN, PIN);
    });
    expect(currentWriteContext()!.role).toBe('nurse');
    renderScreening(id);
    await screen.findByTestId('screening-title');
    expect(screen.queryByTestId('withdraw-open')).toBeNull();
  });
});

describe('the dose card’s weight', () => {
  it('computes with the weight measured on the infusion day once there is one, and says which', async () => {
    const ctx = await act(() => physician());
    const id = crypto.randomUUID();
    const created = await createRecord(env.db, ctx, {
      kind: 'participant',
      recordId: id,
      patientId: id,
      data: { trialNumber: 'MSC-LES-08', initials: 'CD', status: 'included', cohort: 1, doseLevel: 2 },
    });
    expect(created.ok).toBe(true);
    const saved = await saveEligibility(env.db, ctx, {
      participantId: id,
      screeningDate: '2026-03-02',
      consentDate: '2026-03-02',
      facts: ELIGIBLE,
    });
    expect(saved.ok).toBe(true);
    renderScreening(id);
    expect((await screen.findByTestId('dose-weight')).textContent).toBe('70 kg');
    expect(screen.getByTestId('dose-weight-from').textContent).toContain('Poids de la sélection');
    expect(screen.getByTestId('dose-cells').textContent).toMatch(/^Cellules à perfuser : 140\s000\s000$/);

    const step = await act(() =>
      createRecord(env.db, ctx, {
        kind: 'infusionStep',
        patientId: id,
        data: {
          infusionId: crypto.randomUUID(),
          at: '2026-03-20T08:15:00.000+01:00',
          item: 'weight',
          outcome: 'done',
          weightKg: 80,
          assignedWeightKg: 70,
          doseLevel: 2,
          cellsToInfuse: 160_000_000,
        },
      }),
    );
    expect(step.ok).toBe(true);
    await waitFor(() => expect(screen.getByTestId('dose-weight').textContent).toBe('80 kg'));
    expect(screen.getByTestId('dose-weight-from').textContent).toContain(
      'Poids mesuré le jour de la perfusion',
    );
    expect(screen.getByTestId('dose-weight-from').textContent).toContain('20/03');
    expect(screen.getByTestId('dose-cells').textContent).toMatch(/^Cellules à perfuser : 160\s000\s000$/);
  });
});
