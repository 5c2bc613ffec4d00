import { DOSING_CONFIG } from '../dosing/config';

// Today's weight against the weight the dose was assigned on (issue 21: "a difference > 10 % from the assigned
// weight flagged and needing the physician"). Trial team's working default, from the issue; no protocol source.

export const WEIGHT_CHANGE_NEEDS_PHYSICIAN_PERCENT = 10;

/** The change in percent of the assigned weight, and whether it needs the physician (strictly over 10 %). */
export function weightChange(
  todayKg: number,
  assignedKg: number | undefined,
): { percent: number; needsPhysician: boolean } | undefined {
  const { min, max } = DOSING_CONFIG.weightKg;
  const valid = (w: number | undefined): w is number =>
    typeof w === 'number' && Number.isFinite(w) && w >= min && w <= max;
  if (!valid(todayKg) || !valid(assignedKg)) return undefined;
  // Rounded to 1e-9 so that 110 kg against 100 kg is 10 % exactly, not 10.000000000000002.
  const percent = Math.round(((todayKg - assignedKg) / assignedKg) * 100 * 1e9) / 1e9;
  return { percent, needsPhysician: Math.abs(percent) > WEIGHT_CHANGE_NEEDS_PHYSICIAN_PERCENT };
}
