import { z } from 'zod';
import { textSchema } from './common';

// Physiological bounds: an entry outside them is refused (shared/clinical/infusion-and-monitoring.md,
// "Vital signs"; trial team's working defaults). Inclusive at both ends.
export const VITAL_BOUNDS = {
  sbp: { min: 40, max: 300, unit: 'mmHg' },
  dbp: { min: 20, max: 200, unit: 'mmHg' },
  hr: { min: 20, max: 250, unit: '/min' },
  temperatureC: { min: 30, max: 43, unit: '°C' },
  spo2: { min: 50, max: 100, unit: '%' },
  rr: { min: 4, max: 60, unit: '/min' },
} as const;

export type VitalField = keyof typeof VITAL_BOUNDS;
export const VITAL_FIELDS = Object.keys(VITAL_BOUNDS) as VitalField[];

const bounded = (field: VitalField) => z.number().min(VITAL_BOUNDS[field].min).max(VITAL_BOUNDS[field].max);

/** The `vitalSigns` record kind (shared/design/wire-contract.md): an append-only observation. */
export const vitalSignsSchema = z.strictObject({
  takenAt: z.iso.datetime({ offset: true }),
  /** True when the person set `takenAt` by hand; otherwise it is the moment the set was saved. */
  takenAtByHand: z.boolean().optional(),
  sbp: bounded('sbp').int(),
  dbp: bounded('dbp').int(),
  hr: bounded('hr').int(),
  temperatureC: bounded('temperatureC'),
  spo2: bounded('spo2').int(),
  rr: bounded('rr').int(),
  /** Schedule item this set answers (e.g. 'infusion-15'), when taken for a timed check. */
  checkId: textSchema.max(64).optional(),
  /** The infusion (or monitoring track) whose schedule `checkId` belongs to. */
  trackId: z.uuid().optional(),
  /** True for the pre-infusion baseline set, against which falls are measured. */
  baseline: z.boolean().optional(),
  comment: textSchema.max(2000).optional(),
});
export type VitalSigns = z.infer<typeof vitalSignsSchema>;
