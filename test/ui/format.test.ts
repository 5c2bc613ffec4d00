import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateTime,
  formatMegabytes,
  formatNumber,
  formatTime,
  parseDecimal,
} from '@/ui/format';

// Issue 19, item 4: every number and date in the interface's language, whatever the browser's locale.
const at = new Date(2026, 11, 1, 8, 17, 44);

describe('numbers and dates in the interface language', () => {
  it('French: decimal comma, day/month/year, 24-hour time', () => {
    expect(formatNumber(36.9, 'fr')).toBe('36,9');
    expect(formatNumber(1234.5, 'fr')).toBe('1\u202f234,5');
    expect(formatMegabytes(1.7 * 1024 * 1024, 'fr')).toBe('1,7 Mo');
    expect(formatDate(at, 'fr')).toBe('01/12/2026');
    expect(formatTime(at, 'fr')).toBe('08:17');
    expect(formatTime(at, 'fr', { seconds: true })).toBe('08:17:44');
    expect(formatDateTime(at, 'fr')).toBe('01/12/2026 08:17');
    expect(formatDateTime(at, 'fr', { year: false })).toBe('01/12 08:17');
    expect(formatTime(new Date(2026, 11, 1, 20, 5), 'fr')).toBe('20:05');
  });

  it('English: decimal point, day/month/year, 24-hour time', () => {
    expect(formatNumber(36.9, 'en')).toBe('36.9');
    expect(formatNumber(1234.5, 'en')).toBe('1,234.5');
    expect(formatMegabytes(1.7 * 1024 * 1024, 'en')).toBe('1.7 MB');
    expect(formatDate(at, 'en')).toBe('01/12/2026');
    expect(formatDateTime(at, 'en')).toBe('01/12/2026, 08:17');
    expect(formatTime(new Date(2026, 11, 1, 20, 5), 'en')).toBe('20:05');
  });

  it('an ISO string is formatted as the instant it names; an unreadable one is shown as is', () => {
    expect(formatDateTime(at.toISOString(), 'fr')).toBe('01/12/2026 08:17');
    expect(formatDateTime('not a date', 'fr')).toBe('not a date');
  });
});

describe('parseDecimal', () => {
  it('accepts a comma or a point', () => {
    expect(parseDecimal('37,2')).toBe(37.2);
    expect(parseDecimal('37.2')).toBe(37.2);
    expect(parseDecimal(' 120 ')).toBe(120);
    expect(parseDecimal(',5')).toBe(0.5);
    expect(parseDecimal('-1,5')).toBe(-1.5);
  });
  it('refuses what is not one number', () => {
    for (const text of ['', ' ', '37,236,8', '37.2.1', '1e3', 'abc', '37,2 °C', '0x10', ','])
      expect(parseDecimal(text), text).toBeUndefined();
  });
});
