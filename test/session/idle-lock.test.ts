// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchIdle } from '@/session/idle-lock';
import { useSession } from '@/session/session-store';
import {
  DEFAULT_AUTO_LOCK_MINUTES,
  setAutoLockMinutes,
  storedAutoLockMinutes,
  useSessionSettings,
} from '@/session/settings';

const MINUTE = 60_000;

describe('auto-lock after idle time', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    localStorage.clear();
  });
  afterEach(() => vi.useRealTimers());

  it('fires once after the idle time without activity', () => {
    const onIdle = vi.fn();
    const target = new EventTarget();
    watchIdle({ timeoutMs: 5 * MINUTE, onIdle, target: target as Window });
    vi.advanceTimersByTime(5 * MINUTE - 1);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onIdle).toHaveBeenCalledOnce();
    vi.advanceTimersByTime(60 * MINUTE);
    expect(onIdle).toHaveBeenCalledOnce();
  });

  it('each touch or key starts the idle time again', () => {
    const onIdle = vi.fn();
    const target = new EventTarget();
    watchIdle({ timeoutMs: 5 * MINUTE, onIdle, target: target as Window });
    for (let i = 0; i < 10; i++) {
      vi.advanceTimersByTime(4 * MINUTE);
      target.dispatchEvent(new Event(i % 2 ? 'pointerdown' : 'keydown'));
    }
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(5 * MINUTE);
    expect(onIdle).toHaveBeenCalledOnce();
  });

  it('a scroll the page makes by itself (an alarm banner moving the layout) is not activity', () => {
    const onIdle = vi.fn();
    const target = new EventTarget();
    watchIdle({ timeoutMs: 5 * MINUTE, onIdle, target: target as Window });
    vi.advanceTimersByTime(4 * MINUTE);
    target.dispatchEvent(new Event('scroll'));
    vi.advanceTimersByTime(MINUTE);
    expect(onIdle).toHaveBeenCalledOnce();
  });

  it('stops listening when stopped', () => {
    const onIdle = vi.fn();
    const stop = watchIdle({ timeoutMs: MINUTE, onIdle, target: new EventTarget() as Window });
    stop();
    vi.advanceTimersByTime(10 * MINUTE);
    expect(onIdle).not.toHaveBeenCalled();
  });

  it('a tablet that slept past the idle time locks as soon as it is visible again', () => {
    const onIdle = vi.fn();
    let now = 0;
    watchIdle({ timeoutMs: 5 * MINUTE, onIdle, target: new EventTarget() as Window, now: () => now });
    // Timers frozen during sleep: the clock moved, no timer fired.
    now = 30 * MINUTE;
    document.dispatchEvent(new Event('visibilitychange'));
    expect(onIdle).toHaveBeenCalledOnce();
  });

  it('locks the session (default 5 minutes, setting kept on the tablet)', () => {
    expect(storedAutoLockMinutes()).toBe(DEFAULT_AUTO_LOCK_MINUTES);
    expect(DEFAULT_AUTO_LOCK_MINUTES).toBe(5);
    setAutoLockMinutes(2);
    expect(localStorage.getItem('chevet.autoLockMinutes')).toBe('2');
    expect(useSessionSettings.getState().autoLockMinutes).toBe(2);
    expect(storedAutoLockMinutes()).toBe(2);
    setAutoLockMinutes(0);
    expect(useSessionSettings.getState().autoLockMinutes).toBe(2);
    useSession.setState({
      screen: 'unlocked',
      person: { userId: 'u', username: 'u', displayName: 'U', role: 'nurse', deviceId: 'd' },
    });
    watchIdle({
      timeoutMs: useSessionSettings.getState().autoLockMinutes * MINUTE,
      onIdle: () => useSession.getState().lock(),
    });
    vi.advanceTimersByTime(2 * MINUTE);
    expect(useSession.getState()).toMatchObject({ screen: 'locked', person: undefined, lockedUserId: 'u' });
  });
});
