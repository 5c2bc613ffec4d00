// Plain calendar dates (no time, no zone), as the protocol counts them: day 0 + n days, "within 2 months",
// whole years of age. Arithmetic runs on UTC midnights, where every day is exactly 24 h long, so no daylight
// saving change can shift a date. Invalid input gives undefined (or NaN for numbers), never a throw.

export type CalendarDate = { year: number; month: number; day: number };

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/;

/**
 * Reads 'YYYY-MM-DD', or the date written at the start of an ISO date-time ('2025-03-30T10:00+02:00' →
 * 2025-03-30, the date as written, not converted to UTC). A day that does not exist (2023-02-29) is invalid.
 */
export function parseCalendarDate(text: unknown): CalendarDate | undefined {
  if (typeof text !== 'string') return undefined;
  const match = ISO_DATE.exec(text);
  if (!match) return undefined;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return date.month >= 1 &&
    date.month <= 12 &&
    date.day >= 1 &&
    date.day <= daysInMonth(date.year, date.month)
    ? date
    : undefined;
}

export function formatCalendarDate({ year, month, day }: CalendarDate): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(utcMidnight(year, month + 1, 0)).getUTCDate();
}

/** Days since 1970-01-01: a day count on which "+ n days" and differences are plain integer arithmetic. */
export function toDayNumber({ year, month, day }: CalendarDate): number {
  return Math.round(utcMidnight(year, month, day) / DAY_MS);
}

export function fromDayNumber(dayNumber: number): CalendarDate {
  const date = new Date(dayNumber * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/**
 * The same day of the month `months` later (or earlier when negative); a day that does not exist in the target
 * month falls back to that month's last day (31 March − 1 month = 28 or 29 February), as calendars do.
 */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}

export function compareCalendarDates(a: CalendarDate, b: CalendarDate): number {
  return toDayNumber(a) - toDayNumber(b);
}

function utcMidnight(year: number, month: number, day: number): number {
  // Not Date.UTC: it maps years 0–99 to 1900–1999. Out-of-range months and days roll over, as in Date.UTC.
  return new Date(0).setUTCFullYear(year, month - 1, day);
}
