// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { participantAdverseEvents } from '@/db/adverse-events';
import { createRecord } from '@/db/commands';
import { getDb } from '@/db/database';
import { monitoringSchedule } from '@/domain/schedule';
import { ChecklistForm } from '@/features/monitoring/ChecklistForm';
import MonitoringPage from '@/features/monitoring/MonitoringPage';
import { initI18n } from '@/i18n';
import { currentWriteContext, useSession } from '@/session/session-store';
import { fakeAuthServer, setUpSession, type FakeServer } from '../../session/fake-auth-server';

// Issue 22's checklist: a "present" with its grade (NCI's definitions on screen) opens an adverse event; the labs
// are graded live by gradeLab as the values are typed; saving writes the check and its events.

let server: FakeServer;
let env: ReturnType<typeof setUpSession>;
const E = Date.parse('2026-03-02T10:00:00+01:00');
const day3 = monitoringSchedule({ infusionEndedAt: E, infusionStartedAt: E - 3_600_000 }).find(
  (i) => i.id === 'day-3',
)!;

beforeAll(async () => {
  await initI18n('fr');
});
beforeEach(async () => {
  server = fakeAuthServer();
  await getDb().delete();
  await getDb().open();
  env = setUpSession(server, getDb());
  server.addUser('ide', 'nurse', 'correct horse battery', 'Inès IDE');
  await act(async () => {
    await useSession
      .getState()
      .signIn({ username: 'ide', password: 'correct horse battery', deviceName: 'T' });
    await useSession.getState().choosePin('482913', '482913');
  });
});
afterEach(() => {
  cleanup();
  env.restore();
});

/**
 * The checklist is disabled while its draft is read (a person cannot tap it yet, and a tap on the disabled save
 * button is lost); happy-dom does not disable a fieldset's controls, so the test waits as the person does.
 */
async function formReady() {
  await waitFor(() =>
    expect((screen.getByTestId('checklist-save') as HTMLButtonElement).disabled).toBe(false),
  );
}

async function participant() {
  const id = crypto.randomUUID();
  const doctor = { ...currentWriteContext()!, role: 'physician' as const };
  await createRecord(getDb(), doctor, {
    kind: 'participant',
    recordId: id,
    patientId: id,
    data: { trialNumber: 'MSC-LES-05', initials: 'CK' },
  });
  return id;
}

