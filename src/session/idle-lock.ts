// Auto-lock after a period without touch or key: cheap listeners only note the time; one timer checks it. A
// tablet that slept (timers frozen) is checked again the moment it becomes visible.
//
// Only a person's own gestures count. Not 'scroll': the page scrolls by itself when its layout changes (an alarm
// banner appearing over a scrolled screen moves it), which kept an unattended tablet unlocked; a person's scroll
// comes with a touch, a wheel or a key anyway.

export const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'input'] as const;

export type IdleWatchOptions = {
  timeoutMs: number;
  onIdle: () => void;
  target?: Pick<Window, 'addEventListener' | 'removeEventListener'>;
  now?: () => number;
};

/** Starts watching; calls `onIdle` once after `timeoutMs` without activity. Returns the function that stops it. */
export function watchIdle({
  timeoutMs,
  onIdle,
  target = window,
  now = Date.now,
}: IdleWatchOptions): () => void {
  let last = now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let done = false;

  const check = () => {
    if (done) return;
    const idleFor = now() - last;
    if (idleFor >= timeoutMs) {
      done = true;
      stop();
      onIdle();
    } else {
      clearTimeout(timer);
      timer = setTimeout(check, timeoutMs - idleFor);
    }
  };
  const onActivity = () => {
    last = now();
  };
  const onVisibility = () => {
    if (typeof document === 'undefined' || document.visibilityState === 'visible') check();
  };
  function stop() {
    clearTimeout(timer);
    for (const event of ACTIVITY_EVENTS) target.removeEventListener(event, onActivity, { capture: true });
    if (typeof document !== 'undefined') document.removeEventListener('visibilitychange', onVisibility);
  }

  for (const event of ACTIVITY_EVENTS)
    target.addEventListener(event, onActivity, { capture: true, passive: true });
  if (typeof document !== 'undefined') document.addEventListener('visibilitychange', onVisibility);
  timer = setTimeout(check, timeoutMs);
  return () => {
    done = true;
    stop();
  };
}
