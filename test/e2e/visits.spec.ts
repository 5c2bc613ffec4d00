import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
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

// Issue 23 on a real browser, offline: a physician fills M0 and M3 (SELENA-SLEDAI, BILAG-2004, PGA, SF-36 in patient
// mode, EQ-5D-5L, prednisone), finalising each with the PIN; the endpoints screen shows SRI (both definitions) and
// MCR with why; everything survives an offline reload; after a sync a second tablet shows the same; a finalised form
// edited there with a reason shows its old signature invalidated and its history.

const DOCTOR: E2eUser = {
  username: 'e2e-visits-doctor',
  password: 'visits-doctor-password-1',
  displayName: 'Dr Suivi',
  role: 'physician',
};
const PIN = '650213';
const TRIAL = 'MSC-LES-65'; // each spec its own numbers: the e2e store is shared and refuses a taken one

test.beforeAll(async ({ request }) => {
  await createUser(request, DOCTOR);
});

/** Today + days as YYYY-MM-DD in the browser's zone (the dossier's date field). */
const isoInDays = (days: number) => {
  const d = new Date(Date.now() + days * 86_400_000);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
};

async function openForm(page: Page, visit: string, form: string) {
  await page.getByRole('link', { name: 'Participants' }).click();
  await page.getByRole('link', { name: new RegExp(TRIAL) }).click();
  await expect(page.getByTestId('visits-link')).toHaveText('Calendrier des visites');
  await page.getByTestId('visits-link').click();
  await page.getByTestId(`visit-${visit}`).getByRole('link').click();
  await page.getByTestId(`form-${form}`).getByRole('link').click();
  await expect(page.getByTestId('assessment-title')).toBeVisible();
  // The assessment's date day first, whatever the browser's locale (a native date field follows the browser's).
  await expect(page.getByLabel('Date de l’évaluation')).toHaveValue(/^\d\d\/\d\d\/\d{4}$/);
}

