import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { v7 as uuidv7 } from 'uuid';
import {
  createUser,
  newTablet,
  openControlledApp,
  signInWithNewPin,
  syncNow,
  unlockWithPin,
  type E2eUser,
} from './support';

// Issue 22 in Chromium with Playwright's clock. A participant's infusion ended (pushed to the store as the
// infusion tablet would); the nurse's tablet shows the 10-day strip. Offline, the clock jumps through the days:
// day 1 answered on the number pad, day 3 with a grade-3 diarrhoea that opens an adverse event, which the nurse
// records serious (hospitalisation) — its 24-hour countdown shows on the lock screen —, day 10 by phone. Back
// online, sync; the physician's tablet assesses the relation, signs, notifies the sponsor; the tolerance summary
// shows the DLT, the physician signs the determination, and the dose decision's cohort table counts it.
//
// The nurse's clock starts twelve days ago, so that when the days are over it is about the real time again:
// the store and the physician's tablet run on the real clock. Times are UTC hours safely inside each check's
// window whatever the zone's DST (day checks open 08:00–20:00 Paris time).

test.use({ timezoneId: 'Europe/Paris' });

const NURSE: E2eUser = {
  username: 'e2e-mon-nurse',
  password: 'mon-nurse-password-1',
  displayName: 'Inf Soleil',
  role: 'nurse',
};
const DOCTOR: E2eUser = {
  username: 'e2e-mon-doctor',
  password: 'mon-doctor-password-1',
  displayName: 'Dr Garde',
  role: 'physician',
};
const NURSE_PIN = '864213';
const DOCTOR_PIN = '531975';
const TRIAL_NUMBER = 'MSC-LES-90'; // this spec's numbers: 90–92 (the e2e store is shared)

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Day 0 at 00:00 UTC, twelve days ago. */
const DAY0 = Math.floor((Date.now() - 12 * DAY) / DAY) * DAY;
const STARTED = DAY0 + 7 * HOUR;
const ENDED = DAY0 + 8 * HOUR;
const at = (day: number, hourUtc: number) => DAY0 + day * DAY + hourUtc * HOUR;

async function login(request: APIRequestContext, user: E2eUser) {
  const response = await request.post('/api/auth/login', {
    data: { username: user.username, password: user.password, deviceName: 'e2e seed' },
  });
  expect(response.status(), await response.text()).toBe(200);
  const { accessToken, deviceId } = (await response.json()) as { accessToken: string; deviceId: string };
  return { headers: { authorization: `Bearer ${accessToken}` }, deviceId };
}

/**
 * The participant, included in cohort 2 (cohort 1's slots are screening.spec's), and its
 * infusion (start, end) twelve days ago, written to the store as the physician's and the infusion tablet would.
 */
async function seedInfusedParticipant(request: APIRequestContext) {
  const { headers, deviceId } = await login(request, DOCTOR);
  // Cohort 2: cohort 1's five slots are screening.spec's (its first inclusion expects slot 1 of 5).
  const cohort = 2;
  const id = uuidv7();
  const infusionId = uuidv7();
  const iso = (ms: number) => new Date(ms).toISOString();
  const data = { trialNumber: TRIAL_NUMBER, initials: 'MO' };
  const mutation = (kind: string, payload: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
    mutationId: uuidv7(),
    recordId: uuidv7(),
    patientId: id,
    kind,
    op: 'create',
    baseRev: null,
    data: payload,
    at: iso(Date.now()),
    ...extra,
  });
  const mutations = [
    mutation('participant', data, { recordId: id }),
    mutation(
      'participant',
      {
        ...data,
        status: 'included',
        cohort,
        doseLevel: 2,
        inclusionDate: iso(DAY0 - 7 * DAY).slice(0, 10),
      },
      { recordId: id, op: 'revise', baseRev: 1, reason: 'inclusion' },
    ),
    mutation('infusionEvent', {
      infusionId,
      type: 'start',
      at: iso(STARTED),
      plannedDurationMin: 60,
      volumeToInfuseMl: 47,
      rateMlPerHour: 47,
      doseLevel: 2,
      cellsToInfuse: 141_000_000,
      weightKg: 70.5,
      lotNumber: 'LOT-MON-90',
    }),
    mutation('infusionEvent', {
      infusionId,
      type: 'end',
      at: iso(ENDED),
      volumeInfusedMl: 47,
      residualMl: 0,
    }),
    // The infusion tablet's checks, each on time: the infusion's and those of the 6 hours after its end.
    ...(
      [
        ['infusion-15', STARTED + 15 * MINUTE],
        ['infusion-30', STARTED + 30 * MINUTE],
        ['infusion-45', STARTED + 45 * MINUTE],
        ['end', ENDED],
        ['post-30', ENDED + 30 * MINUTE],
        ['post-60', ENDED + 60 * MINUTE],
        ['post-120', ENDED + 120 * MINUTE],
        ['post-240', ENDED + 240 * MINUTE],
        ['post-360', ENDED + 360 * MINUTE],
      ] as const
    ).map(([checkId, takenAt]) =>
      mutation('vitalSigns', {
        takenAt: iso(takenAt + MINUTE),
        sbp: 121,
        dbp: 74,
        hr: 72,
        temperatureC: 36.9,
        spo2: 98,
        rr: 16,
        checkId,
        trackId: infusionId,
      }),
    ),
  ];
  const push = await request.post('/api/sync/push', { headers, data: { deviceId, mutations } });
  expect(push.status(), await push.text()).toBe(200);
  const { results } = (await push.json()) as { results: { status: string; reason?: string }[] };
  expect(results.filter((r) => r.status !== 'applied')).toEqual([]);
  return { cohort };
}

