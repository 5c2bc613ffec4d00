import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { v7 as uuidv7 } from 'uuid';
import {
  createParticipant,
  createUser,
  newTablet,
  openControlledApp,
  openParticipant,
  signInWithNewPin,
  syncNow,
  unlockWithPin,
  type E2eUser,
} from './support';

// Issue 20 on a real browser: the physician screens a participant offline to eligible, signs the assessment,
// includes them and reads the dose card; a reload offline keeps everything; a sync carries it to a second
// tablet; a screen failure keeps its record and reason; two tablets including the fifth and the sixth
// participant of cohort 1 offline: after sync one is refused, visibly, and nothing is lost.

const DOCTOR: E2eUser = {
  username: 'e2e-screen-doctor',
  password: 'screen-doctor-password-1',
  displayName: 'Dr Sélection',
  role: 'physician',
};
const OTHER_DOCTOR: E2eUser = {
  username: 'e2e-screen-doctor-2',
  password: 'screen-doctor-password-2',
  displayName: 'Dr Seconde',
  role: 'physician',
};
const PIN = '274915';
const OTHER_PIN = '618302';

test.beforeAll(async ({ request }) => {
  await createUser(request, DOCTOR);
  await createUser(request, OTHER_DOCTOR);
});

const pad = (n: number) => String(n).padStart(2, '0');
const dateText = (d: Date) => `${pad(d.getDate())}/${pad(d.getMonth() + 1)}/${d.getFullYear()}`;
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);

async function choose(page: Page, fact: string, label: string) {
  await page.getByTestId(`fact-${fact}`).getByLabel(label, { exact: true }).check();
}
async function type(page: Page, label: string, value: string) {
  await page.getByLabel(label, { exact: true }).fill(value);
}

/** The screening facts of an eligible woman of 35, as a physician types them; `sledai` below 6 makes her ineligible. */
async function fillEligibility(page: Page, { sledai = '10' } = {}) {
  await type(page, 'Date de naissance', '15/06/1990');
  await choose(page, 'sex', 'Femme');
  await type(page, 'Poids', '62');
  await choose(page, 'sleAcrCriteria', 'Oui');
  await choose(page, 'anaPositive', 'Oui');
  await type(page, 'SELENA-SLEDAI à la sélection', sledai);
  await choose(page, 'prednisoneFailure', 'Oui');
  await choose(page, 'imm_mycophenolate', 'Oui');
  await type(page, 'Traitement stable depuis le', dateText(daysAgo(60)));
  await choose(page, 'stableTreatmentPrednisoneBased', 'Oui');
  await choose(page, 'childbearingPotential', 'Oui');
  await choose(page, 'pregnancyTest', 'Négatif');
  await choose(page, 'effectiveContraception', 'Oui');
  await type(page, 'Date de signature du consentement', dateText(daysAgo(1)));
  await choose(page, 'socialSecurityAffiliation', 'Oui');
  await choose(page, 'breastfeeding', 'Non');
  await type(page, 'Créatinine', '70');
  await choose(page, 'congestiveHeartFailure', 'Non');
  await type(page, 'FEVG', '60');
  await choose(page, 'uncontrolledVentricularArrhythmia', 'Non');
  await type(page, 'ASAT', '25');
  await type(page, 'ASAT, limite supérieure de la normale', '40');
  await type(page, 'ALAT', '20');
  await type(page, 'ALAT, limite supérieure de la normale', '40');
  await type(page, 'PAP moyenne (échographie)', '20');
  await type(page, 'PaO₂ au repos, sans oxygène', '90');
  await type(page, 'PaCO₂ au repos, sans oxygène', '40');
  for (const fact of [
    'severePsychiatricDisorder',
    'activeNeoplasiaOrMyelodysplasia',
    'uncontrolledInfection',
    'substanceAbuseWithin60Days',
    'inRegistryExclusionPeriod',
    'unableToConsent',
    'inAnotherStudy',
    'poorComplianceRisk',
    'underLegalProtection',
  ])
    await choose(page, fact, 'Non');
  await type(page, 'Neutrophiles', '3,2');
  await type(page, 'Plaquettes', '210');
  await type(page, 'Hémoglobine', '12,5');
  await type(page, 'Lymphocytes T CD4+', '600');
  for (const fact of ['hiv', 'htlv', 'hbsAg', 'hcv']) await choose(page, fact, 'Négatif');
  for (const fact of ['lastBelimumabDate', 'lastBCellDepletingDate'])
    await page.getByTestId(`fact-${fact}`).getByLabel('Jamais').check();
}

