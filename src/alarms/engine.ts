import { liveQuery, type Subscription } from 'dexie';
import type { ChevetDb } from '@/db/database';
import { alarmSoundState, playAlarmSound, unlockAlarmSound } from '@/ui/alarm-sound';
import {
  createWakeLock,
  notificationPermission,
  requestNotificationPermission,
  showSystemNotification,
  vibrate,
} from './device';
import { dueList, sameEntries } from './due-list';
import { isMuted, useAlarmSettings } from './settings';
import { useAlarms } from './store';
import type { AlarmEntry, AlarmSource, AlarmTrack } from './types';

// The one alarm mechanism (architecture.md, "Time-critical bedside work"): derived, never scheduled. Sources read
// records through live queries; a tick each second while the page is visible, and at once when it becomes
// visible again, computes the due list from those tracks and the current time. Whatever newly fell due (or
// overdue) rings: sound, vibration, system notification. A reload, a wake from sleep or a switch of user
// recomputes the same list from the same records, so an alarm is never lost and never doubled.

/** Repeat the sound this often while something due has not been silenced. */
export const ALARM_REPEAT_MS = 30_000;

export type AlarmEffects = {
  sound(volume: number): boolean;
  vibrate(): boolean;
  notify(entry: AlarmEntry): void;
};

export type AlarmsOptions = {
  db: ChevetDb;
  sources: readonly AlarmSource[];
  now?: () => number;
  /** How a notification reads (the app passes its translations). */
  describe?: (entry: AlarmEntry) => { title: string; body: string };
  effects?: Partial<AlarmEffects>;
};

export function startAlarms(options: AlarmsOptions): () => void {
  const now = options.now ?? (() => Date.now());
  const describe =
    options.describe ?? ((entry: AlarmEntry) => ({ title: entry.subject, body: entry.item.label }));
  const effects: AlarmEffects = {
    sound: (volume) => playAlarmSound(volume),
    vibrate,
    notify: (entry) => {
      const { title, body } = describe(entry);
      void showSystemNotification(title, body, entry.key);
    },
    ...options.effects,
  };
  const bySource = new Map<string, AlarmTrack[]>();
  const rung = new Map<string, string>();
  let lastSoundAt = -Infinity;
  const wakeLock = createWakeLock((wakeLock) => useAlarms.setState({ wakeLock }));

  function tick() {
    const at = now();
    const tracks = [...bySource.values()].flat();
    const { due, next } = dueList(tracks, at);
    const previous = useAlarms.getState();
    const bedside = tracks.some((t) => t.bedside);
    useAlarms.setState({
      now: at,
      tracks,
      due: sameEntries(previous.due, due) ? previous.due : due,
      next: next && previous.next?.key === next.key ? previous.next : next,
      bedside,
      sound: alarmSoundState(),
      notifications: notificationPermission(),
    });
    wakeLock.set(bedside);
    ring(due, at);
  }

  function ring(due: readonly AlarmEntry[], at: number) {
    const fresh = due.filter((e) => rung.get(e.key) !== e.state);
    for (const key of [...rung.keys()]) if (!due.some((e) => e.key === key)) rung.delete(key);
    for (const entry of fresh) rung.set(entry.key, entry.state);
    const { silenced } = useAlarms.getState();
    const loud = due.filter((e) => !silenced.has(`${e.key}:${e.state}`));
    const repeat = loud.length > 0 && at - lastSoundAt >= ALARM_REPEAT_MS;
    if (fresh.length === 0 && !repeat) return;
    const settings = useAlarmSettings.getState();
    if (loud.length > 0 && !isMuted(settings)) effects.sound(settings.volume);
    if (fresh.length > 0 || loud.length > 0) lastSoundAt = at;
    if (fresh.length > 0) {
      effects.vibrate();
      for (const entry of fresh) effects.notify(entry);
    }
    useAlarms.setState((s) => ({ rings: s.rings + 1 }));
  }

  const subscriptions: Subscription[] = options.sources.map((source) =>
    liveQuery(() => source.query(options.db)).subscribe({
      next: (facts) => {
        bySource.set(source.id, source.tracks(facts));
        tick();
      },
      error: (error: unknown) => console.error(`alarms: source ${source.id} failed`, error),
    }),
  );

  let interval: ReturnType<typeof setInterval> | undefined;
  const onVisibility = () => {
    clearInterval(interval);
    interval = undefined;
    if (document.visibilityState === 'visible') {
      tick();
      interval = setInterval(tick, 1000);
    }
    wakeLock.refresh();
  };
  // Any tap unlocks the sound after a reload (browsers allow audio only after a gesture).
  const onGesture = () => {
    if (alarmSoundState() !== 'locked') return;
    void unlockAlarmSound().then((sound) => useAlarms.setState({ sound }));
  };
  document.addEventListener('visibilitychange', onVisibility);
  document.addEventListener('pointerdown', onGesture, true);
  document.addEventListener('keydown', onGesture, true);
  onVisibility();

  return () => {
    subscriptions.forEach((s) => s.unsubscribe());
    clearInterval(interval);
    document.removeEventListener('visibilitychange', onVisibility);
    document.removeEventListener('pointerdown', onGesture, true);
    document.removeEventListener('keydown', onGesture, true);
    wakeLock.set(false);
  };
}

/**
 * Call from the tap that starts a bedside session (e.g. "Start the infusion"), inside its handler: unlocks the
 * alarm sound and asks for the notification permission while the browser still counts the gesture.
 */
export async function prepareBedsideAlarms(): Promise<void> {
  const [sound, notifications] = await Promise.all([unlockAlarmSound(), requestNotificationPermission()]);
  useAlarms.setState({ sound, notifications });
}
