import { parseCalendarDate } from '@/domain/schedule/calendar-date';

/**
 * Age in whole years on `date`, both 'YYYY-MM-DD' (or ISO date-times, read as the date written). A year is
 * reached on the birthday itself. Someone born on 29 February reaches it on 1 March in common years (on 28
 * February the anniversary has not come yet), on 29 February in leap years.
 *
 * Returns NaN for an unreadable or non-existent date, or a `date` before `birthDate`: never a plausible age.
 */
export function ageAt(birthDate: string, date: string): number {
  const birth = parseCalendarDate(birthDate);
  const on = parseCalendarDate(date);
  if (!birth || !on) return NaN;
  const beforeBirthday = on.month < birth.month || (on.month === birth.month && on.day < birth.day);
  const age = on.year - birth.year - (beforeBirthday ? 1 : 0);
  return age >= 0 ? age : NaN;
}
