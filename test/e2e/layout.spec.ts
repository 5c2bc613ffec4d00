import { expect, test, type Page } from '@playwright/test';
import {
  createParticipant,
  createUser,
  newTablet,
  openFromMenu,
  openMenu,
  openParticipant,
  recordVitals,
  signInWithNewPin,
  syncNow,
  type E2eUser,
} from './support';

// The screens as a nurse finds them on a tablet held upright (800×1280) or flat (1280×800), and on the project's
// Galaxy Tab S4 (712 px wide): one compact app bar, the vital-signs entry she came for visible with its Save
// button without scrolling, histories readable without sideways scrolling, and no screen wider than the tablet
// (a wider one makes the tablet zoom the whole page out — every control smaller, taps landing beside their target).

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
const NURSE: E2eUser = {
  username: 'e2e-layout-nurse',
  password: 'layout-nurse-password-1',
  displayName: 'Infirmière Mise en page',
  role: 'nurse',
};
const DATA_MANAGER: E2eUser = {
  username: 'e2e-layout-dm',
  password: 'layout-dm-password-1',
  displayName: 'Gestion Mise en page',
  role: 'data-manager',
};
const TRIAL_NUMBER = 'MSC-LES-52';
const TABLETS = [
  { name: 'upright', width: 800, height: 1280 },
  { name: 'flat', width: 1280, height: 800 },
] as const;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ request }) => {
  for (const user of [ADMIN, DOCTOR, NURSE, DATA_MANAGER]) await createUser(request, user);
});

/** Nothing on the screen is wider than the window, and no region needs sideways scrolling. */
async function expectNoHorizontalOverflow(page: Page, screen: string) {
  const overflow = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const found: string[] = [];
    if (document.documentElement.scrollWidth > width)
      found.push(`page ${document.documentElement.scrollWidth}px`);
    for (const element of document.querySelectorAll<HTMLElement>('body *')) {
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const style = getComputedStyle(element);
      // A long name cut with an ellipsis (its full text in the title) is meant; anything else cut is not.
      if (style.textOverflow === 'ellipsis' || element.classList.contains('visually-hidden')) continue;
      if (element.scrollWidth > element.clientWidth + 1 && style.overflowX !== 'visible')
        found.push(
          `${element.tagName}.${element.className} scrolls ${element.scrollWidth}/${element.clientWidth}px`,
        );
      else if (box.right > width + 1 && !element.closest('.table-scroll'))
        found.push(`${element.tagName}.${element.className} ends at ${Math.round(box.right)}px`);
    }
    return found.slice(0, 5);
  });
  expect(overflow, `${screen}: horizontal overflow`).toEqual([]);
}

async function expectCompactAppBar(page: Page, screen: string) {
  const bar = await page.getByTestId('app-bar').boundingBox();
  expect(bar, `${screen}: app bar`).not.toBeNull();
  expect(bar!.height, `${screen}: app bar height`).toBeLessThanOrEqual(64);
}

/** The app bar names the screen opened from the menu in full, beside the sync state, not under it. */
async function expectScreenNamed(page: Page, name: string) {
  const where = page.getByTestId('app-bar').locator('.appbar-where');
  await expect(where).toHaveText(name);
  const shown = await where.evaluate((element) => ({
    cut: element.scrollWidth > element.clientWidth + 1,
    right: element.getBoundingClientRect().right,
    syncLeft: document.querySelector('.sync-indicator')!.getBoundingClientRect().left,
  }));
  expect(shown.cut, `${name}: the screen's name is cut`).toBe(false);
  expect(shown.right, `${name}: the screen's name ends before the sync state`).toBeLessThanOrEqual(
    shown.syncLeft,
  );
}

/** Fully inside the window, with the page not scrolled. */
async function expectInView(page: Page, name: string, locator: ReturnType<Page['locator']>) {
  expect(await page.evaluate(() => window.scrollY), 'the page has not been scrolled').toBe(0);
  const box = await locator.boundingBox();
  const { width, height } = page.viewportSize()!;
  expect(box, name).not.toBeNull();
  expect(box!.y, `${name}: top`).toBeGreaterThanOrEqual(0);
  expect(box!.y + box!.height, `${name}: bottom within ${height}px`).toBeLessThanOrEqual(height);
  expect(box!.x + box!.width, `${name}: right within ${width}px`).toBeLessThanOrEqual(width);
}

test('a physician creates the participant and records a set with alerts', async ({ browser }) => {
  const { context, page } = await newTablet(browser);
  await signInWithNewPin(page, DOCTOR, '720319');
  await createParticipant(page, TRIAL_NUMBER, 'MP');
  // Out-of-range values: the row carries its alert pills, the widest a row gets.
  await recordVitals(page, { sbp: '132', dbp: '81', hr: '96', temperature: '38,6', spo2: '93', rr: '22' });
  await syncNow(page);
  await context.close();
});

