import { liveQuery } from 'dexie';
import { use, useCallback, useSyncExternalStore } from 'react';

// A screen's reads started as the screen renders, not after it is painted (issue 25, figure 10). With Dexie's
// useLiveQuery a screen opening renders "loading", is painted, then subscribes in an effect, and Dexie starts the
// query on a timer after that: at 4× CPU some 30 ms before IndexedDB is even asked. Here the query starts in the
// screen's first render and the render waits for its first result (it suspends): a navigation being a transition,
// the previous screen stays until this one can be shown whole, with its data, in one commit. From then on a live
// read is live like useLiveQuery (a write here or from a sync renders it again).

type Result = { value: unknown } | { error: unknown };
type Entry = {
  /** The last result (a new object at each), undefined until the first. */
  result: Result | undefined;
  /** Settles with the first result (or error): what a render waiting for it suspends on. */
  first: Promise<void>;
  listeners: Set<() => void>;
  close: () => void;
  /** Closes the read when no screen uses it (a render that was never shown, or the screen left). */
  idle: ReturnType<typeof setTimeout> | undefined;
};

const entries = new Map<string, Entry>();
/** How long a read started by a render that was never shown (a navigation overtaken by another) stays open. */
const UNUSED_MS = 10_000;

function open(key: string, querier: () => Promise<unknown>, live: boolean): Entry {
  const found = entries.get(key);
  if (found) return found;
  let resolve!: () => void;
  const first = new Promise<void>((done) => (resolve = done));
  const entry: Entry = { result: undefined, first, listeners: new Set(), close: () => {}, idle: undefined };
  const settle = (result: Result) => {
    entry.result = result;
    // Marked settled the way React reads a promise's state, so that use() returns at once from then on.
    Object.assign(first, { status: 'fulfilled', value: undefined });
    resolve();
    for (const listener of entry.listeners) listener();
  };
  if (live) {
    const subscription = liveQuery(querier).subscribe({
      next: (value) => settle({ value }),
      error: (error: unknown) => settle({ error }),
    });
    entry.close = () => subscription.unsubscribe();
  } else
    querier().then(
      (value) => settle({ value }),
      (error: unknown) => settle({ error }),
    );
  entries.set(key, entry);
  closeWhenUnused(key, entry, UNUSED_MS);
  return entry;
}

function closeWhenUnused(key: string, entry: Entry, after: number) {
  clearTimeout(entry.idle);
  entry.idle = setTimeout(() => {
    if (entry.listeners.size > 0) return;
    entry.close();
    if (entries.get(key) === entry) entries.delete(key);
  }, after);
}

function useEntry<T>(key: string, entry: Entry): T {
  const subscribe = useCallback(
    (notify: () => void) => {
      clearTimeout(entry.idle);
      entry.listeners.add(notify);
      return () => {
        entry.listeners.delete(notify);
        // Not at once: React may subscribe again right away (a re-render with the same key, strict mode).
        if (entry.listeners.size === 0) closeWhenUnused(key, entry, 0);
      };
    },
    [key, entry],
  );
  // Suspends until the first result (called at every render: React wants the same hooks each time).
  use(entry.first);
  const result = useSyncExternalStore(subscribe, () => entry.result)!;
  if ('error' in result) throw result.error;
  return result.value as T;
}

/**
 * The live result of `querier`, read from the screen's first render: `key` names the query and its arguments
 * (the same key is one query). The component suspends until the first result; an error is thrown to the
 * route's error boundary, as useLiveQuery does. A screen opened again after it was left reads afresh.
 */
export function useLiveRead<T>(key: string, querier: () => Promise<T>): T {
  return useEntry(key, open(key, querier, true));
}

/**
 * `read`'s result as it was when the screen opened (not live: e.g. a draft the form then saves itself). Started
 * with `startRead` before the screen's other reads, it runs beside them rather than after.
 */
export function useReadOnce<T>(key: string, read: () => Promise<T>): T {
  return useEntry(key, open(key, read, false));
}

/** Starts a read that a later `useReadOnce` of the same key waits for (so that it waits for no other read). */
export function startRead(key: string, read: () => Promise<unknown>): void {
  open(key, read, false);
}