async function signForm(page: Page) {
  // "Save and sign" for what is typed here; "Sign" for a form already saved (by the participant, in patient mode).
  await page.getByRole('button', { name: /^(Enregistrer et signer|Signer \(finaliser\))$/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Signature électronique' });
  await expect(dialog).toContainText('Je confirme les formulaires de cette visite');
  await dialog.getByLabel('Votre code PIN').fill(PIN);
  await dialog.getByRole('button', { name: 'Signer', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('assessment-status')).toContainText('Finalisé (signé)');
}

async function fillSledai(page: Page, visit: string, present: string[], total: number) {
  await openForm(page, visit, 'sledai');
  for (const id of present) await page.getByTestId(`sledai-${id}`).getByText('Présent').click();
  await expect(page.getByTestId('running-score')).toContainText('Incomplet');
  await page.getByRole('button', { name: 'Tous les descripteurs restants : absents' }).click();
  await expect(page.getByTestId('running-score')).toContainText(`SELENA-SLEDAI : ${total} / 105`);
  await signForm(page);
}

async function fillBilag(page: Page, visit: string, grades: Record<string, string>) {
  await openForm(page, visit, 'bilag');
  const systems = [
    'constitutional',
    'mucocutaneous',
    'neuropsychiatric',
    'musculoskeletal',
    'cardiorespiratory',
    'gastrointestinal',
    'ophthalmic',
    'renal',
    'haematological',
  ];
  for (const system of systems)
    await page
      .getByTestId(`bilag-${system}`)
      .getByText(grades[system] ?? 'E', { exact: true })
      .click();
  await expect(page.getByTestId('running-score')).toContainText('BILAG-2004 :');
  await signForm(page);
}

async function fillPga(page: Page, visit: string, value: string, shown: string) {
  await openForm(page, visit, 'pga');
  await page.locator('#pga-select').selectOption(value);
  await expect(page.getByTestId('running-score')).toContainText(`PGA : ${shown} / 3`);
  await signForm(page);
}

async function fillSdi(page: Page, visit: string) {
  await openForm(page, visit, 'sdi');
  await page.getByTestId('sdi-cataract').getByText('1 pt').click();
  await page.getByRole('button', { name: 'Tous les descripteurs restants : absents' }).click();
  await expect(page.getByTestId('running-score')).toContainText('SDI : 1 / 47');
  await signForm(page);
}

async function fillPrednisone(page: Page, visit: string, mg: string) {
  await openForm(page, visit, 'prednisone');
  await page.getByLabel(/Dose moyenne quotidienne/).fill(mg);
  await expect(page.getByTestId('running-score')).toContainText(`${mg} mg/j`);
  await signForm(page);
}

async function fillEq5d(page: Page, visit: string, levels: number[], vas: string) {
  await openForm(page, visit, 'eq5d5l');
  const dimensions = ['mobility', 'selfCare', 'usualActivities', 'painDiscomfort', 'anxietyDepression'];
  for (const [index, dimension] of dimensions.entries())
    await page
      .getByTestId(`eq5d-${dimension}`)
      .getByRole('radio')
      .nth(levels[index]! - 1)
      .check();
  await page.getByLabel('EVA (0–100)').fill(vas);
  await expect(page.getByTestId('running-score')).toContainText(`Profil ${levels.join('')}`);
  await signForm(page);
}

/** SF-36 handed to the participant: 36 screens, then the staff PIN to leave; the physician then signs. */
async function sf36InPatientMode(page: Page, visit: string, answer: (item: number) => number) {
  await openForm(page, visit, 'sf36');
  await page.getByTestId('start-patient-mode').click();
  const mode = page.getByTestId('patient-mode');
  await expect(mode).toBeVisible();
  // Everything behind is inert: no touch, keyboard or screen reader reaches the app.
  await expect(page.locator('#root')).toHaveAttribute('inert', '');
  for (let item = 1; item <= 36; item++) {
    await expect(mode.getByTestId('patient-progress')).toHaveText(`Question ${item} sur 36`);
    await mode
      .locator('.patient-answer')
      .nth(answer(item) - 1)
      .click();
  }
  await expect(mode.getByTestId('patient-thanks')).toBeVisible();
  await mode.getByRole('button', { name: 'Réservé à l’équipe : quitter le mode patient' }).click();
  await mode.getByLabel(/Code PIN de Dr Suivi/).fill(PIN);
  await mode.getByRole('button', { name: 'Quitter le mode patient' }).click();
  await expect(mode).toHaveCount(0);
  await expect(page.getByTestId('respondent')).toHaveText('Réponses du participant, via Dr Suivi');
  await expect(page.getByTestId('running-score')).toContainText('SF-36v2 (0–100)');
  await signForm(page);
}

async function expectResponses(page: Page) {
  const m3 = page.getByTestId('response-M3');
  const [protocol, furie] = [m3.getByTestId('sri-result').nth(0), m3.getByTestId('sri-result').nth(1)];
  await expect(protocol).toHaveAttribute('data-status', 'responder');
  await expect(protocol).toContainText('SRI (protocole MSC-LES : aucun nouveau BILAG A ni B)');
  await expect(protocol).toContainText('SLEDAI réduit d’au moins 4');
  await expect(furie).toHaveAttribute('data-status', 'responder');
  await expect(furie).toContainText('SRI-4 (Furie 2009');
  const clinical = m3.getByTestId('clinical-result');
  await expect(clinical).toHaveAttribute('data-status', 'MCR');
  await expect(clinical).toContainText('Réponse clinique majeure (RCM)');
  await expect(clinical).toContainText('tous les systèmes sont C ou mieux');
  // M6 not entered: incomplete, never a guess.
  await expect(page.getByTestId('response-M6').getByTestId('clinical-result')).toHaveAttribute(
    'data-status',
    'incomplete',
  );
}

/** The WCAG contrast ratio of an element's text colour on its background (a button link's own fill). */
function contrastOf(locator: Locator) {
  return locator.evaluate((element) => {
    const style = getComputedStyle(element);
    const luminance = (color: string) => {
      const [r, g, b] = color
        .match(/[\d.]+/g)!
        .slice(0, 3)
        .map((c) => {
          const v = Number(c) / 255;
          return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
        });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const [light, dark] = [luminance(style.color), luminance(style.backgroundColor)].sort((a, b) => b - a);
    return (light! + 0.05) / (dark! + 0.05);
  });
}

async function openEndpoints(page: Page) {
  await openParticipant(page, TRIAL);
  await page.getByRole('link', { name: 'Critères de jugement' }).click();
  await expect(page.getByTestId('endpoints-page')).toBeVisible();
}

function secondTablet(browser: Browser) {
  return newTablet(browser, {
    viewport: { width: 1280, height: 800 },
    signIn: { user: DOCTOR, pin: PIN, deviceName: 'Tablette 2' },
  });
}

test('offline M0 and M3 with SRI and MCR with why; offline reload; sync; a second tablet; an edit with a reason', async ({
  page,
  context,
  browser,
}) => {
  test.setTimeout(480_000);
  await page.setViewportSize({ width: 800, height: 1280 });
  await openControlledApp(page);
  await signInWithNewPin(page, DOCTOR, PIN);
  await createParticipant(page, TRIAL, 'VS');
  await page.getByLabel('Date de perfusion').fill(isoInDays(3));
  await page.getByLabel('Motif de la modification').fill('date de perfusion fixée');
  await page.getByRole('button', { name: 'Enregistrer le dossier' }).click();
  await expect(page.getByText('Enregistré sur la tablette.')).toBeVisible();

  await context.setOffline(true);
  await page.getByTestId('visits-link').click();
  await expect(page.getByTestId('visit-M0').getByTestId('visit-state')).toHaveText('À faire');
  await expect(page.getByTestId('visit-M3').getByTestId('visit-state')).toHaveText('À venir');
  // Button links stay readable once the visits' styles are in the page: the calendar's, and the participant
  // page's "infusion" one (the two style sheets once gave the same class a brand text on a brand background).
  expect(await contrastOf(page.getByRole('link', { name: 'Critères de jugement' }))).toBeGreaterThan(4.5);
  await page.getByRole('link', { name: new RegExp(`^← ${TRIAL}`) }).click();
  expect(await contrastOf(page.getByTestId('open-infusion'))).toBeGreaterThan(4.5);
  await page.getByTestId('visits-link').click();

  // M0: SLEDAI 10, BILAG with two B, PGA 1.5, SF-36 by the participant, EQ-5D, prednisone 20 mg/day.
  await fillSledai(page, 'M0', ['arthritis', 'rash', 'lowComplement', 'increasedDnaBinding'], 10);
  await fillBilag(page, 'M0', { musculoskeletal: 'B', mucocutaneous: 'B' });
  await fillPga(page, 'M0', '1.5', '1,5');
  await fillSdi(page, 'M0');
  await sf36InPatientMode(page, 'M0', (item) => (item % 3) + 1);
  await fillEq5d(page, 'M0', [2, 1, 3, 2, 2], '55');
  await fillPrednisone(page, 'M0', '20');

  // M3: SLEDAI 2, BILAG all C or better, PGA 0.8, SF-36 again by the participant, EQ-5D, prednisone 10.
  await fillSledai(page, 'M3', ['lowComplement'], 2);
  await fillBilag(page, 'M3', { musculoskeletal: 'C', mucocutaneous: 'D' });
  await fillPga(page, 'M3', '0.8', '0,8');
  await sf36InPatientMode(page, 'M3', () => 1);
  await fillEq5d(page, 'M3', [1, 1, 2, 1, 1], '80');
  await fillPrednisone(page, 'M3', '10');

  await openEndpoints(page);
  await expectResponses(page);
  await expect(page.getByTestId('chart-SELENA-SLEDAI').locator('table')).toContainText('M3');

  // Reload offline: the tablet comes back locked; the PIN unlocks it and everything is there.
  await page.reload();
  await unlockWithPin(page, DOCTOR.displayName, PIN);
  await openEndpoints(page);
  await expectResponses(page);
  await page.getByRole('link', { name: '← Retour au calendrier' }).click();
  await expect(page.getByTestId('visit-M0').getByTestId('visit-state')).toHaveText('Faite');

  await context.setOffline(false);
  await syncNow(page, 60_000);

  // A second tablet (landscape) pulls it all: the same endpoints.
  const other = await secondTablet(browser);
  await syncNow(other.page, 60_000);
  await openEndpoints(other.page);
  await expectResponses(other.page);

  // A finalised form edited there: a reason is required, the signature shows invalidated, the history both versions.
  await openForm(other.page, 'M3', 'pga');
  await expect(other.page.getByTestId('assessment-status')).toContainText('Finalisé (signé)');
  await other.page.locator('#pga-select').selectOption('1.0');
  await expect(other.page.getByTestId('signed-warning')).toBeVisible();
  await other.page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(other.page.getByText('Indiquez un motif (3 caractères au moins).')).toBeVisible();
  await other.page.getByLabel('Motif de la modification').fill('relecture du dossier source');
  await other.page.getByRole('button', { name: 'Enregistrer', exact: true }).click();
  await expect(other.page.getByTestId('signature-entry')).toHaveAttribute('data-validity', 'invalidated');
  await expect(other.page.getByTestId('assessment-status')).toContainText(
    'Modifié : la signature précédente est invalidée',
  );
  const history = other.page.getByTestId('history-entry');
  await expect(history).toHaveCount(2);
  await expect(history.nth(1)).toContainText('Motif : relecture du dossier source');
  await expect(history.nth(0)).toContainText('Dr Suivi');
  await other.context.close();
});
