import { complete, type Complete } from '@/domain/result';
import type { InfusionProduct, ProductContent } from '@/schema/dosing';
import { DOSING_CONFIG, type DosingConfig } from './config';
import { refused, type DoseRefusal, type DoseRefused } from './refusal';

// The cell product's checks before the infusion starts (infusion-and-monitoring.md, "Product and dose"; dosing.md
// "Dose"): enough viable cells for the dose, viability at the release criterion, not expired, bag ↔ participant.

const positive = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x) && x > 0;

/**
 * Refusals for the product fields that are present (viability and expiry are checked only when given).
 * `neededCells` is the dose in cells, when known; `at` (epoch ms) is the time of the check, needed with an expiry.
 */
export function productRefusals(
  product: Partial<ProductContent>,
  neededCells: number | undefined,
  at: unknown,
  config: Pick<DosingConfig, 'minViabilityPercent'> = DOSING_CONFIG,
): DoseRefusal[] {
  const out: DoseRefusal[] = [];
  const { totalViableCells, volumeMl, viabilityPercent, expiresAt } = product;
  if (!positive(totalViableCells)) out.push({ id: 'product.totalViableCells', reason: 'missing' });
  else if (neededCells !== undefined && totalViableCells < neededCells) {
    out.push({ id: 'product.totalViableCells', reason: 'insufficientCells' });
  }
  if (!positive(volumeMl)) out.push({ id: 'product.volumeMl', reason: 'missing' });
  if (viabilityPercent !== undefined) {
    if (typeof viabilityPercent !== 'number' || !Number.isFinite(viabilityPercent)) {
      out.push({ id: 'product.viabilityPercent', reason: 'missing' });
    } else if (viabilityPercent < 0 || viabilityPercent > 100) {
      out.push({ id: 'product.viabilityPercent', reason: 'outOfRange' });
    } else if (viabilityPercent < config.minViabilityPercent) {
      // Release criterion: viability ≥ 70 % (infusion-and-monitoring.md); exactly 70 % passes.
      out.push({ id: 'product.viabilityPercent', reason: 'belowReleaseCriterion' });
    }
  }
  if (expiresAt !== undefined) {
    const expiry = typeof expiresAt === 'string' ? Date.parse(expiresAt) : Number.NaN;
    const now = typeof at === 'number' && Number.isFinite(at) ? at : undefined;
    if (Number.isNaN(expiry)) out.push({ id: 'product.expiresAt', reason: 'missing' });
    if (now === undefined) out.push({ id: 'at', reason: 'missing' });
    // The expiry is the first moment the product may no longer be used.
    else if (!Number.isNaN(expiry) && now >= expiry) out.push({ id: 'product.expiresAt', reason: 'expired' });
  }
  return out;
}

/** The volume holding the dose: cellsToInfuse / totalViableCells × bag volume (dosing.md). */
export function volumeForCells(
  cells: number,
  product: Pick<ProductContent, 'totalViableCells' | 'volumeMl'>,
) {
  return (cells / product.totalViableCells) * product.volumeMl;
}

/**
 * The full product check before starting: every field of the `infusionProduct` record present, the bag's trial
 * number the participant's, and the content rules. Complete with the volume to infuse, else refused with reasons.
 */
export function checkProduct(input: {
  product: Partial<InfusionProduct>;
  participantTrialNumber: string;
  cellsToInfuse: number;
  /** Time of the check, epoch ms. */
  at: number;
  config?: Pick<DosingConfig, 'minViabilityPercent'>;
}): Complete<{ volumeToInfuseMl: number }> | DoseRefused {
  const { product, participantTrialNumber, cellsToInfuse, at } = input;
  const reasons: DoseRefusal[] = [];
  if (typeof product.lotNumber !== 'string' || product.lotNumber.trim() === '') {
    reasons.push({ id: 'product.lotNumber', reason: 'missing' });
  }
  if (typeof product.labelTrialNumber !== 'string' || product.labelTrialNumber === '') {
    reasons.push({ id: 'product.labelTrialNumber', reason: 'missing' });
  } else if (product.labelTrialNumber !== participantTrialNumber) {
    reasons.push({ id: 'product.labelTrialNumber', reason: 'identityMismatch' });
  }
  if (product.viabilityPercent === undefined)
    reasons.push({ id: 'product.viabilityPercent', reason: 'missing' });
  if (product.expiresAt === undefined) reasons.push({ id: 'product.expiresAt', reason: 'missing' });
  if (!positive(cellsToInfuse)) reasons.push({ id: 'cellsToInfuse', reason: 'missing' });
  const needed = positive(cellsToInfuse) ? cellsToInfuse : undefined;
  reasons.push(...productRefusals(product, needed, at, input.config));
  if (reasons.length > 0) return refused(reasons);
  return complete({ volumeToInfuseMl: volumeForCells(cellsToInfuse, product as InfusionProduct) });
}
