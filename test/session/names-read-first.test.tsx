// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { createRecord } from '@/db/commands';
import type { ChevetDb } from '@/db/database';
import * as directory from '@/db/directory';
import { initI18n } from '@/i18n';
import { RecordHistory } from '@/session/RecordHistory';
import { contextFor, freshDb } from '../db/fixtures';

// The people directory is read beside the record's revisions; on a busy tablet it can come second. A history
// shown before it named its author "une personne inconnue (0193…)" for a moment (and a review test caught that
// moment under load): the history waits for the names.

vi.mock('@/db/directory', async (importOriginal) => {
  const original = await importOriginal<typeof directory>();
  return {
    ...original,
    // The names come after the revisions, every time.
    readNames: async (db: ChevetDb) => {
      await new Promise((resolve) => setTimeout(resolve, 50));
      return original.readNames(db);
    },
  };
});

let db: ChevetDb;
const physician = contextFor('physician');

beforeAll(async () => {
  await initI18n('fr');
});
beforeEach(async () => {
  db = freshDb();
  await directory.storeDirectory(
    db,
    {
      people: [
        { id: physician.userId, username: 'lmartin', displayName: 'Dr Léa Martin', role: 'physician' },
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

describe('a record’s history when the names are read last', () => {
  it('names its author from its first showing, never as an unknown person', async () => {
    const id = uuidv7();
    await createRecord(db, physician, {
      kind: 'participant',
      recordId: id,
      patientId: id,
      data: { trialNumber: 'MSC-LES-05', initials: 'SG', status: 'screening' },
    });
    const record = (await db.records.get(id))!;
    render(<RecordHistory record={record} db={db} />);
    const [entry] = await screen.findAllByTestId('history-entry');
    expect(entry!.textContent).toContain('Dr Léa Martin · Médecin');
    expect(entry!.textContent).toContain('Tablette HDJ 2');
    expect(entry!.textContent).not.toContain('inconnue');
  });
});
