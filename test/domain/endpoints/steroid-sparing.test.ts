import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { steroidSparing, type PrednisoneDose } from '@/domain/endpoints';
import { dateAfter } from './timeline';

const INFUSION = '2025-01-01';
/** A prednisone record: the mean mg/day since the previous record, dated `day` days after the infusion. */
const dose = (day: number, mgPerDay: number): PrednisoneDose => ({
  date: dateAfter(INFUSION, day),
  mgPerDay,
});
/** M0 record, then one record per visit, the last closing weeks 40–52 at `m12Dose` on day 364. */
const course = (baseline: number, m12Dose: number, m12Day = 364) => [
  dose(-7, baseline),
  dose(91, baseline),
  dose(182, 10),
  dose(273, 8),
  dose(m12Day, m12Dose),
];

describe('Steroid sparing over weeks 40–52', () => {
  it('is a response when the weeks 40–52 mean is at most 75 % of M0 and below 7.5 mg/day', () => {
    expect(steroidSparing(course(20, 5), INFUSION)).toEqual({
      status: 'complete',
      responder: true,
      baselineMg: 20,
      meanWeeks40to52: 5,
      periodDays: { from: 280, to: 364 },
    });
  });

  it('weights each record by the days of weeks 40–52 it covers (21 days at 8, 64 days at 6 → 6.49)', () => {
    const doses = [dose(-7, 10), dose(300, 8), dose(370, 6)];
    expect(steroidSparing(doses, INFUSION)).toEqual({
      status: 'complete',
      responder: true,
      baselineMg: 10,
      meanWeeks40to52: 6.49,
      periodDays: { from: 280, to: 364 },
    });
  });

  it('is no response at a mean of exactly 7.5 mg/day, which is not below 7.5', () => {
    expect(steroidSparing(course(20, 7.5), INFUSION)).toMatchObject({
      responder: false,
      meanWeeks40to52: 7.5,
    });
  });

  it('is a response at exactly 75 % of the M0 dose, despite 0.75 × 9.6 being 7.1999… in floating point', () => {
    expect(steroidSparing(course(8, 6), INFUSION)).toMatchObject({ responder: true });
    expect(steroidSparing(course(9.6, 7.2), INFUSION)).toMatchObject({ responder: true });
    expect(steroidSparing(course(9.6, 7.3), INFUSION)).toMatchObject({ responder: false });
  });

  it('is no response for a participant on no prednisone at M0, who has nothing to reduce', () => {
    expect(steroidSparing(course(0, 0), INFUSION)).toMatchObject({ responder: false, baselineMg: 0 });
  });

  it('takes the M0 dose from a record on the infusion day itself', () => {
    const doses = [dose(-20, 30), dose(0, 12), dose(364, 5)];
    expect(steroidSparing(doses, INFUSION)).toMatchObject({ status: 'complete', baselineMg: 12 });
  });

  it('reads the M12 record (the mean since M9) wherever M12 falls in its window: an M12 on day 355 counts', () => {
    expect(steroidSparing(course(20, 5, 355), INFUSION)).toEqual({
      status: 'complete',
      responder: true,
      baselineMg: 20,
      meanWeeks40to52: 5,
      periodDays: { from: 280, to: 355 },
    });
  });

  it('is complete with a last record on day 351, the first day of the M12 window, and incomplete one day earlier', () => {
    expect(steroidSparing(course(20, 5, 351), INFUSION).status).toBe('complete');
    expect(steroidSparing(course(20, 5, 350), INFUSION)).toEqual({
      status: 'incomplete',
      missing: ['doses.weeks40to52'],
    });
  });

  it('averages daily records over days 280–364, and stops at 364 when an M12 comes later', () => {
    const daily = Array.from({ length: 100 }, (_, index) => dose(271 + index, 271 + index <= 322 ? 8 : 6));
    // Days 280–322 at 8 (43 days), 323–364 at 6 (42 days): (43 × 8 + 42 × 6) / 85 = 7.01.
    expect(steroidSparing([dose(-7, 20), ...daily], INFUSION)).toMatchObject({
      status: 'complete',
      meanWeeks40to52: 7.01,
      periodDays: { from: 280, to: 364 },
    });
  });

  it('is incomplete without an M0 dose on or before the infusion day', () => {
    expect(steroidSparing([dose(1, 20), dose(364, 5)], INFUSION)).toEqual({
      status: 'incomplete',
      missing: ['doses.baseline'],
    });
  });

  it('is incomplete with two records on one date, rather than picking one', () => {
    const doses = [...course(20, 5), dose(182, 12)];
    expect(steroidSparing(doses, INFUSION)).toEqual({
      status: 'incomplete',
      missing: [`doses.${dateAfter(INFUSION, 182)}`],
    });
  });

  it('is incomplete for a negative dose, an invalid date or an invalid infusion date, naming each', () => {
    const doses = [dose(-7, 20), { date: '2025-13-01', mgPerDay: -1 }, dose(364, 5)];
    expect(steroidSparing(doses, 'not a date')).toEqual({
      status: 'incomplete',
      missing: ['doses.1.date', 'doses.1.mgPerDay', 'infusionDate'],
    });
  });

  it('gives the same result whatever the order of the records', () => {
    const records = fc
      .uniqueArray(fc.integer({ min: -14, max: 400 }), { minLength: 1, maxLength: 8 })
      .chain((days) =>
        fc.tuple(
          ...days.map((day) => fc.integer({ min: 0, max: 400 }).map((tenths) => dose(day, tenths / 10))),
        ),
      );
    const inOrderAndShuffled = records.chain((inOrder) =>
      fc.tuple(fc.constant(inOrder), fc.shuffledSubarray(inOrder, { minLength: inOrder.length })),
    );
    fc.assert(
      fc.property(inOrderAndShuffled, ([inOrder, shuffled]) => {
        expect(steroidSparing(shuffled, INFUSION)).toEqual(steroidSparing(inOrder, INFUSION));
      }),
      { numRuns: 200 },
    );
  });
});
