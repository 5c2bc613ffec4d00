import type { AlarmSource } from '../types';
import { infusionAlarmSource } from './infusion';
import { monitoringAlarmSource } from './monitoring';

/** Every source of alarms on the tablet. */
export const ALARM_SOURCES: readonly AlarmSource[] = [
  infusionAlarmSource as AlarmSource,
  monitoringAlarmSource as AlarmSource,
];