/** From the participants list (the "due now" lists name the participant too). */
async function openParticipant(page: Page, trialNumber = TRIAL_NUMBER) {
  await page.getByRole('link', { name: 'Participants' }).click();
  await page.getByTestId(`participant-row-${trialNumber}`).getByRole('link').click();
  await expect(page.getByTestId('participant-title')).toContainText(trialNumber);
}

/** Jumps the nurse's clock to `to` (firing what fell due): longer than the 5-minute idle lock, so it locks. */
async function jumpTo(page: Page, to: number) {
  const now = await page.evaluate(() => Date.now());
  expect(to - now).toBeGreaterThan(5 * 60_000);
  await page.clock.fastForward(to - now);
  await unlockWithPin(page, NURSE.displayName, NURSE_PIN);
}

async function openMonitoring(page: Page, check: string) {
  await openParticipant(page, TRIAL_NUMBER);
  await page.getByTestId(`strip-${check}`).getByRole('link').click();
  await expect(page.getByTestId('check-title')).toBeVisible();
}

async function answerRestAbsent(page: Page) {
  await page.getByTestId('all-absent').click();
  await expect(page.getByTestId('unanswered')).toHaveText(/Tous les termes sont renseignés/);
}

async function noHorizontalOverflow(page: Page, label: string) {
  const { pageWidth, width } = await page.evaluate(() => ({
    pageWidth: document.documentElement.scrollWidth,
    width: window.innerWidth,
  }));
  expect(pageWidth, `${label}: page ${pageWidth} px in a ${width} px viewport`).toBeLessThanOrEqual(width);
}

let cohort = 1;
test.beforeAll(async ({ request }) => {
  await createUser(request, NURSE);
  await createUser(request, DOCTOR);
  ({ cohort } = await seedInfusedParticipant(request));
});

