import { describe, expect, it } from 'vitest';
import { ageAt } from '@/domain';

describe('ageAt', () => {
  it('counts a year as reached on the birthday itself', () => {
    expect(ageAt('1990-06-15', '2025-06-14')).toBe(34);
    expect(ageAt('1990-06-15', '2025-06-15')).toBe(35);
    expect(ageAt('1990-06-15', '2025-06-16')).toBe(35);
  });

  it('is 0 on the day of birth and in the first year', () => {
    expect(ageAt('2025-01-01', '2025-01-01')).toBe(0);
    expect(ageAt('2024-01-02', '2025-01-01')).toBe(0);
  });

  it('makes someone born on 29 February a year older on 1 March in a common year', () => {
    expect(ageAt('2000-02-29', '2019-02-28')).toBe(18);
    expect(ageAt('2000-02-29', '2019-03-01')).toBe(19);
  });

  it('makes someone born on 29 February a year older on 29 February in a leap year', () => {
    expect(ageAt('2000-02-29', '2024-02-28')).toBe(23);
    expect(ageAt('2000-02-29', '2024-02-29')).toBe(24);
  });

  it('reads the date written at the start of an ISO date-time', () => {
    expect(ageAt('1990-06-15', '2025-06-15T00:30:00+02:00')).toBe(35);
  });

  it('returns NaN for a date before birth, an impossible date or text that is not a date', () => {
    expect(ageAt('2025-06-15', '2025-06-14')).toBeNaN();
    expect(ageAt('1990-02-30', '2025-01-01')).toBeNaN();
    expect(ageAt('15/06/1990', '2025-01-01')).toBeNaN();
    expect(ageAt('1990-06-15', '')).toBeNaN();
    expect(ageAt(undefined as unknown as string, '2025-01-01')).toBeNaN();
  });
});
