// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRecord, saveRevision } from '@/db/commands';
import type { StoredRecord } from '@/db/types';
import { initI18n } from '@/i18n';
import { currentWriteContext, useSession } from '@/session/session-store';
import { SignatureDialog } from '@/session/SignatureDialog';
import { SignatureList } from '@/session/SignatureList';
import { fakeAuthServer, setUpSession, type FakeServer } from './fake-auth-server';

const PIN = '482913';
const PASSWORD = 'correct horse battery';
let server: FakeServer;
let env: ReturnType<typeof setUpSession>;

async function signedIn(username: string, role: 'nurse' | 'physician') {
  server.addUser(username, role, PASSWORD, username === 'house' ? 'Dr House' : 'Joy Nurse');
  await useSession.getState().signIn({ username, password: PASSWORD, deviceName: 'T' });
  await useSession.getState().choosePin(PIN, PIN);
  return currentWriteContext()!;
}

async function participant() {
  const ctx = currentWriteContext()!;
  const id = crypto.randomUUID();
  await createRecord(env.db, ctx, {
    kind: 'participant',
    recordId: id,
    patientId: id,
    data: { trialNumber: 'MSC-LES-07', initials: 'AB' },
  });
  return id;
}

const click = (name: string | RegExp) => fireEvent.click(screen.getByRole('button', { name }));

beforeAll(async () => {
  await initI18n('fr');
});
beforeEach(() => {
  server = fakeAuthServer();
  env = setUpSession(server);
});
afterEach(() => {
  cleanup();
  env.restore();
});

describe('the signature dialog', () => {
  it('shows the meaning as a sentence, re-asks the PIN, stores the signature; the list marks it valid', async () => {
    await act(() => signedIn('house', 'physician'));
    const id = await participant();
    const onSigned = vi.fn();
    const onClose = vi.fn();
    render(
      <SignatureDialog
        recordId={id}
        meaning="eligibility-assessment"
        onClose={onClose}
        onSigned={onSigned}
        db={env.db}
      />,
    );
    const dialog = screen.getByRole('dialog', { name: 'Signature électronique' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(screen.getByText('Je confirme cette évaluation d’éligibilité')).toBeTruthy();
    expect(screen.getByText('Signataire : Dr House · Médecin')).toBeTruthy();

    click('Signer');
    expect(screen.getByTestId('signature-error').textContent).toBe(
      'Saisissez votre code PIN ou votre mot de passe.',
    );
    fireEvent.change(screen.getByLabelText('Votre code PIN'), { target: { value: '000001' } });
    click('Signer');
    expect((await screen.findByText(/Code PIN incorrect/)).textContent).toBe(
      'Code PIN incorrect. Encore 4 essais avant le blocage du déverrouillage hors ligne.',
    );
    fireEvent.change(screen.getByLabelText('Votre code PIN'), { target: { value: PIN } });
    click('Signer');
    await waitFor(() => expect(onSigned).toHaveBeenCalledOnce());
    expect(onClose).toHaveBeenCalled();
    expect(onSigned.mock.calls[0]![0].signature).toMatchObject({
      meaning: 'eligibility-assessment',
      method: 'pin',
      recordRev: 1,
    });
    cleanup();

    const record = (await env.db.records.get(id))!;
    const { rerender } = render(<SignatureList record={record} db={env.db} />);
    const entry = await screen.findByTestId('signature-entry');
    expect(entry.getAttribute('data-validity')).toBe('valid');
    expect(entry.textContent).toContain('Valide');
    expect(entry.textContent).toContain('Je confirme cette évaluation d’éligibilité — Dr House · Médecin');

    // The signed record is revised (with a reason): the signature shows as invalidated, never hidden.
    await saveRevision(env.db, currentWriteContext()!, {
      recordId: id,
      data: { trialNumber: 'MSC-LES-07', initials: 'AC' },
      reason: 'initials typo',
    });
    const revised = (await env.db.records.get(id)) as StoredRecord;
    rerender(<SignatureList record={revised} db={env.db} />);
    await waitFor(() =>
      expect(screen.getByTestId('signature-entry').getAttribute('data-validity')).toBe('invalidated'),
    );
    expect(screen.getByTestId('signature-entry').textContent).toContain('Invalidée');
    expect(
      screen.getByText('Les données ont changé depuis cette signature : elle ne les couvre plus.'),
    ).toBeTruthy();
  });

  it('a role that may not sign this meaning is told so and asked nothing', async () => {
    await act(() => signedIn('joy', 'nurse'));
    render(
      <SignatureDialog
        recordId={crypto.randomUUID()}
        meaning="dlt-confirmation"
        onClose={() => {}}
        db={env.db}
      />,
    );
    expect(screen.getByText('Je confirme cette toxicité dose-limitante')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toBe('Votre rôle ne permet pas de signer cet acte.');
    expect(screen.queryByLabelText('Votre code PIN')).toBeNull();
  });

  it('by password: a wrong one is explained by the server’s answer', async () => {
    await act(() => signedIn('house', 'physician'));
    const id = await participant();
    render(<SignatureDialog recordId={id} meaning="conflict-resolution" onClose={() => {}} db={env.db} />);
    fireEvent.click(screen.getByRole('radio', { name: 'Mot de passe (en ligne)' }));
    fireEvent.change(screen.getByLabelText('Votre mot de passe'), { target: { value: 'wrong' } });
    click('Signer');
    expect((await screen.findByTestId('signature-error')).textContent).toBe(
      'Identifiant ou mot de passe incorrect.',
    );
  });

  it('the fifth wrong PIN locks the app (the lock screen then explains that offline unlock is blocked)', async () => {
    await act(() => signedIn('house', 'physician'));
    const id = await participant();
    render(<SignatureDialog recordId={id} meaning="eligibility-assessment" onClose={() => {}} db={env.db} />);
    for (let left = 4; left >= 1; left--) {
      fireEvent.change(screen.getByLabelText('Votre code PIN'), { target: { value: '000001' } });
      click('Signer');
      await waitFor(() =>
        expect(screen.getByTestId('signature-error').textContent).toContain(`Encore ${left} essai`),
      );
    }
    fireEvent.change(screen.getByLabelText('Votre code PIN'), { target: { value: '000001' } });
    click('Signer');
    await waitFor(() => expect(useSession.getState().screen).toBe('locked'));
    expect(useSession.getState().person).toBeUndefined();
    expect((await env.db.people.toArray())[0]).toMatchObject({ offlineUnlockDisabled: true });
  });
});
