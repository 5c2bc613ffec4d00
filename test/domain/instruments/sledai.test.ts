import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SLEDAI_DESCRIPTORS, scoreSledai, type SledaiId } from '@/domain/instruments';

const ALL_IDS = SLEDAI_DESCRIPTORS.map((descriptor) => descriptor.id);
const answered = (present: readonly SledaiId[] = []) =>
  Object.fromEntries(ALL_IDS.map((id) => [id, present.includes(id)])) as Record<SledaiId, boolean>;

describe('SELENA-SLEDAI', () => {
  it('lists the 24 descriptors of sledai.md with weights summing to 105', () => {
    expect(ALL_IDS).toHaveLength(24);
    expect(new Set(ALL_IDS).size).toBe(24);
    expect(SLEDAI_DESCRIPTORS.reduce((sum, descriptor) => sum + descriptor.weight, 0)).toBe(105);
    expect(SLEDAI_DESCRIPTORS.filter((descriptor) => descriptor.weight === 8)).toHaveLength(8);
    expect(SLEDAI_DESCRIPTORS.find((descriptor) => descriptor.id === 'increasedDnaBinding')?.weight).toBe(2);
    expect(SLEDAI_DESCRIPTORS.find((descriptor) => descriptor.id === 'leukopenia')?.weight).toBe(1);
  });

  it('scores 0 when every descriptor is answered absent and 105 when every one is present', () => {
    expect(scoreSledai(answered())).toEqual({ status: 'complete', total: 0 });
    expect(scoreSledai(answered(ALL_IDS))).toEqual({ status: 'complete', total: 105 });
  });

  it('adds the weights of the descriptors present (arthritis, proteinuria, low complement, anti-DNA = 12)', () => {
    const result = scoreSledai(
      answered(['arthritis', 'proteinuria', 'lowComplement', 'increasedDnaBinding']),
    );
    expect(result).toEqual({ status: 'complete', total: 12 });
  });

  it('reaches exactly the eligibility threshold of 6 with arthritis and rash', () => {
    expect(scoreSledai(answered(['arthritis', 'rash']))).toEqual({ status: 'complete', total: 6 });
  });

  it('is incomplete, naming it, when one descriptor is unanswered', () => {
    const { fever: _, ...withoutFever } = answered(['arthritis']);
    expect(scoreSledai(withoutFever)).toEqual({ status: 'incomplete', missing: ['fever'] });
  });

  it('names all 24 descriptors when nothing is answered yet', () => {
    const result = scoreSledai({});
    expect(result.status === 'incomplete' && result.missing).toEqual(ALL_IDS);
  });

  it('names an answer that is not true or false together with the unanswered ones', () => {
    const { seizure: _, ...rest } = answered();
    const result = scoreSledai({ ...rest, rash: 'yes' as unknown as boolean });
    expect(result).toEqual({ status: 'incomplete', missing: ['rash', 'seizure'] });
  });

  it('throws on a descriptor id that does not exist, a programming error', () => {
    expect(() => scoreSledai({ ...answered(), sneezing: true } as Record<SledaiId, boolean>)).toThrow(
      /sneezing/,
    );
  });

  it('keeps every total within 0–105 and equal to the weights present, for any complete answer', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 24, maxLength: 24 }), (presence) => {
        const answers = Object.fromEntries(ALL_IDS.map((id, index) => [id, presence[index]]));
        const result = scoreSledai(answers);
        const expected = SLEDAI_DESCRIPTORS.reduce(
          (sum, d, index) => sum + (presence[index] ? d.weight : 0),
          0,
        );
        expect(result).toEqual({ status: 'complete', total: expected });
        expect(expected).toBeGreaterThanOrEqual(0);
        expect(expected).toBeLessThanOrEqual(105);
      }),
      { numRuns: 300 },
    );
  });
});