async function openScreening(page: Page, trialNumber: string) {
  await openParticipant(page, trialNumber);
  await page.getByTestId('open-screening').click();
  await expect(page.getByTestId('screening-title')).toContainText(trialNumber);
}

async function saveAndSign(page: Page, pin: string) {
  await page.getByRole('button', { name: 'Enregistrer l’évaluation' }).click();
  await expect(page.getByText('Évaluation enregistrée.')).toBeVisible();
  await page.getByTestId('sign-assessment').click();
  const dialog = page.getByRole('dialog', { name: 'Signature électronique' });
  await expect(dialog).toContainText('Je confirme cette évaluation d’éligibilité');
  await dialog.getByLabel('Votre code PIN').fill(pin);
  await dialog.getByRole('button', { name: 'Signer', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('verdict-panel').getByTestId('signature-entry')).toHaveAttribute(
    'data-validity',
    'valid',
  );
}

async function screenAndInclude(page: Page, trialNumber: string, pin: string) {
  await openScreening(page, trialNumber);
  await fillEligibility(page);
  await expect(page.getByTestId('verdict').first()).toHaveAttribute('data-verdict', 'eligible');
  await saveAndSign(page, pin);
  await page.getByTestId('include').click();
  await expect(page.getByTestId('dose-card')).toBeVisible();
}

test('offline: screen to eligible, sign, include, dose card; reload offline; sync; a second tablet sees it', async ({
  page,
  context,
  browser,
}) => {
  await openControlledApp(page);
  await signInWithNewPin(page, DOCTOR, PIN);
  await createParticipant(page, 'MSC-LES-61', 'EL');
  await context.setOffline(true);
  await page.getByTestId('open-screening').click();

  // Live criteria while typing: unknown first, then met, with the core's reason in French.
  await expect(page.getByTestId('answer-I3')).toHaveAttribute('data-answer', 'unknown');
  await expect(page.getByTestId('reason-I3')).toHaveText('À renseigner : SELENA-SLEDAI à la sélection');
  // A value outside its bounds is refused, saying the bounds; the criterion stays unknown.
  await type(page, 'Poids', '400');
  await expect(page.getByTestId('problem-fact-weightKg')).toHaveText(
    'Valeur refusée : attendue entre 20 et 300 kg',
  );
  await fillEligibility(page);
  await expect(page.getByTestId('problem-fact-weightKg')).toHaveCount(0);
  await expect(page.getByTestId('answer-I3')).toHaveAttribute('data-answer', 'met');
  await expect(page.getByTestId('reason-I3')).toHaveText('SELENA-SLEDAI 10 (seuil ≥ 6)');
  await expect(page.getByTestId('computed-renal')).toContainText('Cockcroft–Gault');
  await expect(page.getByTestId('computed-age')).toContainText('ans');
  await expect(page.getByTestId('verdict').first()).toHaveAttribute('data-verdict', 'eligible');

  await saveAndSign(page, PIN);
  // Another spec may have included a participant in cohort 1 first (the e2e store is shared): any place.
  await expect(page.getByTestId('inclusion')).toContainText(/cohorte 1, place \d sur 5, à 2 ×10⁶\/kg/);
  await page.getByTestId('include').click();
  const card = page.getByTestId('dose-card');
  await expect(card.getByTestId('dose-level')).toHaveText('Niveau de dose : 2 ×10⁶ cellules/kg (cohorte 1)');
  await expect(card.getByTestId('dose-cells')).toHaveText(/Cellules à perfuser : 124\s000\s000/);
  await page.getByLabel('Cellules viables dans la poche').fill('200');
  await page.getByLabel('Volume de la poche').fill('100');
  await expect(card.getByTestId('dose-volume')).toHaveText('Volume à perfuser : 62 mL');

  // Reload offline: locked, unlocked with the PIN, everything is there.
  await page.reload();
  await unlockWithPin(page, DOCTOR.displayName, PIN);
  await page.getByRole('link', { name: 'Participants' }).click();
  const row = page.getByTestId('participant-row-MSC-LES-61');
  await expect(row).toContainText(
    'EL · Femme · 36 ans · 2 ×10⁶/kg'.replace(
      '36',
      String(
        new Date().getFullYear() - 1990 - (new Date() < new Date(new Date().getFullYear(), 5, 15) ? 1 : 0),
      ),
    ),
  );
  await expect(row.getByTestId('row-status')).toHaveText('Inclus');
  await openScreening(page, 'MSC-LES-61');
  await expect(page.getByTestId('dose-level')).toContainText('2 ×10⁶');
  await expect(page.getByTestId('verdict-panel').getByTestId('signature-entry')).toHaveAttribute(
    'data-validity',
    'valid',
  );

  await context.setOffline(false);
  await syncNow(page);

  // A second tablet, another physician: the participant, its assessment, signature and dose are there.
  const { context: second, page: tablet2 } = await newTablet(browser, {
    signIn: { user: OTHER_DOCTOR, pin: OTHER_PIN, deviceName: 'Tablette 2' },
  });
  await syncNow(tablet2);
  await openScreening(tablet2, 'MSC-LES-61');
  await expect(tablet2.getByTestId('dose-level')).toHaveText(
    'Niveau de dose : 2 ×10⁶ cellules/kg (cohorte 1)',
  );
  await expect(tablet2.getByTestId('verdict-panel').getByTestId('signature-entry')).toContainText(
    'Dr Sélection',
  );
  await expect(tablet2.getByTestId('answer-I3')).toHaveAttribute('data-answer', 'met');
  await second.close();
});

test('a screen failure keeps its record and its reason', async ({ page, context }) => {
  await openControlledApp(page);
  await signInWithNewPin(page, DOCTOR, PIN);
  await createParticipant(page, 'MSC-LES-62', 'SF');
  await context.setOffline(true);
  await page.getByTestId('open-screening').click();
  await fillEligibility(page, { sledai: '4' });
  await expect(page.getByTestId('answer-I3')).toHaveAttribute('data-answer', 'notMet');
  await expect(page.getByTestId('verdict').first()).toHaveAttribute('data-verdict', 'ineligible');
  await saveAndSign(page, PIN);
  await expect(page.getByLabel('Motif de non-inclusion')).toHaveValue(/Maladie active : SELENA-SLEDAI ≥ 6/);
  await page.getByTestId('record-failure').click();
  await expect(page.getByTestId('screen-failed')).toContainText('Non inclus(e) : 3 — Maladie active');
  await page.reload();
  await unlockWithPin(page, DOCTOR.displayName, PIN);
  await page.getByRole('link', { name: 'Participants' }).click();
  await expect(page.getByTestId('participant-row-MSC-LES-62').getByTestId('row-status')).toContainText(
    'Non inclus Motif : 3 — Maladie active',
  );
  await openScreening(page, 'MSC-LES-62');
  await expect(page.getByTestId('reason-I3')).toHaveText('SELENA-SLEDAI 4 (seuil ≥ 6)');
  await expect(page.getByTestId('answer-NI2a')).toHaveAttribute('data-answer', 'notMet');
  await context.setOffline(false);
  await syncNow(page);
});

/** Fills cohort 1 up to four participants through the store's API, as other tablets would have. */
async function fillCohortToFour(request: APIRequestContext) {
  const login = await request.post('/api/auth/login', {
    data: { username: DOCTOR.username, password: DOCTOR.password, deviceName: 'API' },
  });
  const { accessToken, deviceId } = await login.json();
  const headers = { authorization: `Bearer ${accessToken}` };
  const pulled = await (await request.get('/api/sync/pull?limit=5000', { headers })).json();
  const latest = new Map<string, Record<string, unknown>>();
  for (const change of pulled.changes)
    if (change.kind === 'participant') latest.set(change.recordId, change.data);
  const inCohort = [...latest.values()].filter((d) => d.cohort === 1).length;
  const mutations = [];
  for (let i = inCohort; i < 4; i += 1) {
    const id = uuidv7();
    const data = { trialNumber: `MSC-LES-7${i}`, initials: 'CO' };
    const at = new Date().toISOString();
    mutations.push(
      {
        mutationId: uuidv7(),
        recordId: id,
        patientId: id,
        kind: 'participant',
        op: 'create',
        baseRev: null,
        data,
        at,
      },
      {
        mutationId: uuidv7(),
        recordId: id,
        patientId: id,
        kind: 'participant',
        op: 'revise',
        baseRev: 1,
        reason: 'inclusion',
        data: { ...data, status: 'included', cohort: 1, doseLevel: 2, inclusionDate: at.slice(0, 10) },
        at,
      },
    );
  }
  const pushed = await (
    await request.post('/api/sync/push', { headers, data: { deviceId, mutations } })
  ).json();
  expect(pushed.results.every((r: { status: string }) => r.status === 'applied')).toBe(true);
}

test('two tablets include the fifth and sixth participant offline: one is refused after sync, nothing lost', async ({
  browser,
  request,
}) => {
  test.setTimeout(180_000); // a time budget: two tablets fill the whole form on a loaded 2-core machine
  await fillCohortToFour(request);
  const a = await newTablet(browser, { signIn: { user: DOCTOR, pin: PIN, deviceName: 'Tablette A' } });
  const b = await newTablet(browser, {
    signIn: { user: OTHER_DOCTOR, pin: OTHER_PIN, deviceName: 'Tablette B' },
  });
  for (const t of [a, b]) await syncNow(t.page);
  await createParticipant(a.page, 'MSC-LES-81', 'AA');
  await createParticipant(b.page, 'MSC-LES-82', 'BB');
  for (const t of [a, b]) await syncNow(t.page);
  for (const t of [a, b]) await t.context.setOffline(true);

  // Both see one slot left, both include offline.
  await screenAndInclude(a.page, 'MSC-LES-81', PIN);
  await screenAndInclude(b.page, 'MSC-LES-82', OTHER_PIN);
  await expect(b.page.getByTestId('dose-level')).toContainText('cohorte 1');

  await a.context.setOffline(false);
  await syncNow(a.page);
  await b.context.setOffline(false);
  await b.page.getByRole('button', { name: 'Synchroniser' }).click();

  // Tablet B: the inclusion is refused, on the participant's page, with what it means; nothing is lost.
  const refusal = b.page.getByTestId('store-refusal');
  await expect(refusal).toHaveAttribute('data-code', 'cohort-full');
  await expect(refusal).toContainText('Inclusion refusée : cohorte 1 complète');
  await expect(refusal).toContainText(
    'son évaluation d’éligibilité signée et tout ce qui a été saisi restent enregistrés',
  );
  await expect(b.page.getByTestId('dose-card')).toHaveCount(0);
  await expect(b.page.getByTestId('verdict-panel').getByTestId('signature-entry')).toHaveAttribute(
    'data-validity',
    'valid',
  );
  await expect(b.page.getByTestId('answer-I3')).toHaveAttribute('data-answer', 'met');
  await expect(b.page.getByTestId('inclusion')).toContainText('La cohorte 1 est complète');
  await b.page.getByRole('link', { name: 'Participants' }).click();
  await expect(b.page.getByTestId('participant-row-MSC-LES-82').getByTestId('row-status')).toHaveText(
    'Pré-inclusion',
  );
  await expect(b.page.getByTestId('participant-row-MSC-LES-81').getByTestId('row-status')).toHaveText(
    'Inclus',
  );

  await a.context.close();
  await b.context.close();
});
