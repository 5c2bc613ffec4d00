import type { ChevetDb } from '@/db/database';
import type { ItemState, MissedDeclaration, ScheduleItem } from '@/schema/schedule';

/**
 * One schedule the alarms watch: the checks of one infusion, of one 10-day monitoring, … — generic over
 * `ScheduleItem`s, so any workflow whose checks are computed by `domain/schedule` can feed the alarms. A source
 * (sources/*.ts) builds tracks from records; the due list is computed from them and the current time at each tick.
 */
export type AlarmTrack = {
  /** Unique among every source's tracks, e.g. 'infusion:<infusionId>'. */
  key: string;
  /** The record id the checks cite as `trackId` (the infusion's id). */
  trackId: string;
  patientId: string;
  /** Trial number and initials, shown in the banner (never on the lock screen). */
  subject: string;
  /** Where a tap on the alarm leads; the check's id is added as `?check=<id>`. */
  route: string;
  /** The schedule at `now` (an infusion's 15-minute checks depend on the time while it runs). */
  items: (now: number) => readonly ScheduleItem[];
  /** Check id → when it was done (epoch ms). */
  done: Readonly<Record<string, number>>;
  /** Check id → the declaration that it will not be done. */
  missed: Readonly<Record<string, MissedDeclaration>>;
  /** A bedside session runs (infusion running or paused): keep the screen on, never reload under the nurse. */
  bedside: boolean;
};

/** A check that needs someone now (due or overdue), or the next one coming. */
export type AlarmEntry = {
  /** `${track.key}/${item.id}`: stable across ticks, reloads and tablets. */
  key: string;
  trackKey: string;
  trackId: string;
  patientId: string;
  subject: string;
  route: string;
  item: ScheduleItem;
  state: ItemState;
};

/**
 * Where tracks come from: a query read through a Dexie live query (re-run whenever the tables change) and a pure
 * step from its result to tracks.
 */
export type AlarmSource<Facts = unknown> = {
  id: string;
  query(db: ChevetDb): Promise<Facts>;
  tracks(facts: Facts): AlarmTrack[];
};
