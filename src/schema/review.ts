import { z } from 'zod';
import { isoDateTimeSchema, roleSchema, uuidSchema } from './common';

// The people directory and the devices' sync state (issue 24): what the tablets show an author, a signer or a
// tablet by, and what the data manager's review shows of each tablet's last sync.

/** An account as every clinical role may read it: who wrote or signed a record, by name and role. */
export const directoryPersonSchema = z.object({
  id: uuidSchema,
  username: z.string(),
  /** Empty when the account has none: shown by its username then. */
  displayName: z.string(),
  role: roleSchema,
});
export type DirectoryPerson = z.infer<typeof directoryPersonSchema>;

/** A tablet registration (one per person and tablet, never deleted): which tablet a change came from. */
export const directoryDeviceSchema = z.object({ id: uuidSchema, name: z.string(), userId: uuidSchema });
export type DirectoryDevice = z.infer<typeof directoryDeviceSchema>;

/** `GET /api/people`: every account (disabled ones too: their records stay theirs) and every device. */
export const peopleDirectorySchema = z.object({
  people: z.array(directoryPersonSchema),
  devices: z.array(directoryDeviceSchema),
});
export type PeopleDirectory = z.infer<typeof peopleDirectorySchema>;

/**
 * The optional report a tablet adds to each push: when the oldest entry still waiting in its outbox after this
 * batch was queued (null: nothing else waits). Absent: the tablet does not report (an older version).
 */
export const outboxOldestAtSchema = isoDateTimeSchema.nullable();

/** `GET /api/review/devices`: each device, its person, its last push and pull, and its last outbox report. */
export const deviceSyncSchema = z.object({
  id: uuidSchema,
  name: z.string(),
  userId: uuidSchema,
  createdAt: isoDateTimeSchema,
  revokedAt: isoDateTimeSchema.nullable(),
  lastSeenAt: isoDateTimeSchema.nullable(),
  lastPushAt: isoDateTimeSchema.nullable(),
  lastPullAt: isoDateTimeSchema.nullable(),
  /** As reported at the last push that carried a report (the tablet's clock); null when its outbox was empty. */
  outboxOldestAt: isoDateTimeSchema.nullable(),
  /** When the store received that report; null when the tablet never reported. */
  outboxReportedAt: isoDateTimeSchema.nullable(),
});
export type DeviceSync = z.infer<typeof deviceSyncSchema>;
export const deviceSyncListSchema = z.object({
  devices: z.array(deviceSyncSchema),
  serverTime: isoDateTimeSchema,
});
export type DeviceSyncList = z.infer<typeof deviceSyncListSchema>;

/** Unsent data older than this on a tablet is a warning on the review (issue 24). */
export const STALE_OUTBOX_MS = 24 * 60 * 60 * 1000;
