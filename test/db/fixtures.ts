import 'fake-indexeddb/auto';
import { randomUUID } from 'node:crypto';
import { ChevetDb } from '@/db/database';
import type { WriteContext } from '@/db/write-context';
import type { Role } from '@/schema/common';

/** A fresh, empty tablet database (fake-indexeddb), distinct per call. */
export function freshDb(): ChevetDb {
  return new ChevetDb(`test-${randomUUID()}`);
}

/** A write context with a controllable clock. */
export function contextFor(
  role: Role,
  start = Date.parse('2026-03-02T09:00:00+01:00'),
): WriteContext & { tick(ms: number): void } {
  let now = start;
  return {
    userId: randomUUID(),
    role,
    deviceId: randomUUID(),
    now: () => new Date(now),
    tick(ms: number) {
      now += ms;
    },
  };
}

export const vitals = (takenAt: string, overrides: Record<string, unknown> = {}) => ({
  takenAt,
  sbp: 120,
  dbp: 75,
  hr: 72,
  temperatureC: 36.8,
  spo2: 98,
  rr: 14,
  ...overrides,
});
