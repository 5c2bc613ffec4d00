import 'fake-indexeddb/auto';
import { expect } from 'vitest';
import { createRecord } from '@/db/commands';
import { getDb } from '@/db/database';
import type { Role } from '@/schema/common';
import { currentWriteContext, useSession } from '@/session/session-store';
import { fakeAuthServer, setUpSession, type FakeServer } from '../session/fake-auth-server';

// A signed-in person on the shared tablet database, and a participant, for the screens' component tests.

export const PIN = '482913';
const PASSWORD = 'correct horse battery';

export type ClinicalSession = { server: FakeServer; env: ReturnType<typeof setUpSession> };

export async function startClinicalSession(): Promise<ClinicalSession> {
  const server = fakeAuthServer();
  await getDb().delete();
  await getDb().open();
  return { server, env: setUpSession(server, getDb()) };
}

/** Signs this person in online and chooses their PIN (they are then the unlocked person). */
export async function signInAs(
  { server }: Pick<ClinicalSession, 'server'>,
  username: string,
  role: Role,
  displayName: string,
) {
  server.addUser(username, role, PASSWORD, displayName);
  await useSession.getState().signIn({ username, password: PASSWORD, deviceName: 'T' });
  const { pending } = useSession.getState();
  if (pending?.hasPin) await useSession.getState().confirmExistingPin(PIN);
  else await useSession.getState().choosePin(PIN, PIN);
  return currentWriteContext()!;
}

/** A participant, written as a physician would (whoever is signed in). */
export async function createParticipant({ env }: ClinicalSession, trialNumber = 'MSC-LES-07') {
  const id = crypto.randomUUID();
  const ctx = currentWriteContext()!;
  const created = await createRecord(
    env.db,
    { ...ctx, role: 'physician' },
    { kind: 'participant', recordId: id, patientId: id, data: { trialNumber, initials: 'AB' } },
  );
  expect(created.ok).toBe(true);
  return id;
}
