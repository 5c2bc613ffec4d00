import { itemState } from '@/domain/schedule';
import type { AlarmEntry, AlarmTrack } from './types';

export type DueList = {
  /** Due and overdue checks: overdue first, then by due time. */
  due: AlarmEntry[];
  /** The first check still to come, over every track. */
  next?: AlarmEntry;
  /** Every item of every track with its state at `now` (for schedule displays). */
  all: AlarmEntry[];
};

/** What is due at `now` across every track (pure: the tick, a test or a second tablet compute the same). */
export function dueList(tracks: readonly AlarmTrack[], now: number): DueList {
  const all: AlarmEntry[] = [];
  for (const track of tracks) {
    for (const item of track.items(now)) {
      const state = itemState(item, now, track.done[item.id], track.missed[item.id]);
      all.push({
        key: `${track.key}/${item.id}`,
        trackKey: track.key,
        trackId: track.trackId,
        patientId: track.patientId,
        subject: track.subject,
        route: track.route,
        item,
        state,
      });
    }
  }
  const due = all
    .filter((e) => e.state === 'due' || e.state === 'overdue')
    .sort((a, b) => rank(a) - rank(b) || a.item.dueAt - b.item.dueAt || a.key.localeCompare(b.key));
  const next = all
    .filter((e) => e.state === 'upcoming')
    .sort((a, b) => a.item.windowStart - b.item.windowStart || a.item.dueAt - b.item.dueAt)[0];
  return { due, ...(next ? { next } : {}), all };
}

const rank = (entry: AlarmEntry) => (entry.state === 'overdue' ? 0 : 1);

/** The same entries in the same states: the store keeps the old array so that screens do not re-render. */
export function sameEntries(a: readonly AlarmEntry[], b: readonly AlarmEntry[]): boolean {
  return (
    a.length === b.length &&
    a.every((e, i) => e.key === b[i]!.key && e.state === b[i]!.state && e.item.dueAt === b[i]!.item.dueAt)
  );
}
