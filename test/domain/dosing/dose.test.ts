import { describe, expect, it } from 'vitest';
import { checkProduct, computeDose, infusionRate, type DoseInput } from '@/domain/dosing';

const at = Date.parse('2025-03-10T09:00:00+01:00');
const product = {
  totalViableCells: 3.0e8,
  volumeMl: 60,
  viabilityPercent: 85,
  expiresAt: '2025-03-10T14:00:00+01:00',
};

describe('the dose', () => {
  it('is dose level × 10⁶ × weight in cells, in whole cells', () => {
    expect(computeDose({ weightKg: 63.4, doseLevel: 2 })).toEqual({
      status: 'complete',
      cellsToInfuse: 126_800_000,
    });
    expect(computeDose({ weightKg: 70, doseLevel: 1 })).toEqual({
      status: 'complete',
      cellsToInfuse: 70_000_000,
    });
    expect(computeDose({ weightKg: 55.5, doseLevel: 4 })).toEqual({
      status: 'complete',
      cellsToInfuse: 222_000_000,
    });
  });

  it('gives the volume holding it when the product is known', () => {
    // 126.8 ×10⁶ of 300 ×10⁶ cells in 60 mL → 25.36 mL.
    const result = computeDose({ weightKg: 63.4, doseLevel: 2, product, at });
    expect(result).toMatchObject({ status: 'complete', cellsToInfuse: 126_800_000 });
    expect(result.status === 'complete' && result.volumeToInfuseMl).toBeCloseTo(25.36, 10);
  });

  it('accepts a weight of exactly 30 or 200 kg and refuses one just outside', () => {
    expect(computeDose({ weightKg: 30, doseLevel: 2 }).status).toBe('complete');
    expect(computeDose({ weightKg: 200, doseLevel: 2 }).status).toBe('complete');
    expect(computeDose({ weightKg: 29.9, doseLevel: 2 })).toEqual({
      status: 'incomplete',
      missing: ['weightKg'],
      reasons: [{ id: 'weightKg', reason: 'outOfRange' }],
    });
    expect(computeDose({ weightKg: 200.1, doseLevel: 2 }).status).toBe('incomplete');
  });

  it('refuses a dose level other than 1, 2 or 4, and a missing weight, naming both', () => {
    const result = computeDose({ weightKg: Number.NaN, doseLevel: 3 } as unknown as DoseInput);
    expect(result).toEqual({
      status: 'incomplete',
      missing: ['weightKg', 'doseLevel'],
      reasons: [
        { id: 'weightKg', reason: 'missing' },
        { id: 'doseLevel', reason: 'notAllowed' },
      ],
    });
  });

  it('accepts a bag holding exactly the cells needed and refuses one a cell short', () => {
    const exact = { ...product, totalViableCells: 126_800_000 };
    expect(computeDose({ weightKg: 63.4, doseLevel: 2, product: exact, at })).toMatchObject({
      status: 'complete',
      volumeToInfuseMl: 60,
    });
    const short = { ...product, totalViableCells: 126_799_999 };
    expect(computeDose({ weightKg: 63.4, doseLevel: 2, product: short, at })).toMatchObject({
      status: 'incomplete',
      reasons: [{ id: 'product.totalViableCells', reason: 'insufficientCells' }],
    });
  });

  it('accepts viability of exactly 70 % and refuses one under the release criterion', () => {
    const withViability = (viabilityPercent: number) =>
      computeDose({ weightKg: 63.4, doseLevel: 2, product: { ...product, viabilityPercent }, at });
    expect(withViability(70).status).toBe('complete');
    expect(withViability(69.9)).toMatchObject({
      missing: ['product.viabilityPercent'],
      reasons: [{ id: 'product.viabilityPercent', reason: 'belowReleaseCriterion' }],
    });
  });

  it('refuses a product at or after its expiry, and needs the time to tell', () => {
    const expiry = Date.parse(product.expiresAt);
    const dose = (when?: number) => computeDose({ weightKg: 63.4, doseLevel: 2, product, at: when });
    expect(dose(expiry - 1).status).toBe('complete');
    expect(dose(expiry)).toMatchObject({ reasons: [{ id: 'product.expiresAt', reason: 'expired' }] });
    expect(dose(undefined)).toMatchObject({ missing: ['at'] });
  });

  it('names every problem at once', () => {
    const result = computeDose({
      weightKg: 250,
      doseLevel: 2,
      product: { totalViableCells: 0, volumeMl: -1, viabilityPercent: 50, expiresAt: 'soon' },
      at,
    });
    expect(result.status === 'incomplete' && result.missing).toEqual([
      'weightKg',
      'product.totalViableCells',
      'product.volumeMl',
      'product.viabilityPercent',
      'product.expiresAt',
    ]);
  });
});

describe('the full product check before starting', () => {
  const bag = { ...product, lotNumber: 'MSC-2025-014', labelTrialNumber: 'MSC-LES-03' };
  const check = (change: Record<string, unknown> = {}, participantTrialNumber = 'MSC-LES-03') =>
    checkProduct({ product: { ...bag, ...change }, participantTrialNumber, cellsToInfuse: 126_800_000, at });

  it('passes a matching, sufficient, viable, unexpired bag and gives the volume', () => {
    expect(check()).toMatchObject({ status: 'complete' });
  });

  it('refuses a bag labelled for another participant', () => {
    expect(check({}, 'MSC-LES-04')).toMatchObject({
      reasons: [{ id: 'product.labelTrialNumber', reason: 'identityMismatch' }],
    });
  });

  it('needs the lot, viability and expiry that computeDose may leave out', () => {
    const result = check({ lotNumber: ' ', viabilityPercent: undefined, expiresAt: undefined });
    expect(result.status === 'incomplete' && result.missing).toEqual([
      'product.lotNumber',
      'product.viabilityPercent',
      'product.expiresAt',
    ]);
  });
});

describe('the infusion rate', () => {
  it('runs the volume over 60 minutes by default', () => {
    expect(infusionRate({ volumeMl: 25.36 })).toEqual({
      status: 'complete',
      rateMlPerHour: 25.36,
      durationMin: 60,
    });
  });

  it('accepts a planned duration of 30 to 120 minutes, inclusive', () => {
    expect(infusionRate({ volumeMl: 50, durationMin: 30 })).toMatchObject({ rateMlPerHour: 100 });
    expect(infusionRate({ volumeMl: 50, durationMin: 120 })).toMatchObject({ rateMlPerHour: 25 });
    expect(infusionRate({ volumeMl: 50, durationMin: 29 })).toMatchObject({ missing: ['durationMin'] });
    expect(infusionRate({ volumeMl: 50, durationMin: 121 })).toMatchObject({ missing: ['durationMin'] });
  });

  it('refuses a missing volume', () => {
    expect(infusionRate({ volumeMl: 0 })).toMatchObject({ status: 'incomplete', missing: ['volumeMl'] });
  });
});
