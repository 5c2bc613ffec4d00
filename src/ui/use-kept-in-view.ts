import { useEffect, type RefObject } from 'react';

/**
 * Brings an element wholly on screen when it opens, and keeps it there while the page around it changes size —
 * a sync, storage or wake-lock notice that arrives above it a moment later would otherwise push its bottom (the
 * entry's Save button) off screen. It stops following once the person scrolls by hand, so it never fights them.
 */
export function useKeptInView(ref: RefObject<HTMLElement | null>, enabled = true): void {
  useEffect(() => {
    const element = ref.current;
    if (!enabled || !element?.scrollIntoView) return;
    const bring = () => element.scrollIntoView({ block: 'nearest' });
    bring();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(bring);
    observer.observe(document.body);
    const gestures = ['wheel', 'touchmove'] as const;
    const stop = () => {
      observer.disconnect();
      for (const gesture of gestures) window.removeEventListener(gesture, stop);
    };
    for (const gesture of gestures) window.addEventListener(gesture, stop, { passive: true });
    return stop;
  }, [ref, enabled]);
}
