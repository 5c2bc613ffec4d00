import { describe, expect, it } from 'vitest';
import {
  addDays,
  addMonths,
  daysBetween,
  formatCalendarDate,
  parseCalendarDate,
} from '@/domain/schedule/calendar-date';

const date = (text: string) => {
  const parsed = parseCalendarDate(text);
  if (!parsed) throw new Error(`bad test date ${text}`);
  return parsed;
};

describe('calendar dates', () => {
  it('reads an ISO date and the date written at the start of an ISO date-time', () => {
    expect(parseCalendarDate('2025-03-30')).toEqual({ year: 2025, month: 3, day: 30 });
    expect(parseCalendarDate('2025-03-30T23:30:00+02:00')).toEqual({ year: 2025, month: 3, day: 30 });
  });

  it('refuses days that do not exist and text that is not a date', () => {
    for (const text of [
      '2023-02-29',
      '2025-13-01',
      '2025-04-31',
      '2025-00-10',
      '30/03/2025',
      '',
      '2025-3-30',
    ]) {
      expect(parseCalendarDate(text)).toBeUndefined();
    }
    expect(parseCalendarDate(20250330)).toBeUndefined();
    expect(parseCalendarDate(undefined)).toBeUndefined();
  });

  it('accepts 29 February in a leap year only', () => {
    expect(parseCalendarDate('2024-02-29')).toBeDefined();
    expect(parseCalendarDate('2100-02-29')).toBeUndefined();
    expect(parseCalendarDate('2000-02-29')).toBeDefined();
  });

  it('adds days across month, year and daylight-saving boundaries by whole calendar days', () => {
    expect(formatCalendarDate(addDays(date('2025-03-25'), 10))).toBe('2025-04-04');
    expect(formatCalendarDate(addDays(date('2025-12-28'), 5))).toBe('2026-01-02');
    expect(formatCalendarDate(addDays(date('2025-03-10'), -14))).toBe('2025-02-24');
    expect(daysBetween(date('2025-03-29'), date('2025-03-31'))).toBe(2);
  });

  it('adds months keeping the day, or the last day of a shorter month', () => {
    expect(formatCalendarDate(addMonths(date('2025-03-15'), -2))).toBe('2025-01-15');
    expect(formatCalendarDate(addMonths(date('2025-04-30'), -2))).toBe('2025-02-28');
    expect(formatCalendarDate(addMonths(date('2024-04-30'), -2))).toBe('2024-02-29');
    expect(formatCalendarDate(addMonths(date('2025-02-10'), -6))).toBe('2024-08-10');
    expect(formatCalendarDate(addMonths(date('2025-11-30'), 3))).toBe('2026-02-28');
  });

  it('formats years before 1000 with four digits', () => {
    expect(formatCalendarDate({ year: 99, month: 1, day: 2 })).toBe('0099-01-02');
  });
});
