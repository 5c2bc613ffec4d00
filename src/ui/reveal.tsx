import { startTransition, useEffect, useState } from 'react';
import './reveal.css';

// Long lists shown progressively (issue 25, figure 10): a screen opens usable sooner when its first render holds
// only what fits on the screen (at 4× CPU a 24-item form spent more than half of its opening rendering, laying
// out and painting items below the fold).

/**
 * How many of a long list's items to render (a form's items, a timeline's rows): `first` (a screenful) in the
 * screen's first render, then all of them in a transition right after that is painted — they arrive before a
 * finger can scroll to them. Render `<RevealPlaceholder>` in their place meanwhile, so that nothing under the
 * list moves. A list that grows later (a live update) shows all its items.
 */
export function useRevealed(total: number, first: number): number {
  const [all, setAll] = useState(total <= first);
  useEffect(() => {
    if (!all) startTransition(() => setAll(true));
  }, [all]);
  return all ? total : first;
}

/** The room of the items not rendered yet (`count` of about `itemRem` each), empty and hidden. */
export function RevealPlaceholder({ count, itemRem }: { count: number; itemRem: number }) {
  if (count <= 0) return null;
  return (
    <li aria-hidden="true" className="reveal-placeholder" style={{ minHeight: `${count * itemRem}rem` }} />
  );
}
