import { toOffsetIso as toOffsetIsoAt } from '@/ui/date-time-entry';
// Time helpers of the safety screens: datetime-local values ↔ ISO-8601 with offset, and durations.

const pad = (n: number) => String(Math.floor(Math.abs(n))).padStart(2, '0');

/** A datetime-local input's value for an instant (the tablet's zone). */
export function localInputValue(at: Date | number | string): string {
  const date = new Date(at);
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}

/** ISO-8601 with the tablet's offset from a datetime-local value; '' stays ''. */
export function toOffsetIso(local: string): string {
  if (!local) return '';
  const date = new Date(local);
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  return `${local.length === 16 ? `${local}:00` : local}${sign}${pad(offset / 60)}:${pad(offset % 60)}`;
}

/** ISO-8601 with the tablet's offset of an instant (src/ui's rule). */
export function isoWithOffset(at: Date | number): string {
  return toOffsetIsoAt(new Date(at));
}

export { formatDuration } from '@/ui/duration';
export { formatDateTime, formatTime } from '@/ui/format';
