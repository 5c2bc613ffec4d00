// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { recordObservation, voidRecord } from '@/db/commands';
import { VitalSignsTimeline } from '@/features/participants/VitalSignsTimeline';
import { initI18n } from '@/i18n';
import { mayVoid } from '@/schema/permissions';
import { currentWriteContext } from '@/session/session-store';
import { vitals } from '../db/fixtures';
import { createParticipant, signInAs, startClinicalSession, type ClinicalSession } from './clinical-session';

// Issue 19, item 5: each role is offered only what it may do — a set is voided by its author or a physician,
// never by the data manager (the same table as the store's: src/schema/permissions.ts).

let session: ClinicalSession;
const VOID = 'Annuler cette mesure';

async function aSetByJoy() {
  await signInAs(session, 'joy', 'nurse', 'Joy Nurse');
  const patientId = await createParticipant(session);
  const written = await recordObservation(session.env.db, currentWriteContext()!, {
    kind: 'vitalSigns',
    patientId,
    data: vitals('2026-12-01T08:15:00+01:00'),
  });
  if (!written.ok) throw new Error(written.code);
  return { patientId, recordId: written.recordId };
}

beforeAll(async () => {
  await initI18n('fr');
});
beforeEach(async () => {
  session = await startClinicalSession();
});
afterEach(() => {
  cleanup();
  session.env.restore();
});

describe('voiding a vital-sign set', () => {
  it('is offered to its author', async () => {
    const { patientId } = await act(aSetByJoy);
    render(<VitalSignsTimeline patientId={patientId} />);
    expect(await screen.findByRole('button', { name: VOID })).toBeTruthy();
  });

  it('is offered to a physician', async () => {
    const { patientId } = await act(aSetByJoy);
    await act(() => signInAs(session, 'house', 'physician', 'Dr House'));
    render(<VitalSignsTimeline patientId={patientId} />);
    expect(await screen.findByRole('button', { name: VOID })).toBeTruthy();
  });

  it('is neither offered to the data manager nor to another nurse, and the command refuses them', async () => {
    const { patientId, recordId } = await act(aSetByJoy);
    for (const [username, role] of [
      ['dm', 'data-manager'],
      ['ann', 'nurse'],
    ] as const) {
      await act(() => signInAs(session, username, role, username));
      const { unmount } = render(<VitalSignsTimeline patientId={patientId} />);
      await waitFor(() => expect(screen.getAllByTestId('vitals-row')).toHaveLength(1));
      expect(screen.queryByRole('button', { name: VOID }), role).toBeNull();
      const refused = await voidRecord(session.env.db, currentWriteContext()!, {
        recordId,
        reason: 'erreur',
      });
      expect(refused).toMatchObject({ ok: false, code: 'forbidden' });
      unmount();
    }
  });

  it('a signature only by its signer', () => {
    const signature = { kind: 'signature' as const, createdBy: 'u1', data: { signer: 'u1' } };
    expect(mayVoid(signature, { userId: 'u1', role: 'nurse' })).toBe(true);
    expect(mayVoid(signature, { userId: 'u2', role: 'physician' })).toBe(false);
  });
});
