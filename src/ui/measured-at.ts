import { readDateTimeEntry, toOffsetIso, type DateTimeEntry, type DateTimeProblem } from './date-time-entry';

/**
 * When a measurement (a vital-sign set, a dose, a check) was taken. By default, the moment it is SAVED: a form
 * left open for the 15-minute checks must not stamp every set with the time the page opened. `null` means "at
 * save"; an entry means the person set the time by hand — then the record says so, and it cannot be in the
 * future.
 */
export type MeasuredAtEntry = DateTimeEntry | null;

export type MeasuredAt = { ok: true; at: string; byHand: boolean } | { ok: false; problem: DateTimeProblem };

/** Call at the moment of saving, with that moment's clock. */
export function resolveMeasuredAt(entry: MeasuredAtEntry, now: Date): MeasuredAt {
  if (entry === null) return { ok: true, at: toOffsetIso(now), byHand: false };
  const reading = readDateTimeEntry(entry, { notAfter: now });
  return reading.ok ? { ok: true, at: toOffsetIso(reading.at), byHand: true } : reading;
}
