import { complete, type Complete } from '@/domain/result';
import type { DoseInput } from '@/schema/dosing';
import { DOSING_CONFIG, type DosingConfig } from './config';
import { productRefusals, volumeForCells } from './product';
import { refused, type DoseRefusal, type DoseRefused } from './refusal';

// The dose in cells and, with the product known, in mL (domain-api.md computeDose; dosing.md "Dose").

export type DoseResult = Complete<{ cellsToInfuse: number; volumeToInfuseMl?: number }> | DoseRefused;

/**
 * cellsToInfuse = doseLevel × 10⁶ × weightKg, with the weight measured on the infusion day; volumeToInfuseMl =
 * cellsToInfuse / totalViableCells × bag volume when the product is given. Refused (incomplete, every offending
 * id, with reasons): weight outside 30–200 kg, dose level not 1, 2 or 4, fewer viable cells than needed, and —
 * when given — viability under the release criterion or an expired product at `at`.
 */
export function computeDose(input: DoseInput, config: DosingConfig = DOSING_CONFIG): DoseResult {
  const reasons: DoseRefusal[] = [];
  const { weightKg, doseLevel, product } = input;

  const weightValid = typeof weightKg === 'number' && Number.isFinite(weightKg);
  if (!weightValid) reasons.push({ id: 'weightKg', reason: 'missing' });
  else if (weightKg < config.weightKg.min || weightKg > config.weightKg.max) {
    reasons.push({ id: 'weightKg', reason: 'outOfRange' });
  }
  const levelValid = config.doseLevels.includes(doseLevel);
  if (!levelValid) {
    reasons.push({
      id: 'doseLevel',
      reason: doseLevel === undefined || doseLevel === null ? 'missing' : 'notAllowed',
    });
  }

  // Whole cells: the product is exact for weights to 10⁻⁶ kg, rounding only removes binary noise (2e6 × 63.4).
  const cellsToInfuse = reasons.length === 0 ? Math.round(doseLevel * 1e6 * weightKg) : undefined;
  if (product !== undefined) reasons.push(...productRefusals(product, cellsToInfuse, input.at, config));
  if (reasons.length > 0 || cellsToInfuse === undefined) return refused(reasons);

  return complete(
    product === undefined
      ? { cellsToInfuse }
      : { cellsToInfuse, volumeToInfuseMl: volumeForCells(cellsToInfuse, product) },
  );
}
