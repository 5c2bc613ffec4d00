import { complete, incomplete, type Scored } from '@/domain/result';
import { VITAL_BOUNDS, VITAL_FIELDS, type VitalField, type VitalSigns } from '@/schema/vital-signs';
import { VITAL_ALERT_THRESHOLDS, type VitalAlertThresholds } from './config';

// Alerts on a vital-sign set (domain-api.md, "Vital signs and laboratory grades"; thresholds in config.ts).

export type Vitals = Pick<VitalSigns, VitalField>;

/** Every alert, in the contract's order: results list alerts in this order. */
export const VITAL_ALERTS = [
  'fever',
  'hypotension',
  'hypertension',
  'bpDrop',
  'tachycardia',
  'bradycardia',
  'desaturation',
  'spo2Drop',
  'tachypnea',
] as const;
export type VitalAlert = (typeof VITAL_ALERTS)[number];

/** A number within the field's physiological bounds (inclusive at both ends, as the schema). */
function isValid(field: VitalField, value: unknown): value is number {
  const { min, max } = VITAL_BOUNDS[field];
  return typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max;
}

/** How far the value fell below the baseline, rounded to 1e-6 so that decimal entries (97.1 → 93.1) compare as
 * the nurse reads them rather than as binary floating point (3.9999999999999916). */
const fall = (baseline: number, value: number) => Math.round((baseline - value) * 1e6) / 1e6;

/**
 * The alerts a set raises. A missing value, or one outside its physiological bound, makes the result incomplete
 * with the field's name (a baseline's with "baseline.<field>"); no alert is computed from a partial set. Without a
 * baseline value the "fall from baseline" alerts cannot fire.
 */
export function assessVitals(
  vitals: Partial<Vitals>,
  baseline?: Partial<Vitals>,
  thresholds: VitalAlertThresholds = VITAL_ALERT_THRESHOLDS,
): Scored<{ alerts: VitalAlert[] }> {
  const given: Partial<Vitals> = vitals ?? {};
  const missing: string[] = VITAL_FIELDS.filter((field) => !isValid(field, given[field]));
  // Only the baseline values the falls use matter; an invalid one is reported, never silently ignored.
  const baselineOf = (field: 'sbp' | 'spo2'): number | undefined => {
    const value: unknown = baseline?.[field];
    if (value === undefined || value === null) return undefined;
    if (!isValid(field, value)) missing.push(`baseline.${field}`);
    return value as number;
  };
  const baseSbp = baselineOf('sbp');
  const baseSpo2 = baselineOf('spo2');
  if (missing.length > 0) return incomplete(missing);

  const { sbp, dbp, hr, temperatureC, spo2, rr } = given as Vitals;
  const t = thresholds;
  const raised: Record<VitalAlert, boolean> = {
    fever: temperatureC >= t.feverAtOrAboveC,
    hypotension: sbp < t.sbpBelow,
    hypertension: sbp >= t.sbpAtOrAbove || dbp >= t.dbpAtOrAbove,
    bpDrop: baseSbp !== undefined && fall(baseSbp, sbp) > t.sbpFallAbove,
    tachycardia: hr > t.hrAbove,
    bradycardia: hr < t.hrBelow,
    desaturation: spo2 < t.spo2Below,
    spo2Drop: baseSpo2 !== undefined && fall(baseSpo2, spo2) >= t.spo2FallAtLeast,
    tachypnea: rr > t.rrAbove,
  };
  return complete({ alerts: VITAL_ALERTS.filter((alert) => raised[alert]) });
}
