import { expect, test, type Browser, type Page } from '@playwright/test';
import {
  createParticipant,
  createUser,
  openControlledApp,
  recordVitals,
  signInWithNewPin,
  type E2eUser,
} from './support';

// A tablet held upright (the projects' Galaxy Tab S4, 712 px wide): no screen may be wider than the tablet. A
// wider one makes the tablet zoom the whole page out — every control smaller, and taps landing beside their
// target (the vitals timeline did this, and the Save button under it could no longer be tapped).

const ADMIN: E2eUser = {
  username: 'e2e-layout-admin',
  password: 'layout-admin-password-1',
  displayName: 'Admin Mise en page',
  role: 'admin',
};
const DOCTOR: E2eUser = {
  username: 'e2e-layout-doctor',
  password: 'layout-doctor-password-1',
  displayName: 'Dr Mise en page',
  role: 'physician',
};

test.beforeAll(async ({ request }) => {
  await createUser(request, ADMIN);
  await createUser(request, DOCTOR);
});

async function expectFitsTheTablet(page: Page, screen: string) {
  const { pageWidth, tabletWidth } = await page.evaluate(() => ({
    pageWidth: document.documentElement.scrollWidth,
    tabletWidth: window.screen.width,
  }));
  expect(pageWidth, `${screen}: ${pageWidth} px wide on a ${tabletWidth} px tablet`).toBeLessThanOrEqual(
    tabletWidth,
  );
}

async function visit(page: Page, link: string, path: RegExp) {
  await page.getByRole('link', { name: link, exact: true }).click();
  await expect(page).toHaveURL(path);
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
}

/** A tablet of its own (its own storage), upright as the project's device. */
async function tablet(browser: Browser) {
  return browser.newContext({ baseURL: test.info().project.use.baseURL, serviceWorkers: 'allow' });
}

test('every screen fits an upright tablet, in French and in English', async ({ browser }) => {
  const adminContext = await tablet(browser);
  const admin = await adminContext.newPage();
  await openControlledApp(admin);
  await expectFitsTheTablet(admin, 'sign-in');
  await signInWithNewPin(admin, ADMIN, '720318');
  await visit(admin, 'Administration', /\/admin$/);
  await expectFitsTheTablet(admin, 'administration');
  await adminContext.close();

  const context = await tablet(browser);
  const page = await context.newPage();
  await openControlledApp(page);
  await signInWithNewPin(page, DOCTOR, '720319');
  await expectFitsTheTablet(page, 'home');
  await visit(page, 'Participants', /\/participants$/);
  await expectFitsTheTablet(page, 'participants');
  await createParticipant(page, 'MSC-LES-52', 'MP');
  // Out-of-range values: the row carries its alert pills, the widest a row gets.
  await recordVitals(page, { sbp: '132', dbp: '81', hr: '96', temperature: '38,6', spo2: '93', rr: '22' });
  await expect(page.getByTestId('vitals-row')).toHaveCount(1);
  await expectFitsTheTablet(page, 'participant with its vital signs');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByTestId('participant-title')).toBeVisible();
  await expectFitsTheTablet(page, 'participant with its vital signs, in English');
  await visit(page, 'Settings', /\/settings$/);
  await expectFitsTheTablet(page, 'settings, in English');
  await visit(page, 'Participants', /\/participants$/);
  await expectFitsTheTablet(page, 'participants, in English');
  await context.close();
});
