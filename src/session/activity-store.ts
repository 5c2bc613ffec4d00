import { useEffect } from 'react';
import { create } from 'zustand';

/**
 * What the person is in the middle of on this tablet. The shell reads it to decide whether an update may reload
 * the page: never during a bedside session (infusion, timed checks) and never with a form open.
 */
type ActivityState = {
  bedsideActive: boolean;
  openForms: number;
  setBedsideActive(active: boolean): void;
  formOpened(): void;
  formClosed(): void;
};

export const useActivity = create<ActivityState>((set) => ({
  bedsideActive: false,
  openForms: 0,
  setBedsideActive: (bedsideActive) => set({ bedsideActive }),
  formOpened: () => set((s) => ({ openForms: s.openForms + 1 })),
  formClosed: () => set((s) => ({ openForms: Math.max(0, s.openForms - 1) })),
}));

export function isBusy(state: Pick<ActivityState, 'bedsideActive' | 'openForms'>): boolean {
  return state.bedsideActive || state.openForms > 0;
}

/** While the calling component is mounted, it counts as an open form: no update reloads the page under it. */
export function useOpenForm() {
  useEffect(() => {
    useActivity.getState().formOpened();
    return () => useActivity.getState().formClosed();
  }, []);
}
