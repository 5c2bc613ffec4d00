import { useEffect, useState } from 'react';

/**
 * The current time for display (a countdown, a strip's states), refreshed every `everyMs` while the page is
 * visible and at once when it becomes visible again. It raises no alarm: alarms are the alarms module's.
 */
export function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const tick = () => setNow(Date.now());
    const timer = setInterval(tick, everyMs);
    document.addEventListener('visibilitychange', tick);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', tick);
    };
  }, [everyMs]);
  return now;
}
