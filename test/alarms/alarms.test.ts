// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { v7 as uuidv7 } from 'uuid';
import { dueList, infusionAlarmSource, startAlarms, useAlarms, type AlarmTrack } from '@/alarms';
import { setAlarmSound } from '@/alarms/settings';
import { createRecord, recordObservation } from '@/db/commands';
import type { ChevetDb } from '@/db/database';
import { contextFor, freshDb, vitals } from '../db/fixtures';

const T0 = Date.parse('2026-03-02T09:00:00+01:00');
const MIN = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

const startEvent = (infusionId: string, at = T0) => ({
  infusionId,
  type: 'start' as const,
  at: iso(at),
  plannedDurationMin: 60,
  volumeToInfuseMl: 100,
  rateMlPerHour: 100,
  doseLevel: 2 as const,
  cellsToInfuse: 140_000_000,
  weightKg: 70,
  lotNumber: 'LOT-1',
});

async function tracksOf(db: ChevetDb): Promise<AlarmTrack[]> {
  return infusionAlarmSource.tracks(await infusionAlarmSource.query(db));
}

describe('the alarms due list', () => {
  let db: ChevetDb;
  const nurse = contextFor('nurse');
  let patientId: string;
  const infusionId = uuidv7();

  beforeEach(async () => {
    db = freshDb();
    patientId = uuidv7();
    await createRecord(db, contextFor('physician'), {
      kind: 'participant',
      recordId: patientId,
      patientId,
      data: { trialNumber: 'MSC-LES-07', initials: 'JD' },
    });
    await recordObservation(db, nurse, { kind: 'infusionEvent', patientId, data: startEvent(infusionId) });
  });
  afterEach(async () => {
    db.close();
    await db.delete();
  });

  it('computes the 15-minute checks from the stored start at any time', async () => {
    const tracks = await tracksOf(db);
    expect(tracks).toHaveLength(1);
    expect(tracks[0]).toMatchObject({ subject: 'MSC-LES-07 · JD', bedside: true });
    // 12 min: nothing due; the next is the 15-minute check, on time from 13 min.
    const at12 = dueList(tracks, T0 + 12 * MIN);
    expect(at12.due).toEqual([]);
    expect(at12.next?.item.id).toBe('infusion-15');
    // 13 min (window −2): due; 20 min + 1 ms (window +5 closed): overdue.
    expect(dueList(tracks, T0 + 13 * MIN).due.map((e) => [e.item.id, e.state])).toEqual([
      ['infusion-15', 'due'],
    ]);
    expect(dueList(tracks, T0 + 20 * MIN + 1).due.map((e) => [e.item.id, e.state])).toEqual([
      ['infusion-15', 'overdue'],
    ]);
    // Woken at 46 min without anything entered: three checks at once, the overdue ones first.
    expect(dueList(tracks, T0 + 46 * MIN).due.map((e) => [e.item.id, e.state])).toEqual([
      ['infusion-15', 'overdue'],
      ['infusion-30', 'overdue'],
      ['infusion-45', 'due'],
    ]);
  });

  it('a set entered for the check, or a check declared missed, leaves the list', async () => {
    await recordObservation(db, nurse, {
      kind: 'vitalSigns',
      patientId,
      data: vitals(iso(T0 + 16 * MIN), { checkId: 'infusion-15', trackId: infusionId }),
    });
    await recordObservation(db, nurse, {
      kind: 'missedCheck',
      patientId,
      data: {
        trackId: infusionId,
        checkId: 'infusion-30',
        reason: 'Patiente au bloc',
        declaredAt: iso(T0 + 40 * MIN),
      },
    });
    const { due } = dueList(await tracksOf(db), T0 + 46 * MIN);
    expect(due.map((e) => e.item.id)).toEqual(['infusion-45']);
  });

  it('after the end, the end check then E + 30 min … E + 6 h; nothing once all are done', async () => {
    await recordObservation(db, nurse, {
      kind: 'infusionEvent',
      patientId,
      data: { infusionId, type: 'end', at: iso(T0 + 62 * MIN), volumeInfusedMl: 100, residualMl: 0 },
    });
    const tracks = await tracksOf(db);
    expect(tracks[0]!.bedside).toBe(false);
    // Computed once for an ended infusion (not again at each tick of the alarms), the same at any later time.
    expect(tracks[0]!.items(T0 + 9 * 60 * MIN)).toBe(tracks[0]!.items(T0 + 70 * MIN));
    const items = tracks[0]!.items(T0 + 70 * MIN).map((i) => i.id);
    expect(items).toEqual([
      'infusion-15',
      'infusion-30',
      'infusion-45',
      'infusion-60',
      'end',
      'post-30',
      'post-60',
      'post-120',
      'post-240',
      'post-360',
    ]);
    for (const [checkId, min] of items.map((id, i) => [id, 15 + i] as const)) {
      await recordObservation(db, nurse, {
        kind: 'vitalSigns',
        patientId,
        data: vitals(iso(T0 + min * MIN), { checkId, trackId: infusionId }),
      });
    }
    const later = dueList(await tracksOf(db), T0 + 48 * 60 * MIN);
    expect(later.due).toEqual([]);
    expect(later.next).toBeUndefined();
  });
});