describe('the day-3 checklist', () => {
  it('grades a present term with its definitions, grades labs live, and opens the adverse events', async () => {
    const patientId = await participant();
    render(
      <MemoryRouter>
        <ChecklistForm patientId={patientId} item={day3} events={[]} />
      </MemoryRouter>,
    );
    await formReady();
    const fever = await screen.findByTestId('term-fever');
    fireEvent.click(within(fever).getByLabelText('Présent'));
    // NCI's grade definitions, in the French working translation, one tap each; grade 5 is "Décès".
    const grades = within(fever).getByTestId('grades-grade-fever');
    expect(grades.textContent).toContain('38,0');
    fireEvent.click(within(grades).getByLabelText(/Grade 2/));
    // Chills has no grade 4 or 5 in CTCAE: they cannot be chosen.
    const chills = screen.getByTestId('term-chills');
    fireEvent.click(within(chills).getByLabelText('Présent'));
    expect((within(chills).getAllByRole('radio', { name: /Grade 4/ })[0] as HTMLInputElement).disabled).toBe(
      true,
    );
    fireEvent.click(within(chills).getByLabelText('Absent'));
    fireEvent.click(screen.getByTestId('all-absent'));
    await waitFor(() => expect(screen.getByTestId('unanswered').textContent).toContain('Tous les termes'));

    // ALT 150 U/L with ULN 40 and a normal baseline: 3.75 × ULN, grade 2, shown as it is typed.
    fireEvent.change(
      screen.getByLabelText('Valeur (U/L)', { selector: '#lab-alanineAminotransferaseIncreased-value' }),
      {
        target: { value: '150' },
      },
    );
    fireEvent.change(document.getElementById('lab-alanineAminotransferaseIncreased-uln')!, {
      target: { value: '40' },
    });
    await waitFor(() =>
      expect(screen.getByTestId('lab-grade-alanineAminotransferaseIncreased').textContent).toBe(
        'Grade 2 3,75 × LSN',
      ),
    );
    // Creatinine 200 µmol/L, ULN 110, baseline 60: 3.3 × baseline → grade 3 by baseline (higher than by ULN).
    fireEvent.change(document.getElementById('lab-creatinineIncreased-value')!, { target: { value: '200' } });
    fireEvent.change(document.getElementById('lab-creatinineIncreased-uln')!, { target: { value: '110' } });
    fireEvent.change(document.getElementById('lab-creatinineIncreased-baseline')!, {
      target: { value: '60' },
    });
    await waitFor(() =>
      expect(screen.getByTestId('lab-grade-creatinineIncreased').textContent).toContain('Grade 3'),
    );
    expect(screen.getByTestId('lab-grade-creatinineIncreased').textContent).toContain(
      'la valeur avant perfusion',
    );

    // The check is entered after its window closed (March 2026 is past): a reason is asked first.
    fireEvent.click(screen.getByTestId('checklist-save'));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('motif'));
    fireEvent.change(screen.getByLabelText(/Motif du retard/), { target: { value: 'saisie différée' } });
    fireEvent.click(screen.getByTestId('checklist-save'));
    await waitFor(
      () => expect(screen.getByTestId('checklist-notice').textContent).toBe('Contrôle enregistré.'),
      // Six records in one transaction on fake IndexedDB: seconds on a loaded machine.
      { timeout: 10_000 },
    );
    const events = await participantAdverseEvents(getDb(), patientId);
    expect(
      events.map((e) => [
        e.data.term.kind === 'ctcae' && e.data.term.meddraCode,
        e.worstGrade,
        e.data.checkId,
      ]),
    ).toEqual([
      [10016558, 2, 'day-3'],
      [10001551, 2, 'day-3'],
      [10011368, 3, 'day-3'],
    ]);
    const check = (await getDb().records.where('kind').equals('monitoringCheck').toArray())[0]!;
    expect(check.data).toMatchObject({
      checkId: 'day-3',
      labs: expect.arrayContaining([
        expect.objectContaining({ term: 'creatinineIncreased', proposedGrade: 3 }),
      ]),
    });
  });
});

describe('the checklist’s vital signs', () => {
  it('are tapped on the infusion workflow’s number pad (no system keyboard) and saved with the check', async () => {
    const patientId = await participant();
    const ended = Date.now() - 24 * 3_600_000;
    const day1 = monitoringSchedule({ infusionEndedAt: ended, infusionStartedAt: ended - 3_600_000 }).find(
      (i) => i.id === 'day-1',
    )!;
    render(
      <MemoryRouter>
        <ChecklistForm patientId={patientId} item={day1} events={[]} />
      </MemoryRouter>,
    );
    await formReady();
    const vitals = (await screen.findByRole('heading', { name: 'Constantes' })).closest('section')!;
    expect(vitals.querySelectorAll('input')).toHaveLength(0);
    const pad = within(vitals).getByTestId('number-pad');
    // 120/75, 72, 36,8, 98, 16: each field moves on by itself once complete.
    for (const digit of '120' + '75' + '72' + '368' + '98' + '16')
      fireEvent.click(within(pad).getByRole('button', { name: digit }));
    expect(within(pad).getByTestId('pad-field-temperatureC').textContent).toContain('36,8');
    fireEvent.click(screen.getByTestId('all-absent'));
    fireEvent.click(screen.getByTestId('checklist-save'));
    await waitFor(
      () => expect(screen.getByTestId('checklist-notice').textContent).toBe('Contrôle enregistré.'),
      { timeout: 10_000 },
    );
    const [set] = await getDb().records.where('kind').equals('vitalSigns').toArray();
    expect(set!.data).toMatchObject({
      sbp: 120,
      dbp: 75,
      hr: 72,
      temperatureC: 36.8,
      spo2: 98,
      rr: 16,
      checkId: 'day-1',
    });
  });
});

