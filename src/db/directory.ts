import type { Role } from '@/schema/common';
import type { PeopleDirectory } from '@/schema/review';
import type { ChevetDb } from './database';

// The store's people directory (GET /api/people, issue 24), cached on the tablet so that every author, signer and
// tablet is shown by name, offline too, even for people who never used this tablet.

export type StoredDirectory = PeopleDirectory & { key: 'store'; fetchedAt: string };

/** A person as a screen shows them: name (or username) and role. */
export type PersonName = { name: string; role: Role };

/** How often a tablet asks again when nothing new was pulled (a new account or tablet brings changes anyway). */
export const DIRECTORY_MAX_AGE_MS = 60 * 60 * 1000;

export async function storeDirectory(db: ChevetDb, directory: PeopleDirectory, at: string): Promise<void> {
  await db.directory.put({
    key: 'store',
    people: directory.people,
    devices: directory.devices,
    fetchedAt: at,
  });
}

export async function directoryFetchedAt(db: ChevetDb): Promise<string | undefined> {
  return (await db.directory.get('store'))?.fetchedAt;
}

/**
 * Who an id is and what a device id is called, from the store's directory and the people who signed in here
 * (a person who just signed in on this tablet is known before the next directory fetch).
 */
export type Names = {
  /** Undefined when neither the directory nor this tablet knows the id. */
  find(userId: string): PersonName | undefined;
  device(deviceId: string): string;
  /** The people of a role on the store (who may resolve a conflict: the physicians). */
  withRole(role: Role): PersonName[];
};

export async function readNames(db: ChevetDb): Promise<Names> {
  const [stored, tablet] = await Promise.all([db.directory.get('store'), db.people.toArray()]);
  return namesFrom(stored, tablet);
}

type TabletPersonName = {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  deviceId: string;
};

export function namesFrom(
  stored: PeopleDirectory | undefined,
  tablet: readonly TabletPersonName[] = [],
): Names {
  const people = new Map<string, PersonName>();
  for (const p of stored?.people ?? [])
    people.set(p.id, { name: p.displayName.trim() || p.username, role: p.role });
  for (const p of tablet)
    if (!people.has(p.userId))
      people.set(p.userId, { name: p.displayName.trim() || p.username, role: p.role });
  const devices = new Map<string, string>();
  for (const d of stored?.devices ?? []) devices.set(d.id, d.name);
  return {
    find: (id) => people.get(id),
    device: (id) => devices.get(id) ?? id.slice(0, 8),
    withRole: (role) => [...people.values()].filter((p) => p.role === role),
  };
}
