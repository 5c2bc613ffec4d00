import { describe, expect, it } from 'vitest';
import { claimTab, TAB_LOCK_NAME, type LockManagerLike, type TabState } from '@/session/tab-lock';
import { fakeLocks } from './fake-locks';

function tab(locks: LockManagerLike) {
  const seen: { state: TabState; lost: boolean }[] = [];
  const lock = claimTab(locks, (state, lost) => seen.push({ state, lost }));
  return { lock, seen, last: () => seen.at(-1) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('one active tab per tablet (Web Locks)', () => {
  it('the first tab is active; a second finds it taken, takes it over, and the first is told it lost it', async () => {
    const locks = fakeLocks();
    const first = tab(locks);
    await settle();
    expect(first.last()).toEqual({ state: 'active', lost: false });

    const second = tab(locks);
    await settle();
    expect(second.last()).toEqual({ state: 'elsewhere', lost: false });
    expect(first.last()).toEqual({ state: 'active', lost: false });

    second.lock.takeOver();
    await settle();
    expect(second.last()).toEqual({ state: 'active', lost: false });
    expect(first.last()).toEqual({ state: 'elsewhere', lost: true });
    expect(locks.holders()).toBe(1);

    // And back: the first takes it over again.
    first.lock.takeOver();
    await settle();
    expect(first.last()).toEqual({ state: 'active', lost: false });
    expect(second.last()).toEqual({ state: 'elsewhere', lost: true });
  });

  it('a tab waiting in line becomes active by itself when the active tab closes or reloads', async () => {
    const locks = fakeLocks();
    const first = tab(locks);
    await settle();
    const second = tab(locks);
    await settle();
    expect(second.last()).toEqual({ state: 'elsewhere', lost: false });
    expect(locks.waiting()).toBe(1);
    first.lock.release();
    await settle();
    expect(second.last()).toEqual({ state: 'active', lost: false });
    expect(locks.holders()).toBe(1);
  });

  it('a tab that lost the lock does not take it back by itself when the other tab closes', async () => {
    const locks = fakeLocks();
    const first = tab(locks);
    await settle();
    const second = tab(locks);
    await settle();
    second.lock.takeOver();
    await settle();
    expect(first.last()).toEqual({ state: 'elsewhere', lost: true });
    second.lock.release();
    await settle();
    expect(first.last()).toEqual({ state: 'elsewhere', lost: true });
    expect(locks.holders()).toBe(0);
  });

  it('a claim released before the lock answered reports nothing and holds nothing', async () => {
    const locks = fakeLocks();
    const early = tab(locks);
    early.lock.release();
    await settle();
    expect(early.seen).toEqual([]);
    expect(locks.holders()).toBe(0);
  });

  it('a tab reloaded to be taken back claims the lock at once, from the tab holding it', async () => {
    const locks = fakeLocks();
    const holder = tab(locks);
    await settle();
    const seen: TabState[] = [];
    claimTab(locks, (state) => seen.push(state), true);
    await settle();
    expect(seen).toEqual(['active']);
    expect(holder.last()).toEqual({ state: 'elsewhere', lost: true });
  });

  it('without the Web Locks API the tab is simply active', () => {
    const only = tab(undefined as unknown as LockManagerLike);
    expect(only.last()).toEqual({ state: 'active', lost: false });
    expect(TAB_LOCK_NAME).toBe('chevet-active-tab');
  });
});
