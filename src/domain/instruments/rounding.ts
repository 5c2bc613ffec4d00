/**
 * Rounds half away from zero to `decimals` places. The small nudge absorbs binary representation error, so that a
 * value computed as 0.4995 (stored as 0.49949999…) still rounds to 0.5 at three places, as a person would.
 */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const rounded = (Math.sign(value) * Math.round(Math.abs(value) * factor + 1e-9)) / factor;
  return rounded === 0 ? 0 : rounded; // never report −0
}
