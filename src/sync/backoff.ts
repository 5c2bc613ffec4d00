// Retry delays after a failed sync: exponential with "full jitter" (AWS Architecture Blog, "Exponential Backoff
// And Jitter", 2015), so that tablets coming back online together do not hammer the store in step.
export const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_MAX_MS = 5 * 60_000;

/** Delay before retry number `attempt` (0 = first retry), with `random` in [0, 1). */
export function backoffDelay(attempt: number, random: number): number {
  const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.min(attempt, 20));
  return Math.round(BACKOFF_BASE_MS / 2 + random * (ceiling - BACKOFF_BASE_MS / 2));
}
