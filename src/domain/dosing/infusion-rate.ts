import { complete, type Complete } from '@/domain/result';
import { DOSING_CONFIG, type DosingConfig } from './config';
import { refused, type DoseRefusal, type DoseRefused } from './refusal';

// The pump rate for a slow IV infusion over the planned duration (infusion-and-monitoring.md, "Product and dose":
// default 60 minutes, configurable 30–120, rate in mL/h derived from the volume).

/** rate (mL/h) = volume (mL) / duration (h). The duration defaults to the configured 60 min. */
export function infusionRate(
  input: { volumeMl: number; durationMin?: number },
  config: Pick<DosingConfig, 'infusionDurationMin'> = DOSING_CONFIG,
): Complete<{ rateMlPerHour: number; durationMin: number }> | DoseRefused {
  const limits = config.infusionDurationMin;
  const durationMin = input.durationMin ?? limits.default;
  const reasons: DoseRefusal[] = [];
  const { volumeMl } = input;
  if (typeof volumeMl !== 'number' || !Number.isFinite(volumeMl) || volumeMl <= 0) {
    reasons.push({ id: 'volumeMl', reason: 'missing' });
  }
  if (typeof durationMin !== 'number' || !Number.isFinite(durationMin)) {
    reasons.push({ id: 'durationMin', reason: 'missing' });
  } else if (durationMin < limits.min || durationMin > limits.max) {
    reasons.push({ id: 'durationMin', reason: 'outOfRange' });
  }
  if (reasons.length > 0) return refused(reasons);
  return complete({ rateMlPerHour: (volumeMl * 60) / durationMin, durationMin });
}
