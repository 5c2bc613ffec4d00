import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SDI_ITEMS, scoreSdi, type SdiItemId } from '@/domain/instruments';

const allItems = (points: (item: (typeof SDI_ITEMS)[number]) => number) =>
  Object.fromEntries(SDI_ITEMS.map((item) => [item.id, points(item)])) as Record<SdiItemId, number>;
const noDamage = allItems(() => 0);

describe('SLICC/ACR Damage Index', () => {
  it('lists 41 items in 12 systems whose maxima, ESRD replacing the other renal items, reach 47', () => {
    expect(SDI_ITEMS).toHaveLength(41);
    expect(new Set(SDI_ITEMS.map((item) => item.system)).size).toBe(12);
    expect(SDI_ITEMS.find((item) => item.id === 'cerebrovascularAccident')?.max).toBe(2);
    expect(SDI_ITEMS.find((item) => item.id === 'endStageRenalDisease')?.max).toBe(3);
  });

  it('scores 0 with no damage and 47 with every item at its maximum', () => {
    expect(scoreSdi(noDamage)).toEqual({ status: 'complete', total: 0 });
    expect(scoreSdi(allItems((item) => item.max))).toEqual({ status: 'complete', total: 47 });
  });

  it('adds items across systems (cataract, two strokes, osteoporotic fracture = 4)', () => {
    const items = { ...noDamage, cataract: 1, cerebrovascularAccident: 2, osteoporosisWithFracture: 1 };
    expect(scoreSdi(items)).toEqual({ status: 'complete', total: 4 });
  });

  it('counts end-stage renal disease as 3 in place of the GFR and proteinuria items, not on top of them', () => {
    const items = { ...noDamage, gfrBelow50: 1, proteinuria3_5: 1, endStageRenalDisease: 3 };
    expect(scoreSdi(items)).toEqual({ status: 'complete', total: 3 });
    expect(scoreSdi({ ...noDamage, gfrBelow50: 1, proteinuria3_5: 1 })).toEqual({
      status: 'complete',
      total: 2,
    });
  });

  it('is incomplete for points above an item maximum, such as 2 for a cataract', () => {
    expect(scoreSdi({ ...noDamage, cataract: 2 })).toEqual({ status: 'incomplete', missing: ['cataract'] });
  });

  it('is incomplete for end-stage renal disease scored other than 0 or 3', () => {
    expect(scoreSdi({ ...noDamage, endStageRenalDisease: 1 })).toEqual({
      status: 'incomplete',
      missing: ['endStageRenalDisease'],
    });
  });

  it('is incomplete for negative or fractional points, naming every offending item', () => {
    const result = scoreSdi({ ...noDamage, diabetes: -1, malignancy: 0.5 });
    expect(result).toEqual({ status: 'incomplete', missing: ['diabetes', 'malignancy'] });
  });

  it('is incomplete while an item is unanswered, since a blank is not "no damage"', () => {
    const { tendonRupture: _, ...rest } = noDamage;
    expect(scoreSdi(rest)).toEqual({ status: 'incomplete', missing: ['tendonRupture'] });
  });

  it('throws on an item id that does not exist', () => {
    expect(() => scoreSdi({ ...noDamage, baldness: 1 } as Record<SdiItemId, number>)).toThrow(/baldness/);
  });

  it('keeps every total within 0–47 for any valid answer', () => {
    const validPoints = (item: (typeof SDI_ITEMS)[number]) =>
      'allOrNothing' in item ? fc.constantFrom(0, item.max) : fc.integer({ min: 0, max: item.max });
    const arbitraryItems = fc.record(
      Object.fromEntries(SDI_ITEMS.map((item) => [item.id, validPoints(item)])) as Record<
        SdiItemId,
        fc.Arbitrary<number>
      >,
    );
    fc.assert(
      fc.property(arbitraryItems, (items) => {
        const result = scoreSdi(items);
        expect(result.status).toBe('complete');
        if (result.status === 'complete') {
          expect(result.total).toBeGreaterThanOrEqual(0);
          expect(result.total).toBeLessThanOrEqual(47);
        }
      }),
      { numRuns: 300 },
    );
  });
});