describe('the alarm engine', () => {
  let db: ChevetDb;
  let stop: (() => void) | undefined;
  let now = T0;
  beforeEach(() => {
    db = freshDb();
    now = T0;
    useAlarms.setState({ due: [], tracks: [], rings: 0, silenced: new Set() });
    setAlarmSound({ soundOn: true, volume: 0.8 });
  });
  afterEach(async () => {
    stop?.();
    db.close();
    await db.delete();
  });

  it('rings once when a check falls due, again when it turns overdue, and stops once it is done', async () => {
    const sound = vi.fn(() => true);
    const vibrate = vi.fn(() => true);
    const notify = vi.fn();
    const patientId = uuidv7();
    const infusionId = uuidv7();
    const nurse = contextFor('nurse');
    await recordObservation(db, nurse, { kind: 'infusionEvent', patientId, data: startEvent(infusionId) });
    stop = startAlarms({
      db,
      sources: [infusionAlarmSource as never],
      now: () => now,
      effects: { sound, vibrate, notify },
    });
    await vi.waitFor(() => expect(useAlarms.getState().tracks).toHaveLength(1));
    expect(useAlarms.getState().bedside).toBe(true);
    expect(notify).not.toHaveBeenCalled();

    const tick = () => document.dispatchEvent(new Event('visibilitychange'));
    now = T0 + 13 * MIN;
    tick();
    expect(useAlarms.getState().due.map((e) => e.item.id)).toEqual(['infusion-15']);
    expect(notify).toHaveBeenCalledTimes(1);
    expect(sound).toHaveBeenCalledWith(0.8);
    tick(); // the same second again: nothing new
    expect(notify).toHaveBeenCalledTimes(1);

    now = T0 + 21 * MIN;
    tick();
    expect(useAlarms.getState().due[0]!.state).toBe('overdue');
    expect(notify).toHaveBeenCalledTimes(2);
    expect(vibrate).toHaveBeenCalledTimes(2);

    // Muted: the banner and the notification still come, no sound.
    setAlarmSound({ soundOn: false });
    now = T0 + 28 * MIN;
    tick();
    expect(notify).toHaveBeenCalledTimes(3);
    expect(sound).toHaveBeenCalledTimes(2);

    await recordObservation(db, nurse, {
      kind: 'vitalSigns',
      patientId,
      data: vitals(iso(now), { checkId: 'infusion-15', trackId: infusionId }),
    });
    await vi.waitFor(() => expect(useAlarms.getState().due.map((e) => e.item.id)).toEqual(['infusion-30']));
  });
});
