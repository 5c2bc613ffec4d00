import { create } from 'zustand';
import type { SyncFailureKind } from './api';

/** What the sync indicator shows: the engine writes it, screens read it (pending counts come from live queries). */
export type SyncStatus = {
  syncing: boolean;
  lastSuccessAt?: string;
  lastAttemptAt?: string;
  lastError?: { kind: SyncFailureKind; message: string; at: string };
  nextRetryAt?: string;
};

export const useSyncStatus = create<SyncStatus>(() => ({ syncing: false }));
