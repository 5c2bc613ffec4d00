import { create } from 'zustand';
import type { AlarmEntry, AlarmTrack } from './types';

export type WakeLockState = 'off' | 'held' | 'refused' | 'unsupported';
export type SoundState = 'locked' | 'ready' | 'unsupported';

/** What every screen reads about alarms: the due list at the last tick and the means to be heard. */
export type AlarmsState = {
  /** The time of the last tick (epoch ms): screens show clocks and countdowns from it, never their own timer. */
  now: number;
  tracks: readonly AlarmTrack[];
  /** Due and overdue checks, overdue first. */
  due: readonly AlarmEntry[];
  next?: AlarmEntry;
  /** Entries whose sound the nurse silenced (the banner stays until the check is done or declared missed). */
  silenced: ReadonlySet<string>;
  /** A bedside session runs on this tablet. */
  bedside: boolean;
  sound: SoundState;
  wakeLock: WakeLockState;
  notifications: NotificationPermission | 'unsupported';
  /** How many times the alarm rang (sound attempted), for the screens' "muted" notice and for tests. */
  rings: number;
};

export const useAlarms = create<AlarmsState>(() => ({
  now: Date.now(),
  tracks: [],
  due: [],
  silenced: new Set(),
  bedside: false,
  sound: 'locked',
  wakeLock: 'off',
  notifications: 'unsupported',
  rings: 0,
}));

/** Silences the sound of what is due now; a check falling due later rings again. */
export function silenceAlarms() {
  const { due, silenced } = useAlarms.getState();
  useAlarms.setState({ silenced: new Set([...silenced, ...due.map((e) => `${e.key}:${e.state}`)]) });
}

/** The entry of one track's check, if due or overdue now. */
export function dueEntry(state: AlarmsState, trackId: string, checkId: string): AlarmEntry | undefined {
  return state.due.find((e) => e.trackId === trackId && e.item.id === checkId);
}
