// A date and time typed by hand, as two short texts ("01/12/2026", "08:17") on the tablet's wall clock: the
// entry reads day/month/year and 24-hour time whatever the browser's locale (a native datetime-local field
// follows the browser: month first and AM/PM on an English tablet). Lenient in what it reads (numeric keypad:
// "01122026", "0817", "8h17"), strict in what it accepts (a real calendar date, 00:00–23:59).

export type DateTimeEntry = { date: string; time: string };
export type DateTimeProblem = 'incomplete' | 'invalidDate' | 'invalidTime' | 'future';
export type DateTimeReading = { ok: true; at: Date } | { ok: false; problem: DateTimeProblem };

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The entry showing instant `at` on this tablet's clock. */
export function entryFromDate(at: Date): DateTimeEntry {
  return {
    date: `${pad(at.getDate())}/${pad(at.getMonth() + 1)}/${at.getFullYear()}`,
    time: `${pad(at.getHours())}:${pad(at.getMinutes())}`,
  };
}

export function parseDateText(text: string): { year: number; month: number; day: number } | undefined {
  const trimmed = text.trim();
  const match =
    /^(\d{1,2})\s*[/.\- ]\s*(\d{1,2})\s*[/.\- ]\s*(\d{2}|\d{4})$/.exec(trimmed) ??
    /^(\d{2})(\d{2})(\d{4}|\d{2})$/.exec(trimmed);
  if (!match) return undefined;
  const day = Number(match[1]);
  const month = Number(match[2]);
  const year = match[3]!.length === 2 ? 2000 + Number(match[3]) : Number(match[3]);
  const check = new Date(year, month - 1, day);
  if (check.getFullYear() !== year || check.getMonth() !== month - 1 || check.getDate() !== day)
    return undefined;
  return { year, month, day };
}

/** 'DD/MM/YYYY' (or what the keypad typed: "04052026", "4/5/26") → 'YYYY-MM-DD'; undefined when not a date. */
export function isoFromDateText(text: string): string | undefined {
  const date = parseDateText(text);
  return date ? `${pad(date.year, 4)}-${pad(date.month)}-${pad(date.day)}` : undefined;
}

/** 'YYYY-MM-DD' → 'DD/MM/YYYY' (dates are shown day first whatever the browser's locale); anything else as it is. */
export function dateTextFromIso(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : iso;
}

export function parseTimeText(text: string): { hour: number; minute: number } | undefined {
  const trimmed = text.trim();
  const match = /^(\d{1,2})\s*[:hH.]\s*(\d{2})$/.exec(trimmed) ?? /^(\d{1,2})(\d{2})$/.exec(trimmed);
  if (!match) return undefined;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  return hour < 24 && minute < 60 ? { hour, minute } : undefined;
}

/** The texts rewritten in their canonical form ("1.12.26" → "01/12/2026"), or as typed when unreadable. */
export function normaliseEntry(entry: DateTimeEntry): DateTimeEntry {
  const date = parseDateText(entry.date);
  const time = parseTimeText(entry.time);
  return {
    date: date ? `${pad(date.day)}/${pad(date.month)}/${date.year}` : entry.date,
    time: time ? `${pad(time.hour)}:${pad(time.minute)}` : entry.time,
  };
}

/**
 * The instant an entry names on this tablet's clock. With `notAfter`, an instant later than it is refused
 * ('future'); the entry has no seconds, so the current minute is never "in the future".
 */
export function readDateTimeEntry(
  entry: DateTimeEntry,
  { notAfter }: { notAfter?: Date } = {},
): DateTimeReading {
  if (!entry.date.trim() || !entry.time.trim()) return { ok: false, problem: 'incomplete' };
  const date = parseDateText(entry.date);
  if (!date) return { ok: false, problem: 'invalidDate' };
  const time = parseTimeText(entry.time);
  if (!time) return { ok: false, problem: 'invalidTime' };
  const at = new Date(date.year, date.month - 1, date.day, time.hour, time.minute);
  if (notAfter && at.getTime() > notAfter.getTime()) return { ok: false, problem: 'future' };
  return { ok: true, at };
}

/** The wire contract's offsetted ISO time of an instant on this tablet's clock: "2026-12-01T08:17:44+01:00". */
export function toOffsetIso(at: Date): string {
  const offset = -at.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return (
    `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}` +
    `T${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}` +
    `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
  );
}
