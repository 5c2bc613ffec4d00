// A tiny, dependency-free bridge so that the shell's "Sync now" button can reach the engine, which is loaded
// lazily (it brings zod): the engine registers itself here when it starts.
let handler: (() => void) | undefined;

export function registerSyncTrigger(next: (() => void) | undefined) {
  handler = next;
}

/** Asks for a sync round now; returns false when no engine runs (nobody signed in online yet). */
export function requestSync(): boolean {
  if (!handler) return false;
  handler();
  return true;
}
