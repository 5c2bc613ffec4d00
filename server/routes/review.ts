import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { deviceSyncListSchema, peopleDirectorySchema } from '../../src/schema/review';
import { authPolicy } from '../auth/auth-policy';
import { listDeviceSync } from '../review/device-sync';
import { peopleDirectory } from '../review/people';

/** The people directory, for every clinical role (route-access.ts): tablets cache it to name authors. */
export const peopleRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/people', { schema: { response: { 200: peopleDirectorySchema } } }, async () =>
    peopleDirectory(app.store),
  );
};

/** The data manager's and physicians' review of the store (issue 24): the devices and their last sync. */
export const reviewRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/devices', { schema: { response: { 200: deviceSyncListSchema } } }, async () => ({
    devices: await listDeviceSync(app.store),
    serverTime: authPolicy().now().toISOString(),
  }));
};
