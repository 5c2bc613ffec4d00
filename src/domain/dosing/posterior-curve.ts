import betaCdf from '@stdlib/stats-base-dists-beta-cdf';

/**
 * The posterior density of the DLT probability, Beta(a, b), on `points` equal bins of [0, 1] for a chart: each
 * bin's height is its probability mass divided by its width, from the maintained beta CDF (dosing.md: never a
 * hand-rolled incomplete beta). The area under the curve is exactly 1, and a density that is infinite at 0 or 1
 * (a < 1 or b < 1) stays finite.
 */
export function posteriorDensityCurve(
  posterior: { a: number; b: number },
  points = 100,
): { p: number; density: number }[] {
  if (!Number.isInteger(points) || points < 2) throw new RangeError('points must be a whole number ≥ 2');
  const width = 1 / points;
  return Array.from({ length: points }, (_, i) => {
    const from = i * width;
    const to = i === points - 1 ? 1 : (i + 1) * width;
    const mass = betaCdf(to, posterior.a, posterior.b) - betaCdf(from, posterior.a, posterior.b);
    return { p: from + width / 2, density: Math.max(0, mass) / width };
  });
}
