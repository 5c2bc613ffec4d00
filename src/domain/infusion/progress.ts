import type { InfusionEvent, InfusionInterruptionReason } from '@/schema/infusion';

// Where a running infusion stands at a time, from its recorded events (issue 21; infusion-and-monitoring.md,
// "Product and dose": pauses are recorded with reason and excluded from the running time). Pure: the events and
// the current time come in, nothing is read from a clock.

export type InfusionPause = {
  from: number;
  /** Absent while the pause lasts. */
  to?: number;
  reason: InfusionInterruptionReason;
  reasonText?: string;
};

export type InfusionStatus = 'notStarted' | 'running' | 'paused' | 'ended';

export type InfusionProgress = {
  status: InfusionStatus;
  startedAt?: number;
  endedAt?: number;
  pauses: InfusionPause[];
  /** Time the pump ran: from the start to now (or the end), less every pause. */
  runningMs: number;
  /** Time spent paused, the current pause included up to now. */
  pausedMs: number;
  plannedDurationMin?: number;
  /** Start + planned duration + time paused so far: when the bag is expected to be empty. */
  plannedEndAt?: number;
  rateMlPerHour?: number;
  volumeToInfuseMl?: number;
  /** Rate × running time, never more than the volume to infuse (the pump stops there). */
  volumeSoFarMl?: number;
  /** Recorded at the end. */
  volumeInfusedMl?: number;
  residualMl?: number;
  stopped?: { reason: InfusionInterruptionReason; reasonText?: string };
};

const time = (iso: string) => Date.parse(iso);

/**
 * The progress of one infusion from its events (any order; ties keep the recorded order). Events that make no
 * sense where they fall (a pause while paused, a resume while running, anything after the end, anything before
 * the start) are ignored rather than guessed at.
 */
export function infusionProgress(events: readonly InfusionEvent[], now: number): InfusionProgress {
  const ordered = [...events].sort((a, b) => time(a.at) - time(b.at));
  const start = ordered.find((e) => e.type === 'start');
  if (!start || start.type !== 'start')
    return { status: 'notStarted', pauses: [], runningMs: 0, pausedMs: 0 };
  const startedAt = time(start.at);
  const pauses: InfusionPause[] = [];
  let status: InfusionStatus = 'running';
  let endedAt: number | undefined;
  let end: Extract<InfusionEvent, { type: 'end' }> | undefined;
  for (const event of ordered) {
    const at = time(event.at);
    if (event === start || at < startedAt || status === 'ended') continue;
    if (event.type === 'pause' && status === 'running') {
      pauses.push({
        from: at,
        reason: event.reason,
        ...(event.reasonText ? { reasonText: event.reasonText } : {}),
      });
      status = 'paused';
    } else if (event.type === 'resume' && status === 'paused') {
      pauses.at(-1)!.to = at;
      status = 'running';
    } else if (event.type === 'end') {
      if (status === 'paused') pauses.at(-1)!.to = at;
      status = 'ended';
      endedAt = at;
      end = event;
    }
  }
  const until = endedAt ?? Math.max(now, startedAt);
  const pausedMs = pauses.reduce((sum, p) => sum + Math.max(0, Math.min(p.to ?? until, until) - p.from), 0);
  const runningMs = Math.max(0, until - startedAt - pausedMs);
  const { plannedDurationMin, rateMlPerHour, volumeToInfuseMl } = start;
  return {
    status,
    startedAt,
    ...(endedAt !== undefined ? { endedAt } : {}),
    pauses,
    runningMs,
    pausedMs,
    plannedDurationMin,
    plannedEndAt: startedAt + plannedDurationMin * 60_000 + pausedMs,
    rateMlPerHour,
    volumeToInfuseMl,
    volumeSoFarMl: Math.min(volumeToInfuseMl, (rateMlPerHour * runningMs) / 3_600_000),
    ...(end
      ? {
          volumeInfusedMl: end.volumeInfusedMl,
          residualMl: end.residualMl,
          ...(end.stopped ? { stopped: end.stopped } : {}),
        }
      : {}),
  };
}
