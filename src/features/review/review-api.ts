import { deviceSyncListSchema, STALE_OUTBOX_MS, type DeviceSync, type DeviceSyncList } from '@/schema/review';
import { currentToken, type ExportApiOptions } from './export-api';

export type DevicesResult = { ok: true; list: DeviceSyncList } | { ok: false; error: 'offline' | 'failed' };

/** Each device's last sync and outbox report, from the store (online: `GET /api/review/devices`). */
export async function fetchDeviceSync(options: ExportApiOptions = {}): Promise<DevicesResult> {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  const token = await (options.token ?? currentToken)();
  if (!token) return { ok: false, error: 'offline' };
  try {
    const response = await doFetch('/api/review/devices', { headers: { authorization: `Bearer ${token}` } });
    if (!response.ok) return { ok: false, error: 'failed' };
    return { ok: true, list: deviceSyncListSchema.parse(await response.json()) };
  } catch {
    return { ok: false, error: 'offline' };
  }
}

/** Whether the device's last report says it holds data unsent for more than 24 hours at `now`. */
export function holdsStaleData(device: DeviceSync, now: Date): boolean {
  return (
    device.outboxOldestAt !== null && now.getTime() - Date.parse(device.outboxOldestAt) > STALE_OUTBOX_MS
  );
}
