import type { ChevetDb } from '@/db/database';
import type { StoredRecord } from '@/db/types';
import { doneTimes } from '@/domain/monitoring/strip';
import { infusionProgress } from '@/domain/infusion';
import { monitoringSchedule } from '@/domain/schedule';
import { saeClock } from '@/domain/safety/adverse-event';
import type { AdverseEvent } from '@/schema/adverse-events';
import type { InfusionEvent, MissedCheck } from '@/schema/infusion';
import type { MissedDeclaration, ScheduleItem } from '@/schema/schedule';
import { SAE_ALARM_LABEL } from '../labels';
import type { AlarmSource, AlarmTrack } from '../types';

// The 10-day monitoring's alarms (issue 22), on the one mechanism: the day 1 … day 10 checks of every ended
// infusion (the post-infusion checks E + 30 min … E + 6 h are the infusion's own track), done when a
// `monitoringCheck` cites them; and each serious adverse event not yet notified to the sponsor, as an item due
// from the moment of awareness to the 24-hour deadline (overdue after it), done when the notification is recorded.

export type MonitoringFacts = {
  events: StoredRecord[];
  checks: StoredRecord[];
  missed: StoredRecord[];
  adverseEvents: StoredRecord[];
  participants: StoredRecord[];
};

async function query(db: ChevetDb): Promise<MonitoringFacts> {
  const [events, checks, missed, adverseEvents] = await Promise.all([
    db.records.where('kind').equals('infusionEvent').toArray(),
    db.records.where('kind').equals('monitoringCheck').toArray(),
    db.records.where('kind').equals('missedCheck').toArray(),
    db.records.where('kind').equals('adverseEvent').toArray(),
  ]);
  const patients = [
    ...new Set([...events, ...adverseEvents].map((e) => e.patientId).filter((p): p is string => p !== null)),
  ];
  const participants = (await db.records.bulkGet(patients)).filter((r): r is StoredRecord => r !== undefined);
  return { events, checks, missed, adverseEvents, participants };
}

const subjectOf = (participants: readonly StoredRecord[], patientId: string) => {
  const p = participants.find((r) => r.id === patientId);
  return p ? `${String(p.data.trialNumber)} · ${String(p.data.initials)}` : '';
};

/** The day 1 … day 10 checks of an infusion that has ended (none before its end). */
export function dayChecks(events: readonly InfusionEvent[]): ScheduleItem[] {
  const progress = infusionProgress(events, Number.MAX_SAFE_INTEGER);
  if (progress.startedAt === undefined || progress.endedAt === undefined) return [];
  return monitoringSchedule({
    infusionEndedAt: progress.endedAt,
    infusionStartedAt: progress.startedAt,
  }).filter((item) => item.id.startsWith('day-'));
}

/** A serious event's notification as a schedule item: due from awareness to the 24-hour deadline. */
export function saeItem(event: Pick<AdverseEvent, 'serious' | 'awareAt' | 'sponsorNotifiedAt'>, id: string) {
  const clock = saeClock({ ...event, sponsorNotifiedAt: undefined }, 0);
  if (!clock) return undefined;
  const item: ScheduleItem = {
    id: `sae-${id}`,
    label: SAE_ALARM_LABEL,
    dueAt: clock.notifyBy,
    windowStart: clock.awareAt,
    windowEnd: clock.notifyBy,
    phase: 'monitoring',
  };
  return item;
}

function tracks(facts: MonitoringFacts): AlarmTrack[] {
  const live = (r: StoredRecord) => !r.voided;
  const result: AlarmTrack[] = [];
  const byInfusion = new Map<string, { patientId: string; events: InfusionEvent[] }>();
  for (const record of facts.events.filter(live)) {
    const event = record.data as InfusionEvent;
    const entry = byInfusion.get(event.infusionId) ?? { patientId: record.patientId!, events: [] };
    entry.events.push(event);
    byInfusion.set(event.infusionId, entry);
  }
  for (const [infusionId, { patientId, events }] of byInfusion) {
    const items = dayChecks(events);
    if (items.length === 0) continue;
    const { done } = doneTimes(facts.checks.filter((c) => c.patientId === patientId));
    const missed: Record<string, MissedDeclaration> = {};
    for (const record of facts.missed.filter(live)) {
      const m = record.data as MissedCheck;
      if (m.trackId === infusionId)
        missed[m.checkId] = { reason: m.reason, declaredAt: Date.parse(m.declaredAt) };
    }
    result.push({
      key: `monitoring:${infusionId}`,
      trackId: infusionId,
      patientId,
      subject: subjectOf(facts.participants, patientId),
      route: `/participants/${patientId}/monitoring`,
      items: () => items,
      done,
      missed,
      bedside: false,
    });
  }
  for (const record of facts.adverseEvents.filter(live)) {
    const event = record.data as AdverseEvent;
    const item = saeItem(event, record.id);
    if (!item || !record.patientId) continue;
    result.push({
      key: `sae:${record.id}`,
      trackId: record.id,
      patientId: record.patientId,
      subject: subjectOf(facts.participants, record.patientId),
      route: `/participants/${record.patientId}/adverse-events/${record.id}`,
      items: () => [item],
      done: event.sponsorNotifiedAt ? { [item.id]: Date.parse(event.sponsorNotifiedAt) } : {},
      missed: {},
      bedside: false,
    });
  }
  return result;
}

export const monitoringAlarmSource: AlarmSource<MonitoringFacts> = { id: 'monitoring', query, tracks };
