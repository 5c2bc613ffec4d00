import { type CalendarDate } from './calendar-date';

// Wall-clock time in an IANA time zone, with Intl only (no date library is installed). Needed because the
// day 2–10 checks are "08:00–20:00 local": in Paris that is 07:00–19:00 UTC in winter and 06:00–18:00 UTC in
// summer, and a day is 23 or 25 hours long on the days the clocks change.

export type WallTime = { hour: number; minute: number };
type WallDateTime = CalendarDate & WallTime & { second: number };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let found = formatters.get(timeZone);
  if (!found) {
    // h23: some engines print midnight as "24" with hour12: false.
    found = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, found);
  }
  return found;
}

/** True when Intl knows the zone ('Europe/Paris', 'UTC'); a wrong name would make Intl throw. */
export function isValidTimeZone(timeZone: unknown): timeZone is string {
  if (typeof timeZone !== 'string' || timeZone === '') return false;
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall-clock date and time shown by a clock in `timeZone` at instant `epochMs`. */
export function wallDateTimeAt(epochMs: number, timeZone: string): WallDateTime {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(epochMs)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year ?? NaN,
    month: parts.month ?? NaN,
    day: parts.day ?? NaN,
    hour: (parts.hour ?? NaN) % 24,
    minute: parts.minute ?? NaN,
    second: parts.second ?? NaN,
  };
}

/** The local calendar date in `timeZone` at instant `epochMs`. */
export function localDateAt(epochMs: number, timeZone: string): CalendarDate {
  const { year, month, day } = wallDateTimeAt(epochMs, timeZone);
  return { year, month, day };
}

/** How far the zone's clocks are ahead of UTC at `epochMs`, in ms (Paris: +1 h in winter, +2 h in summer). */
export function zoneOffsetMs(epochMs: number, timeZone: string): number {
  const wall = wallDateTimeAt(epochMs, timeZone);
  const wallAsUtc = new Date(0).setUTCFullYear(wall.year, wall.month - 1, wall.day);
  const wallMs = wallAsUtc + ((wall.hour * 60 + wall.minute) * 60 + wall.second) * 1000;
  // Intl prints whole seconds: compare with the instant truncated to its second.
  return wallMs - (epochMs - mod(epochMs, 1000));
}

/**
 * The instant at which clocks in `timeZone` show `time` on `date`. Like Temporal's 'compatible' choice: a wall
 * time that occurs twice (autumn change, 02:30 in Paris) gives the earlier instant; one that does not exist
 * (spring change, 02:30 in Paris) is moved forward by the length of the gap (→ 03:30 summer time).
 */
export function wallTimeToEpoch(date: CalendarDate, time: WallTime, timeZone: string): number {
  // Pure and asked again at every render of a schedule (a participant's visits and day checks): remembered, as
  // each answer costs three to four Intl calls (~5 µs each here, four times that on a slow tablet).
  const key = `${timeZone} ${date.year}-${date.month}-${date.day} ${time.hour}:${time.minute}`;
  let instant = instants.get(key);
  if (instant === undefined) {
    if (instants.size >= MAX_REMEMBERED_INSTANTS) instants.clear();
    instants.set(key, (instant = computeWallTimeToEpoch(date, time, timeZone)));
  }
  return instant;
}

const MAX_REMEMBERED_INSTANTS = 4096;
const instants = new Map<string, number>();

function computeWallTimeToEpoch(date: CalendarDate, time: WallTime, timeZone: string): number {
  const wallAsUtc =
    new Date(0).setUTCFullYear(date.year, date.month - 1, date.day) + (time.hour * 60 + time.minute) * 60_000;
  // Offsets can only change at transitions, and no zone has two transitions within a day: the offsets a day
  // before and a day after are the only candidates.
  const offsetBefore = zoneOffsetMs(wallAsUtc - 86_400_000, timeZone);
  const offsetAfter = zoneOffsetMs(wallAsUtc + 86_400_000, timeZone);
  const candidates = [wallAsUtc - offsetBefore, wallAsUtc - offsetAfter].filter(
    (instant) => instant + zoneOffsetMs(instant, timeZone) === wallAsUtc,
  );
  if (candidates.length > 0) return Math.min(...candidates);
  // In a gap, the offset in force before it maps the wall time to the instant just as far after the gap.
  return wallAsUtc - offsetBefore;
}

function mod(value: number, divisor: number): number {
  return ((value % divisor) + divisor) % divisor;
}
