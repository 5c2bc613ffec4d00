// The light half of the alarm mechanism for the shell (banner, lock screen, settings): state and settings only,
// no engine or sources, so that importing it keeps the workflows' schemas out of the initial bundle.
export { useAlarms, silenceAlarms, dueEntry, type AlarmsState, type WakeLockState } from './store';
export { useAlarmSettings, setAlarmSound, isMuted, DEFAULT_ALARM_VOLUME } from './settings';
export type { AlarmEntry, AlarmTrack } from './types';
export { SAE_ALARM_LABEL } from './labels';
