import { create } from 'zustand';

// Per-tablet alarm sound: on/off and volume, kept in localStorage (the tablet's, not a person's, not clinical).

const KEY = 'chevet.alarmSound';
export const DEFAULT_ALARM_VOLUME = 0.8;

export type AlarmSoundSettings = { soundOn: boolean; volume: number };

function stored(): AlarmSoundSettings {
  try {
    const value = JSON.parse(localStorage.getItem(KEY) ?? 'null') as Partial<AlarmSoundSettings> | null;
    const volume =
      typeof value?.volume === 'number' && value.volume >= 0 && value.volume <= 1 ? value.volume : null;
    return { soundOn: value?.soundOn !== false, volume: volume ?? DEFAULT_ALARM_VOLUME };
  } catch {
    return { soundOn: true, volume: DEFAULT_ALARM_VOLUME };
  }
}

export const useAlarmSettings = create<AlarmSoundSettings>(() => stored());

export function setAlarmSound(changes: Partial<AlarmSoundSettings>) {
  const next = { ...useAlarmSettings.getState(), ...changes };
  next.volume = Math.min(1, Math.max(0, next.volume));
  useAlarmSettings.setState(next);
  try {
    localStorage.setItem(KEY, JSON.stringify(next));
  } catch {
    // Private mode or full storage: the setting still applies until the page closes.
  }
}

/** Muted: sound off, or volume zero. A muted tablet says so wherever an alarm could ring. */
export const isMuted = (s: AlarmSoundSettings) => !s.soundOn || s.volume === 0;
