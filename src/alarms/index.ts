// The one alarm mechanism of the tablet (architecture.md, "Time-critical bedside work"): what is due now across
// every participant, and the means to make it heard. Generic over schedule items: a workflow adds a source.
export type { AlarmEntry, AlarmSource, AlarmTrack } from './types';
export { dueList, type DueList } from './due-list';
export { useAlarms, silenceAlarms, dueEntry, type AlarmsState, type WakeLockState } from './store';
export { startAlarms, prepareBedsideAlarms, ALARM_REPEAT_MS, type AlarmsOptions } from './engine';
export { useAlarmSettings, setAlarmSound, isMuted, DEFAULT_ALARM_VOLUME } from './settings';
export { infusionAlarmSource, infusionChecks } from './sources/infusion';
/** Every source the app watches; issue 22's monitoring adds its own here. */
export { ALARM_SOURCES } from './sources';
export { monitoringAlarmSource, dayChecks, saeItem } from './sources/monitoring';
export { SAE_ALARM_LABEL } from './labels';