describe('the labs graded against the screening’s pre-infusion values', () => {
  it('the day-1 check starts with the eligibility record’s creatinine and ALT as baselines, and grades by them', async () => {
    const patientId = await participant();
    const doctor = { ...currentWriteContext()!, role: 'physician' as const };
    const started = Date.now() - 25 * 3_600_000;
    const infusionId = crypto.randomUUID();
    for (const data of [
      {
        infusionId,
        type: 'start',
        at: new Date(started).toISOString(),
        plannedDurationMin: 60,
        volumeToInfuseMl: 47,
        rateMlPerHour: 47,
        doseLevel: 2,
        cellsToInfuse: 141_000_000,
        weightKg: 70.5,
        lotNumber: 'LOT-1',
      },
      {
        infusionId,
        type: 'end',
        at: new Date(started + 3_600_000).toISOString(),
        volumeInfusedMl: 47,
        residualMl: 0,
      },
    ])
      expect((await createRecord(getDb(), doctor, { kind: 'infusionEvent', patientId, data })).ok).toBe(true);
    const eligibility = await createRecord(getDb(), doctor, {
      kind: 'eligibility',
      patientId,
      data: {
        screeningDate: '2026-02-20',
        facts: { creatinineUmolL: 60, altUL: 80, altUln: 40, plateletsGL: 180 },
        verdict: 'incomplete',
        excludedBy: [],
      },
    });
    expect(eligibility.ok).toBe(true);
    render(
      <MemoryRouter initialEntries={[`/participants/${patientId}/monitoring?check=day-1`]}>
        <Routes>
          <Route path="/participants/:participantId/monitoring" element={<MonitoringPage />} />
        </Routes>
      </MemoryRouter>,
    );
    await formReady();
    const baseline = (await screen.findByTestId('lab-creatinineIncreased')).querySelector(
      '#lab-creatinineIncreased-baseline',
    ) as HTMLInputElement;
    expect(baseline.value).toBe('60');
    expect(screen.getByTestId('lab-creatinineIncreased').textContent).toContain(
      'Bilan de sélection du 20/02/2026 : 60',
    );
    expect(screen.getByTestId('lab-reference-plateletCountDecreased').textContent).toContain('180 G/L');
    // Creatinine 200 µmol/L (ULN 110) against the screening's 60: 3.3 × baseline, grade 3 (1.8 × ULN would be 1).
    fireEvent.change(document.getElementById('lab-creatinineIncreased-value')!, { target: { value: '200' } });
    fireEvent.change(document.getElementById('lab-creatinineIncreased-uln')!, { target: { value: '110' } });
    await waitFor(() =>
      expect(screen.getByTestId('lab-grade-creatinineIncreased').textContent).toBe(
        'Grade 3 3,33 × la valeur avant perfusion',
      ),
    );
    // ALT 200 U/L with the abnormal screening baseline 80 (ULN 40, both from screening): 2.5 × baseline, grade 1
    // (by the ULN alone it would be 5 × ULN, grade 2).
    const alt = screen.getByTestId('lab-alanineAminotransferaseIncreased');
    expect((alt.querySelector('#lab-alanineAminotransferaseIncreased-uln') as HTMLInputElement).value).toBe(
      '40',
    );
    fireEvent.change(alt.querySelector('#lab-alanineAminotransferaseIncreased-value')!, {
      target: { value: '200' },
    });
    await waitFor(() =>
      expect(screen.getByTestId('lab-grade-alanineAminotransferaseIncreased').textContent).toBe(
        'Grade 1 2,5 × la valeur avant perfusion',
      ),
    );
  });
});
