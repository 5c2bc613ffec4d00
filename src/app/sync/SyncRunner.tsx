import { useEffect } from 'react';
import { useSession } from '@/session/session-store';
import { requestSync } from '@/sync/trigger';
import { startSync } from './start-sync';

/** Keeps the sync engine running for the person the session designates (it keeps going while locked). */
export function SyncRunner() {
  const userId = useSession((s) => s.syncUser?.userId);
  const deviceId = useSession((s) => s.syncUser?.deviceId);
  const signInNeeded = useSession((s) => s.syncSignInNeeded);
  useEffect(() => {
    // A fresh sign-in also wakes an engine that was waiting for one.
    if (userId && deviceId && !signInNeeded) void startSync(userId, deviceId).then(() => requestSync());
  }, [userId, deviceId, signInNeeded]);
  return null;
}
