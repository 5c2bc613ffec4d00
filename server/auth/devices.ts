import { randomUUID } from 'node:crypto';
import type { Device } from '../../src/schema/auth';
import type { Queryable } from '../store/store';
import { isoOrNull } from './accounts';

// Queries on `devices` (migration 0002): one row per tablet a person signed in on. Never deleted: records and
// audit entries name their device. A revoked device stays revoked; signing in again registers a new one.

type DeviceRow = {
  id: string;
  name: string;
  user_id: string;
  username: string;
  created_at: Date | string;
  last_seen_at: Date | string | null;
  revoked_at: Date | string | null;
};

const DEVICE_SELECT = `select d.id, d.name, d.user_id, u.username, d.created_at, d.last_seen_at, d.revoked_at
  from devices d join users u on u.id = d.user_id`;

function toDevice(row: DeviceRow): Device {
  return {
    id: row.id,
    name: row.name,
    userId: row.user_id,
    username: row.username,
    createdAt: new Date(row.created_at).toISOString(),
    lastSeenAt: isoOrNull(row.last_seen_at),
    revokedAt: isoOrNull(row.revoked_at),
  };
}

export async function listDevices(q: Queryable): Promise<Device[]> {
  const { rows } = await q.query<DeviceRow>(`${DEVICE_SELECT} order by d.created_at desc, d.id`);
  return rows.map(toDevice);
}

export async function getDevice(q: Queryable, id: string): Promise<Device | null> {
  const { rows } = await q.query<DeviceRow>(`${DEVICE_SELECT} where d.id = $1`, [id]);
  return rows[0] ? toDevice(rows[0]) : null;
}

/**
 * The device a person signs in on: `requestedId` when it is theirs and not revoked (a tablet signing in again
 * keeps its id), otherwise a newly registered one.
 */
export async function deviceForSignIn(
  q: Queryable,
  userId: string,
  name: string,
  requestedId: string | undefined,
  now: Date,
): Promise<{ id: string; registered: boolean }> {
  if (requestedId) {
    const { rows } = await q.query(
      `update devices set name = $3, last_seen_at = $4
       where id = $1 and user_id = $2 and revoked_at is null returning id`,
      [requestedId, userId, name, now],
    );
    if (rows.length > 0) return { id: requestedId, registered: false };
  }
  const id = randomUUID();
  await q.query(
    `insert into devices (id, name, user_id, created_at, last_seen_at) values ($1, $2, $3, $4, $4)`,
    [id, name, userId, now],
  );
  return { id, registered: true };
}

export async function touchDevice(q: Queryable, id: string, now: Date): Promise<void> {
  await q.query('update devices set last_seen_at = $2 where id = $1', [id, now]);
}

/** Revokes a device; the first revocation's time and author are kept. Null when the device does not exist. */
export async function revokeDevice(
  q: Queryable,
  id: string,
  byUserId: string,
  now: Date,
): Promise<{ device: Device; newlyRevoked: boolean } | null> {
  const { rows } = await q.query(
    `update devices set revoked_at = $2, revoked_by = $3 where id = $1 and revoked_at is null returning id`,
    [id, now, byUserId],
  );
  const device = await getDevice(q, id);
  return device ? { device, newlyRevoked: rows.length > 0 } : null;
}

/** Whether `deviceId` is a tablet registered to this person and not revoked. */
export async function isDeviceOf(q: Queryable, deviceId: string, userId: string): Promise<boolean> {
  const { rows } = await q.query(
    'select 1 from devices where id = $1 and user_id = $2 and revoked_at is null',
    [deviceId, userId],
  );
  return rows.length > 0;
}
