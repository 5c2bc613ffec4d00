import { addDays } from './calendar-date';
import { SCHEDULE_CONFIG } from './config';
import { isInstant } from './schedule-item';
import { isValidTimeZone, localDateAt, wallTimeToEpoch } from './zoned-time';

/** "La tolérance immédiate au cours de l'injection et dans les 10 jours suivants" (synopsis, primary endpoint). */
const TOLERANCE_LAST_DAY = 10;
const MIDNIGHT = { hour: 0, minute: 0 };

/**
 * The window of the primary endpoint (infusion-and-monitoring.md, "The tolerance window"): from the start of the
 * infusion T0 to the end of day 10, 23:59:59.999 local time on the calendar day T0 + 10 (day 0 = the local date of
 * T0), both inclusive. An event whose onset falls in it counts even if recorded later, or after the day-10 check
 * closed at 20:00: the check windows are when the team asks, they do not bound the endpoint (an earlier version
 * ended the window with the day-10 check, issue 18). Undefined for a start that is not an instant or an unknown
 * time zone.
 */
export function toleranceWindow(input: {
  infusionStartedAt: number;
  timeZone?: string;
}): { startsAt: number; endsAt: number } | undefined {
  const { infusionStartedAt } = input;
  const timeZone = input.timeZone ?? SCHEDULE_CONFIG.timeZone;
  if (!isInstant(infusionStartedAt) || !isValidTimeZone(timeZone)) return undefined;
  const dayAfterLast = addDays(localDateAt(infusionStartedAt, timeZone), TOLERANCE_LAST_DAY + 1);
  return { startsAt: infusionStartedAt, endsAt: wallTimeToEpoch(dayAfterLast, MIDNIGHT, timeZone) - 1 };
}
