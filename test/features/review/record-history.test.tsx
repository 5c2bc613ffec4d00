// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { createRecord, saveRevision } from '@/db/commands';
import type { ChevetDb } from '@/db/database';
import { storeDirectory } from '@/db/directory';
import { DevicesPanel } from '@/features/review/ReviewPage';
import { initI18n } from '@/i18n';
import { contentHash } from '@/schema/canonical-json';
import type { DeviceSync } from '@/schema/review';
import { RecordHistory } from '@/session/RecordHistory';
import { contextFor, freshDb } from '../../db/fixtures';

// Issue 24 item 1: a record's whole history on the review — who (by name and role from the store's directory),
// which tablet, what changed from what to what in the form's words, why, its signatures and their invalidation;
// and the devices' last sync with the warning for unsent data older than 24 hours.

let db: ChevetDb;
const physician = contextFor('physician');
const nurseId = uuidv7();

beforeAll(async () => {
  await initI18n('fr');
});
beforeEach(async () => {
  db = freshDb();
  await storeDirectory(
    db,
    {
      people: [
        { id: physician.userId, username: 'lmartin', displayName: 'Dr Léa Martin', role: 'physician' },
        { id: nurseId, username: 'pdurand', displayName: 'Paul Durand', role: 'nurse' },
      ],
      devices: [{ id: physician.deviceId, name: 'Tablette HDJ 2', userId: physician.userId }],
    },
    '2026-03-02T08:00:00Z',
  );
});
afterEach(async () => {
  cleanup();
  db.close();
  await db.delete();
});

describe('a record’s history on the review', () => {
  it('says who, on which tablet, what changed from what to what, why, and that a later revision invalidated the signature', async () => {
    const id = uuidv7();
    const data = { trialNumber: 'MSC-LES-05', initials: 'SG', status: 'screening' };
    await createRecord(db, physician, { kind: 'participant', recordId: id, patientId: id, data });
    await createRecord(db, physician, {
      kind: 'signature',
      patientId: id,
      data: {
        signer: physician.userId,
        signerName: 'Dr Léa Martin',
        role: 'physician',
        meaning: 'participant-dossier',
        signedAt: '2026-03-02T09:15:00.000Z',
        recordId: id,
        recordRev: 1,
        contentHash: await contentHash(data),
        method: 'pin',
      },
    });
    physician.tick(60_000);
    const revised = await saveRevision(db, physician, {
      recordId: id,
      data: { ...data, status: 'included', inclusionDate: '2026-03-04' },
      reason: 'inclusion confirmée',
    });
    expect(revised.ok).toBe(true);

    render(<RecordHistory record={(await db.records.get(id))!} db={db} />);
    await waitFor(() => expect(screen.getAllByTestId('history-entry')).toHaveLength(2));
    await screen.findAllByText(/Dr Léa Martin · Médecin sur Tablette HDJ 2/);
    const [created, changed] = screen.getAllByTestId('history-entry');
    expect(created!.textContent).toContain(
      'Révision 1 · création par Dr Léa Martin · Médecin sur Tablette HDJ 2, le 02/03/2026',
    );
    expect(created!.textContent).toContain('Numéro d’essai : MSC-LES-05');
    expect(changed!.textContent).toContain('Révision 2 · modification par Dr Léa Martin · Médecin');
    // Labels and coded values as the form shows them, dates formatted; only what changed.
    const changes = changed!.querySelector('[data-testid="history-changes"]')!.textContent!;
    expect(changes).toContain('Statut : Pré-inclusion → Inclus');
    expect(changes).toContain('Date d’inclusion : — → 04/03/2026');
    expect(changes).not.toContain('Initiales');
    expect(changed!.textContent).toContain('Motif : inclusion confirmée');
    expect(changed!.getAttribute('data-status')).toBe('pending');
    // The signature of revision 1 is shown, and invalidated by revision 2.
    const signature = await screen.findByTestId('signature-entry');
    await waitFor(() => expect(signature.getAttribute('data-validity')).toBe('invalidated'));
    expect(signature.textContent).toContain('Dr Léa Martin · Médecin');
  });
});

describe('the devices’ last sync', () => {
  const device = (over: Partial<DeviceSync>): DeviceSync => ({
    id: uuidv7(),
    name: 'Tablette',
    userId: nurseId,
    createdAt: '2026-03-01T08:00:00.000Z',
    revokedAt: null,
    lastSeenAt: null,
    lastPushAt: '2026-03-04T09:00:00.000Z',
    lastPullAt: '2026-03-04T09:00:01.000Z',
    outboxOldestAt: null,
    outboxReportedAt: '2026-03-04T09:00:00.000Z',
    ...over,
  });
  const devices = [
    device({ name: 'Tablette ancienne', outboxOldestAt: '2026-03-03T08:59:00.000Z' }),
    device({ name: 'Tablette récente', outboxOldestAt: '2026-03-03T09:01:00.000Z' }),
    device({ name: 'Tablette vide' }),
  ];
  const api = {
    token: async () => 'token',
    fetch: async () =>
      new Response(JSON.stringify({ devices, serverTime: '2026-03-04T09:00:00.000Z' }), { status: 200 }),
  };

  it('warns about a tablet whose unsent data is older than 24 hours, at a fixed time', async () => {
    // The directory names the nurse; this screen reads the shared database.
    const { sessionDeps } = await import('@/session/session-store');
    await storeDirectory(
      sessionDeps().db(),
      {
        people: [{ id: nurseId, username: 'pdurand', displayName: 'Paul Durand', role: 'nurse' }],
        devices: [],
      },
      '2026-03-04T08:00:00Z',
    );
    render(<DevicesPanel api={api} now={() => new Date('2026-03-04T09:00:00.000Z')} />);
    await waitFor(() => expect(screen.getAllByTestId('review-device')).toHaveLength(3));
    await screen.findAllByText('Paul Durand · Infirmier·e');
    const [old, recent, empty] = screen.getAllByTestId('review-device');
    expect(old!.textContent).toContain('Données non envoyées depuis plus de 24 h');
    expect(old!.textContent).toContain('Paul Durand · Infirmier·e');
    expect(recent!.querySelector('[data-testid="stale-outbox"]')).toBeNull();
    expect(recent!.textContent).toContain('depuis le');
    expect(empty!.textContent).toContain('aucune');
    expect(screen.getAllByTestId('stale-outbox')).toHaveLength(1);
  });
});
