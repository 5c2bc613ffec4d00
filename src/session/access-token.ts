import { SyncFailure } from '@/sync/api';
import { tokenFor, useSession } from './session-store';

/**
 * What the sync engine passes to `httpSyncApi({ accessToken: accessTokenProvider() })`: the access token of the
 * person the sync works for (the last to unlock, `useSession.getState().syncUser`), renewed when it expired.
 *
 * - server unreachable while renewing → SyncFailure 'offline' (the engine retries with backoff);
 * - device revoked → SyncFailure 'device-revoked' (the engine stops; the shell shows the banner; nothing is lost);
 * - refresh refused or nobody unlocked yet → null, which the engine reports as 'unauthorized' ("sign in again").
 *
 * This file imports the sync layer (zod): import it where the engine is started, not from the shell.
 */
export function accessTokenProvider(forUserId?: string): () => Promise<string | null> {
  return async () => {
    // An engine started for one person pushes that person's entries: it must never borrow the next one's token.
    const userId = forUserId ?? useSession.getState().syncUser?.userId;
    if (!userId) return null;
    const outcome = await tokenFor(userId);
    if ('token' in outcome) return outcome.token;
    if (outcome.problem === 'unreachable')
      throw new SyncFailure('offline', 'The central store cannot be reached to renew the session.');
    if (outcome.problem === 'device-revoked')
      throw new SyncFailure(
        'device-revoked',
        'This tablet was revoked by an administrator.',
        'device-revoked',
      );
    return null;
  };
}
