// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { createRecord } from '@/db/commands';
import type { ChevetDb } from '@/db/database';
import { initI18n } from '@/i18n';
import { contentHash } from '@/schema/canonical-json';
import type { Signature } from '@/schema/signature';
import { SignatureList } from '@/session/SignatureList';
import { contextFor, freshDb } from '../db/fixtures';
import { formatDateTime } from '@/ui/format';

// Issue 17, item 1 on the tablet: every signature list shows the signer as the store recorded it (the author of
// the signature's mutation, named from the store's accounts) and both times: the tablet's signedAt and the
// store's receipt time once synced. A stored signature whose author is not its signer never counts.

let db: ChevetDb;
const physician = contextFor('physician');
const times = () => screen.getByTestId('signature-times').textContent!.replace(/\s/g, ' ');

beforeAll(async () => {
  await initI18n('fr');
});
beforeEach(() => {
  db = freshDb();
});
afterEach(async () => {
  cleanup();
  db.close();
  await db.delete();
});

async function signedParticipant() {
  const id = uuidv7();
  const data = { trialNumber: 'MSC-LES-05', initials: 'SG' };
  await createRecord(db, physician, { kind: 'participant', recordId: id, patientId: id, data });
  const signature: Signature = {
    signer: physician.userId,
    signerName: 'Dr House',
    role: 'physician',
    meaning: 'participant-dossier',
    signedAt: '2026-03-02T09:15:00.000Z',
    recordId: id,
    recordRev: 1,
    contentHash: await contentHash(data),
    method: 'pin',
  };
  const signed = await createRecord(db, physician, { kind: 'signature', patientId: id, data: signature });
  if (!signed.ok) throw new Error('not signed');
  return { record: (await db.records.get(id))!, mutationId: signed.mutationId };
}

/** What a pull brings back for the signature: the store's sequence, its receipt time and its recorded author. */
async function storeAnswers(mutationId: string, changes: { userId?: string } = {}) {
  const revision = (await db.revisions.get(mutationId))!;
  await db.revisions.put({
    ...revision,
    ...changes,
    seq: 12,
    receivedAt: '2026-03-02T10:40:00.000Z',
    status: 'applied',
  });
}

describe('a signature list', () => {
  it('shows the tablet’s signing time, then the store’s receipt time once synced, and the account’s name', async () => {
    const { record, mutationId } = await signedParticipant();
    render(<SignatureList record={record} db={db} />);
    const entry = await screen.findByTestId('signature-entry');
    expect(entry.textContent).toContain(
      'Je confirme les données de ce dossier participant — Dr House · Médecin',
    );
    expect(entry.getAttribute('data-validity')).toBe('valid');
    const signedAt = formatDateTime('2026-03-02T09:15:00.000Z', 'fr');
    expect(times()).toBe(
      `Signée le ${signedAt} (heure de la tablette) · pas encore reçue par le serveur central`.replace(
        /\s/g,
        ' ',
      ),
    );

    // Synced: the store's receipt time beside it; the name as the store's account has it (learnt at sign-in).
    await db.people.put({
      userId: physician.userId,
      username: 'house',
      displayName: 'Gregory House',
      role: 'physician',
      deviceId: physician.deviceId,
      failedPinCount: 0,
      offlineUnlockDisabled: false,
      lastOnlineSignInAt: '2026-03-02T08:00:00.000Z',
    });
    await act(() => storeAnswers(mutationId));
    const receivedAt = formatDateTime('2026-03-02T10:40:00.000Z', 'fr');
    await waitFor(() =>
      expect(times()).toContain(`reçue par le serveur central le ${receivedAt}`.replace(/\s/g, ' ')),
    );
    expect(screen.getByTestId('signature-entry').textContent).toContain('— Gregory House · Médecin');
    expect(screen.getByTestId('signature-entry').getAttribute('data-validity')).toBe('valid');
  });

  it('never counts a stored signature whose author, as the store recorded it, is not the signer it names', async () => {
    const { record, mutationId } = await signedParticipant();
    // Pushed by a nurse in the physician's name, before the store checked signatures.
    await storeAnswers(mutationId, { userId: contextFor('nurse').userId });
    render(<SignatureList record={record} db={db} />);
    await waitFor(() =>
      expect(screen.getByTestId('signature-entry').getAttribute('data-validity')).toBe('invalidated'),
    );
    expect(screen.getByTestId('signature-entry').textContent).toContain(
      'Le serveur central a reçu cette signature d’une autre personne que le signataire qu’elle nomme : elle ne vaut pas signature.',
    );
  });
});
