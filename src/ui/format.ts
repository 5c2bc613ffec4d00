// Numbers, dates and times in the interface's language, with Intl (no date library is installed). Every screen
// formats through these, so French reads "36,9" and "01/12/2026 08:17" wherever it appears, whatever the
// browser's own locale. Times are the tablet's wall clock, always on 24 hours.

/** The Intl locale of an interface language: French of France; English of the UK (day/month/year, 24 h). */
export function localeOf(language: string): string {
  return language.startsWith('en') ? 'en-GB' : 'fr-FR';
}

const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function cached<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let found = cache.get(key);
  if (!found) cache.set(key, (found = make()));
  return found;
}

/** 36.9 → "36,9" in French, "36.9" in English. Options as Intl's (e.g. `maximumFractionDigits`). */
export function formatNumber(
  value: number,
  language: string,
  options: Intl.NumberFormatOptions = {},
): string {
  const locale = localeOf(language);
  return cached(numberFormats, `${locale}|${JSON.stringify(options)}`, () =>
    Intl.NumberFormat(locale, { maximumFractionDigits: 2, ...options }),
  ).format(value);
}

/** A size in bytes as "1,7 Mo" / "1.7 MB" (mebibytes, one decimal). */
export function formatMegabytes(bytes: number, language: string): string {
  const unit = language.startsWith('en') ? 'MB' : 'Mo';
  return `${formatNumber(bytes / 1024 / 1024, language, { maximumFractionDigits: 1 })} ${unit}`;
}

type When = string | number | Date;
const instant = (when: When) => (when instanceof Date ? when : new Date(when));

function formatWith(when: When, language: string, options: Intl.DateTimeFormatOptions): string {
  const date = instant(when);
  if (Number.isNaN(date.getTime())) return String(when);
  const locale = localeOf(language);
  return cached(dateFormats, `${locale}|${JSON.stringify(options)}`, () =>
    Intl.DateTimeFormat(locale, { hourCycle: 'h23', ...options }),
  ).format(date);
}

const DATE: Intl.DateTimeFormatOptions = { day: '2-digit', month: '2-digit', year: 'numeric' };
const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };

/** "01/12/2026" (day/month/year in both languages). */
export function formatDate(when: When, language: string): string {
  return formatWith(when, language, DATE);
}

/** "08:17", or "08:17:44" with seconds. */
export function formatTime(when: When, language: string, { seconds = false } = {}): string {
  return formatWith(when, language, seconds ? { ...TIME, second: '2-digit' } : TIME);
}

/** "01/12" (day/month, for a date of this year read beside a time). */
export function formatDayMonth(when: When, language: string): string {
  return formatWith(when, language, { day: '2-digit', month: '2-digit' });
}

/**
 * A check's time for a sentence, read on the tablet's clock at `now`: its time alone on the same day ("prévu à
 * 08:00"); on another day with that day too, through the catalogue's `_otherDay` wording ("prévu le 30/11 à
 * 08:00") — a check two days overdue, or tomorrow's first, said "à 08:00" alone read as today's.
 */
export function checkTimeValues(
  ms: number,
  language: string,
  now: number,
): { time: string; day?: string; context?: 'otherDay' } {
  const time = formatTime(ms, language);
  const at = new Date(ms);
  const today = new Date(now);
  const sameDay =
    at.getFullYear() === today.getFullYear() &&
    at.getMonth() === today.getMonth() &&
    at.getDate() === today.getDate();
  return sameDay ? { time } : { time, day: formatDayMonth(ms, language), context: 'otherDay' };
}

/** "01/12/2026 08:17" ("01/12/2026, 08:17" in English); `year: false` gives "01/12 08:17" for dense tables. */
export function formatDateTime(when: When, language: string, { year = true, seconds = false } = {}): string {
  const date: Intl.DateTimeFormatOptions = year ? DATE : { day: '2-digit', month: '2-digit' };
  return formatWith(when, language, { ...date, ...TIME, ...(seconds ? { second: '2-digit' } : {}) });
}

/**
 * A decimal typed by hand: "37,2" and "37.2" both give 37.2 (a French keypad has a comma, an English one a
 * point); spaces are ignored. Anything else — two separators ("37,236,8"), letters, an exponent — is not a number
 * (undefined), so it is refused rather than guessed.
 */
export function parseDecimal(text: string): number | undefined {
  const compact = text.replace(/[\s\u00a0\u202f]/g, '');
  if (!/^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/.test(compact)) return undefined;
  return Number(compact.replace(',', '.'));
}
