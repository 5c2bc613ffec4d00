import { expect, test } from '@playwright/test';
import {
  createParticipant,
  createUser,
  openControlledApp,
  openParticipant,
  signInWithNewPin,
  unlockWithPin,
  type E2eUser,
} from './support';

// Issue 3 on a real browser: a physician signs a participant dossier offline with the PIN; the signature survives
// an offline reload; a later revision (with a reason, after a warning) shows it invalidated.

const DOCTOR: E2eUser = {
  username: 'e2e-sign-doctor',
  password: 'sign-doctor-password-1',
  displayName: 'Dr Signataire',
  role: 'physician',
};
const PIN = '583016';

test.beforeAll(async ({ request }) => {
  await createUser(request, DOCTOR);
});

test('a physician signs the dossier offline with the PIN; a later revision invalidates the signature', async ({
  page,
  context,
}) => {
  await openControlledApp(page);
  await signInWithNewPin(page, DOCTOR, PIN);
  await createParticipant(page, 'MSC-LES-41', 'SG');

  await context.setOffline(true);
  const signatures = page.getByTestId('dossier-signatures');
  await expect(signatures).toContainText('Pas encore signé.');
  await signatures.getByRole('button', { name: 'Signer le dossier' }).click();
  const dialog = page.getByRole('dialog', { name: 'Signature électronique' });
  await expect(dialog).toContainText('Je confirme les données de ce dossier participant');
  await expect(dialog).toContainText('Signataire : Dr Signataire · Médecin');
  // Offline, the password is not offered: the PIN is checked on the tablet.
  await expect(dialog.getByRole('radio', { name: 'Mot de passe (en ligne)' })).toBeDisabled();
  await dialog.getByLabel('Votre code PIN').fill(PIN);
  await dialog.getByRole('button', { name: 'Signer', exact: true }).click();
  await expect(dialog).toHaveCount(0);
  await expect(signatures).toContainText('Signature enregistrée.');
  const entry = signatures.getByTestId('signature-entry');
  await expect(entry).toHaveAttribute('data-validity', 'valid');
  await expect(entry).toContainText('Valide');
  await expect(entry).toContainText(
    'Je confirme les données de ce dossier participant — Dr Signataire · Médecin',
  );

  // Reload offline: the app comes back locked; the PIN unlocks it and the signature is still there, valid.
  await page.reload();
  await unlockWithPin(page, DOCTOR.displayName, PIN);
  await page.getByRole('link', { name: 'Accueil' }).click();
  await openParticipant(page, 'MSC-LES-41');
  await expect(entry).toHaveAttribute('data-validity', 'valid');

  // Revising the signed dossier: warned before saving, then the signature shows invalidated, never hidden.
  await page.locator('#comment').fill('revu en visite');
  await expect(page.getByTestId('dossier-signed-warning')).toHaveText(
    'Ce dossier est signé : enregistrer ces modifications invalidera la signature, qu’il faudra refaire.',
  );
  await expect(signatures.getByRole('button', { name: 'Signer le dossier' })).toBeDisabled();
  await page.getByLabel('Motif de la modification').fill('note de visite');
  await page.getByRole('button', { name: 'Enregistrer le dossier' }).click();
  await expect(page.getByText('Enregistré sur la tablette.')).toBeVisible();
  await expect(entry).toHaveAttribute('data-validity', 'invalidated');
  await expect(entry).toContainText('Invalidée');
  await expect(entry).toContainText(
    'Les données ont changé depuis cette signature : elle ne les couvre plus.',
  );
  await expect(page.getByTestId('dossier-signed-warning')).toHaveCount(0);
  await expect(signatures.getByRole('button', { name: 'Signer le dossier' })).toBeEnabled();
});
