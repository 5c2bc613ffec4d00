import type { FastifyInstance } from 'fastify';
import { v7 as uuidv7 } from 'uuid';
import { expect } from 'vitest';
import type { PushResult } from '../../src/schema/sync';
import type { SignedInUser } from './people-fixtures';

// Records as the tablets push them, for server tests that seed the store through the sync API.

/** A valid vital-sign set, with some values changed. */
export const vitalsData = (over: Record<string, unknown> = {}) => ({
  takenAt: '2026-03-02T09:15:00+01:00',
  sbp: 120,
  dbp: 75,
  hr: 72,
  temperatureC: 36.8,
  spo2: 98,
  rr: 14,
  ...over,
});

/** A mutation of a new record (`create`), unless `over` says otherwise. */
export const newMutation = (over: Record<string, unknown>): Record<string, unknown> => ({
  mutationId: uuidv7(),
  recordId: uuidv7(),
  op: 'create',
  baseRev: null,
  at: '2026-03-02T09:00:00+01:00',
  ...over,
});

/**
 * A push by `user` from their own device, as a tablet (or a modified client) sends it; the store must answer 200
 * whatever the mutations hold (a refused mutation is a result, never a failed batch).
 */
export async function pushAs(app: FastifyInstance, user: SignedInUser, mutations: unknown[]) {
  const response = await app.inject({
    method: 'POST',
    url: '/api/sync/push',
    headers: user.headers,
    payload: { deviceId: user.deviceId, mutations },
  });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<{ results: PushResult[] }>().results;
}
