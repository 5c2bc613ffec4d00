import { useAlarms } from '@/alarms/state';

/** The current time for display (countdowns, strips): the alarms' tick, never a timer of the screen's own. */
export function useNow(): number {
  return useAlarms((s) => s.now);
}
