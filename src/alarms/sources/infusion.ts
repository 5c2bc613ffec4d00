import type { ChevetDb } from '@/db/database';
import type { StoredRecord } from '@/db/types';
import { infusionProgress } from '@/domain/infusion/progress';
import { infusionSchedule, monitoringSchedule } from '@/domain/schedule';
import type { InfusionEvent, MissedCheck } from '@/schema/infusion';
import type { MissedDeclaration, ScheduleItem } from '@/schema/schedule';
import type { VitalSigns } from '@/schema/vital-signs';
import type { AlarmSource, AlarmTrack } from '../types';

// The infusion's checks (issue 21): every 15 minutes from the stored start, the end, then E + 30 min … E + 6 h.
// The baseline is not an alarm: the pre-infusion checklist requires it before the start.

export type InfusionFacts = {
  events: StoredRecord[];
  missed: StoredRecord[];
  vitals: StoredRecord[];
  participants: StoredRecord[];
};

async function query(db: ChevetDb): Promise<InfusionFacts> {
  const [events, missed] = await Promise.all([
    db.records.where('kind').equals('infusionEvent').toArray(),
    db.records.where('kind').equals('missedCheck').toArray(),
  ]);
  const patients = [...new Set(events.map((e) => e.patientId).filter((p): p is string => p !== null))];
  const [vitals, participants] = await Promise.all([
    Promise.all(
      patients.map((p) => db.records.where('[patientId+kind]').equals([p, 'vitalSigns']).toArray()),
    ).then((lists) => lists.flat()),
    db.records.bulkGet(patients).then((list) => list.filter((r): r is StoredRecord => r !== undefined)),
  ]);
  return { events, missed, vitals, participants };
}

/** The schedule items of one infusion at a time, baseline left out: the same on every tablet. */
export function infusionChecks(events: readonly InfusionEvent[], now: number): ScheduleItem[] {
  const progress = infusionProgress(events, now);
  if (progress.startedAt === undefined) return [];
  const during = infusionSchedule({
    startedAt: progress.startedAt,
    ...(progress.endedAt !== undefined ? { endedAt: progress.endedAt } : {}),
    ...(progress.plannedDurationMin ? { plannedDurationMin: progress.plannedDurationMin } : {}),
    now,
  }).filter((item) => item.id !== 'baseline');
  if (progress.endedAt === undefined) return during;
  const after = monitoringSchedule({
    infusionEndedAt: progress.endedAt,
    infusionStartedAt: progress.startedAt,
  }).filter((item) => item.id.startsWith('post-'));
  return [...during, ...after];
}

function tracks(facts: InfusionFacts): AlarmTrack[] {
  const live = (r: StoredRecord) => !r.voided;
  const byInfusion = new Map<string, { patientId: string; events: InfusionEvent[] }>();
  for (const record of facts.events.filter(live)) {
    const event = record.data as InfusionEvent;
    const entry = byInfusion.get(event.infusionId) ?? { patientId: record.patientId!, events: [] };
    entry.events.push(event);
    byInfusion.set(event.infusionId, entry);
  }
  const result: AlarmTrack[] = [];
  for (const [infusionId, { patientId, events }] of byInfusion) {
    if (!events.some((e) => e.type === 'start')) continue;
    const done: Record<string, number> = {};
    for (const record of facts.vitals.filter(live)) {
      const set = record.data as VitalSigns;
      if (set.trackId !== infusionId || !set.checkId) continue;
      const at = Date.parse(set.takenAt);
      done[set.checkId] = Math.min(done[set.checkId] ?? at, at);
    }
    const missed: Record<string, MissedDeclaration> = {};
    for (const record of facts.missed.filter(live)) {
      const m = record.data as MissedCheck;
      if (m.trackId === infusionId)
        missed[m.checkId] = { reason: m.reason, declaredAt: Date.parse(m.declaredAt) };
    }
    const participant = facts.participants.find((p) => p.id === patientId);
    const ended = events.some((e) => e.type === 'end');
    // Once ended, the checks no longer depend on the time: computed once, not again at every tick of the alarms
    // (each second) and every render of the infusion screen — the post-infusion times go through the trial
    // zone's wall clock (Intl), the costliest part of a tick.
    let afterEnd: ScheduleItem[] | undefined;
    result.push({
      key: `infusion:${infusionId}`,
      trackId: infusionId,
      patientId,
      subject: participant
        ? `${String(participant.data.trialNumber)} · ${String(participant.data.initials)}`
        : '',
      route: `/participants/${patientId}/infusion`,
      items: ended
        ? (now) => (afterEnd ??= infusionChecks(events, now))
        : (now) => infusionChecks(events, now),
      done,
      missed,
      bedside: !ended,
    });
  }
  return result;
}

export const infusionAlarmSource: AlarmSource<InfusionFacts> = { id: 'infusion', query, tracks };