test('10 days of tolerance: checklists offline, a grade-3 event made serious, sync, the physician signs, the DLT counts', async ({
  page,
  context,
  browser,
}) => {
  test.setTimeout(300_000);
  // Six and a half hours after the end of the infusion: the post-infusion checks are done, days 1–10 to come.
  await page.clock.install({ time: ENDED + 390 * MINUTE });
  await page.setViewportSize({ width: 800, height: 1280 });
  await openControlledApp(page);
  await signInWithNewPin(page, NURSE, NURSE_PIN, 'Tablette surveillance');
  await syncNow(page);

  // The end of the infusion: the strip from E + 30 min to day 10, everything still to come.
  await openParticipant(page, TRIAL_NUMBER);
  const panel = page.getByTestId('monitoring-panel');
  for (let day = 1; day <= 10; day++)
    await expect(panel.getByTestId(`strip-day-${day}`)).toHaveAttribute('data-state', 'upcoming');
  await expect(panel.getByTestId('strip-post-360')).toHaveAttribute('data-state', 'done');

  await context.setOffline(true);

  // Day 1 (E + 24 h): due; answered at the bedside, every term absent.
  await jumpTo(page, at(1, 9));
  await openMonitoring(page, 'day-1');
  // The check's own name heads it, once ("Contrôle J1", not "Contrôle Contrôle J1"), with its state.
  await expect(page.getByTestId('check-title')).toHaveText('Contrôle J1 À faire');
  // Vital signs on the infusion workflow's number pad: digits only, each field moving on by itself.
  const pad = page.getByTestId('number-pad');
  for (const digit of '118' + '74' + '76' + '369' + '97' + '16')
    await pad.getByRole('button', { name: digit, exact: true }).click();
  await expect(pad.getByTestId('pad-field-temperatureC')).toContainText('36,9');
  await answerRestAbsent(page);
  await page.getByTestId('checklist-save').click();
  await expect(page.getByTestId('strip-day-1')).toHaveAttribute('data-state', 'done');

  // Day 3: day 2 was not done; the day-3 check with a grade-3 diarrhoea (hospitalisation indicated).
  await jumpTo(page, at(3, 10));
  await openParticipant(page, TRIAL_NUMBER);
  await expect(page.getByTestId('strip-day-2')).toHaveAttribute('data-state', /missed|overdue/);
  await expect(page.getByTestId('strip-day-3')).toHaveAttribute('data-state', 'due');
  await page.getByTestId('strip-day-3').getByRole('link').click();
  const diarrhea = page.getByTestId('term-diarrhea');
  await diarrhea.getByText('Présent', { exact: true }).click();
  await diarrhea.getByTestId('grades-grade-diarrhea').getByText('Grade 3', { exact: true }).click();
  await answerRestAbsent(page);
  // The checklist at both tablet sizes: nothing wider than the screen, Save reachable.
  await noHorizontalOverflow(page, 'checklist 800×1280');
  await page.setViewportSize({ width: 1280, height: 800 });
  await noHorizontalOverflow(page, 'checklist 1280×800');
  await page.getByTestId('checklist-save').scrollIntoViewIfNeeded();
  await expect(page.getByTestId('checklist-save')).toBeInViewport();
  await page.setViewportSize({ width: 800, height: 1280 });
  await page.getByTestId('checklist-save').click();
  await expect(page.getByTestId('strip-day-3')).toHaveAttribute('data-state', 'done');

  // The adverse event it opened: the nurse records it serious; the 24-hour countdown starts.
  await openParticipant(page, TRIAL_NUMBER);
  const row = page.getByTestId('ae-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Diarrhée');
  await expect(row).toContainText('Grade maximal : 3');
  await row.getByRole('link').click();
  await page.getByTestId('ae-serious').check();
  await page.getByLabel('Hospitalisation ou prolongation d’hospitalisation').check();
  await page.getByLabel('Motif de la modification').fill('hospitalisation ce jour');
  await page.getByTestId('ae-save').click();
  await expect(page.getByTestId('ae-notice')).toContainText('Événement enregistré');
  await expect(page.getByTestId('sae-countdown')).toContainText('notification au promoteur dans');
  await noHorizontalOverflow(page, 'adverse event 800×1280');

  // Locked: the countdown is on the lock screen, the participant is not.
  await page.getByRole('button', { name: 'Verrouiller' }).click();
  await expect(page.getByTestId('lock-sae')).toContainText('EIG : notification au promoteur dans');
  await expect(page.getByTestId('lock-notice')).not.toContainText(TRIAL_NUMBER);
  await unlockWithPin(page, NURSE.displayName, NURSE_PIN);

  // Day 10 by phone: days 4 to 9 passed; the strip marks the call.
  await jumpTo(page, at(10, 10));
  await openMonitoring(page, 'day-10');
  await page.getByTestId('by-phone').check();
  await expect(page.getByText('Pas de constantes pour un contrôle par téléphone.')).toBeVisible();
  await answerRestAbsent(page);
  await page.getByTestId('checklist-save').click();
  await expect(page.getByTestId('strip-day-10')).toHaveAttribute('data-state', 'done');
  await expect(page.getByTestId('strip-day-10')).toContainText('par téléphone');
  await noHorizontalOverflow(page, 'monitoring 800×1280');
  await page.setViewportSize({ width: 1280, height: 800 });
  await noHorizontalOverflow(page, 'monitoring 1280×800');

  // Back to the present, online: everything goes to the store.
  await jumpTo(page, Date.now());
  await context.setOffline(false);
  await syncNow(page);

  // The physician's tablet (the real clock): assesses the relation, signs, records the sponsor's notification.
  const { context: doctorContext, page: doctor } = await newTablet(browser, {
    viewport: { width: 1280, height: 800 },
    timezoneId: 'Europe/Paris',
    signIn: { user: DOCTOR, pin: DOCTOR_PIN, deviceName: 'Tablette médecin' },
  });
  await syncNow(doctor);
  await openParticipant(doctor, TRIAL_NUMBER);
  await doctor.getByTestId('ae-row').getByRole('link').click();
  await doctor.getByLabel('Relation avec le produit (CSM)').selectOption('probable');
  await doctor.getByLabel('Relation avec la procédure (perfusion, abord veineux)').selectOption('unlikely');
  await doctor.getByLabel('Caractère attendu').selectOption('unexpected');
  await doctor.getByLabel('Motif de la modification').fill('évaluation médicale');
  await doctor.getByTestId('ae-save').click();
  await expect(doctor.getByTestId('ae-notice')).toContainText('Événement enregistré');
  await doctor.getByRole('button', { name: 'Signer l’évaluation' }).click();
  const dialog = doctor.getByRole('dialog', { name: 'Signature électronique' });
  await dialog.getByLabel('Votre code PIN').fill(DOCTOR_PIN);
  await dialog.getByRole('button', { name: 'Signer', exact: true }).click();
  await expect(doctor.getByTestId('ae-signatures')).toContainText(DOCTOR.displayName);
  await doctor.getByLabel('Moyen').selectOption('email');
  await doctor.getByTestId('sae-notify').click();
  await expect(doctor.getByTestId('sae-notified')).toContainText('Promoteur notifié');

  // Before the physician's determination is signed the DLT does not count yet: pending, not evaluable.
  const decisionRow = async () => {
    await doctor.getByRole('link', { name: 'Participants' }).click();
    await doctor.getByRole('link', { name: 'Décision de dose' }).click();
    return doctor.getByTestId(`decision-row-${TRIAL_NUMBER}`);
  };
  let line = await decisionRow();
  await expect(line.getByTestId('decision-dlt')).toHaveText('à confirmer (détermination signée du médecin)');
  await expect(line).toContainText('dans la fenêtre');
  await expect(line.getByTestId('decision-worst')).toHaveText('3');

  // The tolerance summary: the worst grade per term, the DLT with why; the physician confirms and signs.
  await openParticipant(doctor, TRIAL_NUMBER);
  await doctor.getByTestId('monitoring-open').click();
  const tolerance = doctor.getByTestId('tolerance');
  await expect(tolerance.getByTestId('window-state')).toHaveText('Les 10 jours sont terminés.');
  await expect(tolerance.getByTestId('tolerance-terms')).toContainText('Diarrhée');
  await expect(tolerance.getByTestId('tolerance-terms')).toContainText('Grade 3');
  const dlt = tolerance.getByTestId('dlt-event');
  await expect(dlt).toHaveCount(1);
  await expect(dlt).toContainText('grade ≥ 3 au moins possiblement lié');
  await dlt.getByText('TDL', { exact: true }).click();
  // No determination yet: the section says who records it instead of standing empty.
  await expect(tolerance.getByTestId('determination-none')).toHaveText(
    'Pas encore de détermination : un médecin l’enregistre et la signe.',
  );
  await tolerance.getByTestId('determination-save').click();
  await expect(tolerance.getByTestId('determination-none')).toHaveCount(0);
  await expect(tolerance.getByTestId('determination')).toHaveAttribute('data-dlt', 'true');
  await expect(tolerance.getByTestId('determination')).toHaveAttribute('data-signed', 'false');
  await tolerance.getByTestId('determination-sign').click();
  await dialog.getByLabel('Votre code PIN').fill(DOCTOR_PIN);
  await dialog.getByRole('button', { name: 'Signer', exact: true }).click();
  await expect(tolerance.getByTestId('determination')).toHaveAttribute('data-signed', 'true');
  await noHorizontalOverflow(doctor, 'tolerance 1280×800');

  // The dose decision's cohort table counts it: a completed participant with a DLT.
  line = await decisionRow();
  await expect(line).toContainText('terminé');
  await expect(line.getByTestId('decision-dlt')).toHaveText('Oui');
  await expect(line.getByTestId('decision-worst')).toHaveText('3');
  await expect(doctor.getByTestId(`counts-${cohort}`)).toContainText(', 1 DLT');

  // The nurse's tablet pulls the physician's work: the same summary, the countdown stopped.
  await syncNow(page);
  await openParticipant(page, TRIAL_NUMBER);
  await expect(page.getByTestId('sae-notified')).toBeVisible();
  await page.getByTestId('monitoring-open').click();
  await expect(page.getByTestId('determination')).toHaveAttribute('data-signed', 'true');
  await doctorContext.close();
});
