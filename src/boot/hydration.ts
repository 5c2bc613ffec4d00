import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { create, type StateCreator, type StoreApi } from 'zustand';
import { chevetBoot } from './boot';

// Hydrating the prerendered first screen (issue 25): React's first render must be the markup the page holds, and
// nothing the person did before it may be lost.

const stores: StoreApi<unknown>[] = [];

/**
 * Marks a zustand store that the first screen reads. While hydrating, React reads a store's "server snapshot"
 * (zustand: its initial state); the first screen was prerendered from the state such a store holds when the app
 * hydrates (src/main.tsx), so that is the snapshot it must read (see `snapshotForHydration`).
 */
export function hydratable<T>(creator: StateCreator<T>): StateCreator<T> {
  return (set, get, api) => {
    stores.push(api as StoreApi<unknown>);
    return creator(set, get, api);
  };
}

/** `create` of zustand, for a store marked `hydratable`. */
export function createHydratable<T>(creator: StateCreator<T>) {
  return create<T>()(hydratable(creator));
}

/** Just before hydrating (or prerendering): each marked store's server snapshot is its state now. */
export function snapshotForHydration() {
  for (const store of stores) {
    const state = store.getState();
    store.getInitialState = () => state;
  }
}

/**
 * A prerendered form's hook: once React has hydrated it, what the person typed before (inputs whose value is
 * not the state's: `adopt` maps an input's id to its setter) becomes the state, and a submit they asked for
 * meanwhile (held back by the boot script) is made again. Outside a hydration it does nothing.
 */
export function useTypedBeforeHydration(adopt: Record<string, (value: string) => void>) {
  const form = useRef<HTMLFormElement>(null);
  const [replay, setReplay] = useState(false);
  useLayoutEffect(() => {
    const boot = chevetBoot();
    const element = form.current;
    if (!boot?.rendered || boot.hydrated || !element) return;
    for (const [id, set] of Object.entries(adopt)) {
      const input = element.querySelector<HTMLInputElement>(`#${id}`);
      if (input?.value) set(input.value);
    }
    if (boot.pendingSubmit === element.id) {
      boot.pendingSubmit = undefined;
      setReplay(true);
    }
    // Once, at the hydration of the first screen.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  useEffect(() => {
    if (!replay) return;
    setReplay(false);
    form.current?.requestSubmit();
  }, [replay]);
  return form;
}

/** At the root: its layout effect runs after every other of the hydration's, and ends the boot script's watch. */
export function useHydrationDone() {
  useLayoutEffect(() => {
    const boot = chevetBoot();
    if (!boot) return;
    boot.hydrated = true;
    performance.mark('chevet:hydrated');
  }, []);
}
