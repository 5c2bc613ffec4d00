import type { DeviceSync } from '../../src/schema/review';
import { isoOrNull } from '../auth/accounts';
import type { Queryable } from '../store/store';

// Each device's sync as the store saw it (migration 0006), for the data manager's review (issue 24).

/**
 * A push from this device: its time, and the outbox report it carried (`undefined`: none, so the last report
 * stands; `null`: nothing else waits on the tablet).
 */
export async function recordPush(
  q: Queryable,
  deviceId: string,
  now: Date,
  outboxOldestAt: string | null | undefined,
): Promise<void> {
  if (outboxOldestAt === undefined) {
    await q.query('update devices set last_push_at = $2 where id = $1', [deviceId, now]);
    return;
  }
  await q.query(
    `update devices set last_push_at = $2, outbox_oldest_at = $3, outbox_reported_at = $2 where id = $1`,
    [deviceId, now, outboxOldestAt],
  );
}

export async function recordPull(q: Queryable, deviceId: string, now: Date): Promise<void> {
  await q.query('update devices set last_pull_at = $2 where id = $1', [deviceId, now]);
}

type Row = {
  id: string;
  name: string;
  user_id: string;
  created_at: Date | string;
  revoked_at: Date | string | null;
  last_seen_at: Date | string | null;
  last_push_at: Date | string | null;
  last_pull_at: Date | string | null;
  outbox_oldest_at: Date | string | null;
  outbox_reported_at: Date | string | null;
};

/** Every device, most recently synced first (never synced last). */
export async function listDeviceSync(q: Queryable): Promise<DeviceSync[]> {
  const { rows } = await q.query<Row>(
    `select id, name, user_id, created_at, revoked_at, last_seen_at, last_push_at, last_pull_at,
            outbox_oldest_at, outbox_reported_at
       from devices
      order by greatest(last_push_at, last_pull_at) desc nulls last, created_at desc, id`,
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    userId: r.user_id,
    createdAt: new Date(r.created_at).toISOString(),
    revokedAt: isoOrNull(r.revoked_at),
    lastSeenAt: isoOrNull(r.last_seen_at),
    lastPushAt: isoOrNull(r.last_push_at),
    lastPullAt: isoOrNull(r.last_pull_at),
    outboxOldestAt: isoOrNull(r.outbox_oldest_at),
    outboxReportedAt: isoOrNull(r.outbox_reported_at),
  }));
}
