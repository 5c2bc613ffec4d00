import type { AlarmSource } from '../types';
import { infusionAlarmSource } from './infusion';

/** Every source of alarms on the tablet. */
export const ALARM_SOURCES: readonly AlarmSource[] = [infusionAlarmSource as AlarmSource];