for (const size of TABLETS) {
  test(`a nurse's participant page, tablet ${size.name} (${size.width}×${size.height})`, async ({
    browser,
  }) => {
    const { context, page } = await newTablet(browser, { viewport: size });
    await signInWithNewPin(page, NURSE, '720320', `Tablette ${size.name}`);
    await expectCompactAppBar(page, 'home');
    await expectNoHorizontalOverflow(page, 'home');
    await syncNow(page);
    await openParticipant(page, TRIAL_NUMBER);
    await expect(page.getByTestId('vitals-row')).not.toHaveCount(0);

    // The entry she came for: its first field and its Save button visible without scrolling.
    await expectCompactAppBar(page, 'participant');
    await expectInView(page, 'systolic BP field', page.getByLabel('PA systolique (mmHg)'));
    await expectInView(page, 'respiratory rate field', page.getByLabel('Fréquence respiratoire (/min)'));
    await expectInView(page, 'Save', page.getByRole('button', { name: 'Enregistrer les constantes' }));
    await expectNoHorizontalOverflow(page, 'participant');

    // The history reads without sideways scrolling; the time of each set is in view.
    const history = page.getByRole('region', { name: 'Historique des constantes' });
    const scroll = await history.evaluate((element) => ({
      wide: element.scrollWidth,
      shown: element.clientWidth,
    }));
    expect(scroll.wide, 'vitals history width').toBeLessThanOrEqual(scroll.shown);
    await recordVitals(page, { hr: '77' });
    const time = page.getByTestId('vitals-row').first().locator('td').first();
    await expect(time).toHaveText(/^\d\d\/\d\d \d\d:\d\d/);
    const timeBox = (await time.boundingBox())!;
    expect(timeBox.x).toBeGreaterThanOrEqual(0);

    // The void form opens under the row it voids, names it, and is not clipped.
    await page.getByRole('button', { name: 'Annuler cette mesure' }).first().click();
    const voidRow = page.getByTestId('void-row');
    await expect(voidRow).toContainText(
      /Annuler la mesure du \d\d\/\d\d \d\d:\d\d \(PAS \d+, PAD \d+, FC 77/,
    );
    for (const part of [
      voidRow.getByLabel('Motif de l’annulation'),
      voidRow.getByRole('button', { name: 'Confirmer l’annulation' }),
    ]) {
      const box = (await part.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(size.width);
    }
    await voidRow.getByRole('button', { name: 'Annuler', exact: true }).click();
    await expectNoHorizontalOverflow(page, 'participant after the void form');

    // The menu holds the rest, inside the window.
    await page.evaluate(() => window.scrollTo(0, 0));
    await openMenu(page);
    await expectInView(page, 'menu', page.getByTestId('app-menu'));
    await openFromMenu(page, 'Réglages');
    await expect(page.getByTestId('app-bar')).toContainText('Réglages');
    await expectNoHorizontalOverflow(page, 'settings');
    // The alarm volume is a slider a finger can move along (the choices' small-box style once made it 22 px).
    expect((await page.getByLabel('Volume').boundingBox())!.width).toBeGreaterThan(150);
    await context.close();
  });
}

test('the data manager is not offered to void a set, and the administrator’s bar says what is true', async ({
  browser,
}) => {
  const manager = await newTablet(browser, { viewport: TABLETS[0] });
  await signInWithNewPin(manager.page, DATA_MANAGER, '720321');
  await syncNow(manager.page);
  await openParticipant(manager.page, TRIAL_NUMBER);
  await expect(manager.page.getByTestId('vitals-row').first()).toBeVisible();
  await expect(manager.page.getByRole('button', { name: 'Annuler cette mesure' })).toHaveCount(0);
  await expectCompactAppBar(manager.page, 'data manager');
  await expectNoHorizontalOverflow(manager.page, 'data manager participant');
  await openFromMenu(manager.page, 'Requêtes');
  await expectScreenNamed(manager.page, 'Requêtes');
  await manager.context.close();

  const admin = await newTablet(browser, { viewport: TABLETS[0] });
  await expectNoHorizontalOverflow(admin.page, 'sign-in');
  await signInWithNewPin(admin.page, ADMIN, '720318');
  await expect(admin.page.getByTestId('sync-state')).toHaveText('Aucune donnée clinique sur ce compte');
  await expect(admin.page.getByText('Échec de la synchronisation')).toHaveCount(0);
  await openFromMenu(admin.page, 'Administration');
  await expect(admin.page).toHaveURL(/\/admin$/);
  await expectCompactAppBar(admin.page, 'administration');
  await expectScreenNamed(admin.page, 'Administration');
  await expectNoHorizontalOverflow(admin.page, 'administration');
  await admin.context.close();
});

test('every screen fits the Galaxy Tab S4 upright, in French and in English', async ({ browser }) => {
  const { context, page } = await newTablet(browser);
  await signInWithNewPin(page, DOCTOR, '720322');
  await expectCompactAppBar(page, 'home');
  await expectNoHorizontalOverflow(page, 'home');
  await syncNow(page);
  await openParticipant(page, TRIAL_NUMBER);
  await expect(page.getByTestId('vitals-row')).not.toHaveCount(0);
  await expectNoHorizontalOverflow(page, 'participant with its vital signs');

  await openMenu(page);
  await page.getByRole('button', { name: /Langue/ }).click();
  await expect(page.getByTestId('participant-title')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save vital signs' })).toBeVisible();
  await expectCompactAppBar(page, 'participant, in English');
  await expectNoHorizontalOverflow(page, 'participant with its vital signs, in English');
  await openFromMenu(page, 'Settings');
  await expectNoHorizontalOverflow(page, 'settings, in English');
  await page.getByRole('link', { name: 'Participants' }).click();
  await expectNoHorizontalOverflow(page, 'participants, in English');
  await context.close();
});
