// The safety defaults in one place, for the trial configuration. The MSC-LES synopsis fixes none of the vital-sign
// thresholds: they are the trial team's working defaults from shared/clinical/infusion-and-monitoring.md ("Vital
// signs"), shown on screen as configured values. Physiological entry bounds live with the vital-signs schema
// (src/schema/vital-signs.ts, VITAL_BOUNDS). CTCAE's own grade boundaries are definitions, not settings: they
// stay beside the code that applies them (labs.ts).

/** Alert thresholds: a value beyond one is accepted, highlighted and opens the reaction checklist. */
export const VITAL_ALERT_THRESHOLDS = {
  /** fever: temperature ≥ 38.0 °C (infusion-and-monitoring.md). */
  feverAtOrAboveC: 38.0,
  /** hypotension: SBP < 90 mmHg. */
  sbpBelow: 90,
  /**
   * hypertension: SBP ≥ 160 mmHg or DBP ≥ 100 mmHg, the blood pressure of CTCAE v5.0 grade 3 hypertension ("Adult:
   * Systolic BP >=160 mm Hg or diastolic BP >=100 mm Hg", shared/clinical/data/ctcae-v5.0.csv). An earlier version
   * said SBP > 180 and ignored the diastolic: a 170/115 raised nothing (issue 18).
   */
  sbpAtOrAbove: 160,
  dbpAtOrAbove: 100,
  /** bpDrop: SBP more than 30 mmHg below the pre-infusion baseline. */
  sbpFallAbove: 30,
  /** tachycardia: HR > 120 /min. */
  hrAbove: 120,
  /** bradycardia: HR < 45 /min. */
  hrBelow: 45,
  /** desaturation: SpO₂ < 92 %. */
  spo2Below: 92,
  /** spo2Drop: SpO₂ at least 4 points below the baseline. */
  spo2FallAtLeast: 4,
  /** tachypnea: RR > 25 /min. */
  rrAbove: 25,
} as const;
export type VitalAlertThresholds = { readonly [K in keyof typeof VITAL_ALERT_THRESHOLDS]: number };

export const TOLERANCE_CONFIG = {
  /**
   * A SAE is notified to the sponsor without delay and at the latest 24 h after the team becomes aware of it
   * (infusion-and-monitoring.md: French regulation for interventional research; ICH E2A).
   */
  saeNotificationHours: 24,
} as const;
export type ToleranceConfig = { readonly saeNotificationHours: number };

/**
 * Values accepted by gradeLab, in the units of domain-api.md. Not clinical limits: a guard against unit mistakes
 * (haemoglobin typed in g/L, counts per mm³, creatinine in mg/dL), which would otherwise be graded as a plausible
 * but wrong grade. Trial team's working default, from no source; wide enough for any real result.
 */
export const LAB_VALUE_BOUNDS = {
  /** Haemoglobin, g/dL. */
  anemia: { min: 1, max: 25 },
  /** Counts, ×10⁹/L. */
  neutrophilCountDecreased: { min: 0, max: 100 },
  plateletCountDecreased: { min: 0, max: 2000 },
  lymphocyteCountDecreased: { min: 0, max: 500 },
  /** U/L. */
  alanineAminotransferaseIncreased: { min: 0, max: 20_000 },
  aspartateAminotransferaseIncreased: { min: 0, max: 20_000 },
  /** µmol/L. */
  creatinineIncreased: { min: 10, max: 3000 },
} as const;

/** The safety part of the trial configuration. */
export const SAFETY_CONFIG = {
  vitalAlerts: VITAL_ALERT_THRESHOLDS,
  tolerance: TOLERANCE_CONFIG,
  labValueBounds: LAB_VALUE_BOUNDS,
} as const;
