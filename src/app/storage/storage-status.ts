import { create } from 'zustand';

// Losing IndexedDB would lose unsynced bedside data: ask the browser to keep it (persistent storage), and watch
// the space left. Checked at start and after each sync round; the settings screen shows the figures.
export const LOW_SPACE_BYTES = 50 * 1024 * 1024;
export const LOW_SPACE_RATIO = 0.9;

export type StorageStatus = {
  checked: boolean;
  persisted?: boolean;
  usage?: number;
  quota?: number;
};

export const useStorageStatus = create<StorageStatus>(() => ({ checked: false }));

export function isLowOnSpace({ usage, quota }: StorageStatus): boolean {
  if (usage === undefined || !quota) return false;
  return quota - usage < LOW_SPACE_BYTES || usage / quota > LOW_SPACE_RATIO;
}

/** Requests persistence once (the browser remembers the grant) and refreshes the estimate. */
export async function checkStorage(requestPersistence = true): Promise<StorageStatus> {
  const storage = navigator.storage;
  if (!storage?.estimate) {
    useStorageStatus.setState({ checked: true });
    return useStorageStatus.getState();
  }
  let persisted = await storage.persisted?.();
  if (!persisted && requestPersistence && storage.persist) persisted = await storage.persist();
  const { usage, quota } = await storage.estimate();
  const status = { checked: true, persisted, usage, quota };
  useStorageStatus.setState(status);
  return status;
}
