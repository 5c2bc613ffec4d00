import type { ScheduleItem } from '@/schema/schedule';
import { monitoringSchedule } from '../schedule/monitoring-schedule';
import { toleranceWindow } from '../schedule/tolerance-window';
import { doneTimes, monitoringStrip, type StripItem } from './strip';

// One participant's 10-day monitoring at a time: the checks from the end of the infusion to day 10 with their
// states, and the tolerance window (T0 → end of day 10). Derived from the infusion's times and the records that
// cite a check, so a reload, a sleep or a second tablet shows the same.

export type ParticipantMonitoring = {
  infusion: { startedAt: number; endedAt: number };
  window: { startsAt: number; endsAt: number };
  strip: StripItem[];
  /** The tolerance window is over (the 10 days are complete). */
  windowComplete: boolean;
  /** The check to do now: the first overdue or due one, else the next upcoming. */
  current?: StripItem;
};

export function participantMonitoring(input: {
  infusion: { startedAt: number; endedAt: number } | undefined;
  records: readonly { kind: string; voided?: 0 | 1; data: Record<string, unknown> }[];
  now: number;
  timeZone?: string;
}): ParticipantMonitoring | undefined {
  const { infusion, now } = input;
  if (!infusion) return undefined;
  const tz = input.timeZone ? { timeZone: input.timeZone } : {};
  const items: ScheduleItem[] = monitoringSchedule({
    infusionEndedAt: infusion.endedAt,
    infusionStartedAt: infusion.startedAt,
    ...tz,
  });
  const window = toleranceWindow({ infusionStartedAt: infusion.startedAt, ...tz });
  if (items.length === 0 || !window) return undefined;
  const { done, byPhone } = doneTimes(input.records);
  const strip = monitoringStrip({ items, done, byPhone, now });
  const current =
    strip.find((s) => s.state === 'overdue') ??
    strip.find((s) => s.state === 'due') ??
    strip.find((s) => s.state === 'upcoming');
  return {
    infusion,
    window,
    strip,
    windowComplete: now > window.endsAt,
    ...(current ? { current } : {}),
  };
}
