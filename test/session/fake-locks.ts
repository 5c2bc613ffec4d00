import type { LockManagerLike } from '@/session/tab-lock';

/**
 * The Web Locks API as the tabs of one origin share it, for the cases used: `ifAvailable` (granted, or the
 * callback gets null), waiting in line, and `steal` (the holder's request rejects with AbortError, the thief is
 * granted at once).
 */
export function fakeLocks(): LockManagerLike & { holders(): number; waiting(): number } {
  type Waiter = {
    callback: (lock: unknown) => unknown;
    resolve: (v: unknown) => void;
    reject: (e: Error) => void;
  };
  let holder: { reject: (error: Error) => void } | undefined;
  const queue: Waiter[] = [];
  const grant = ({ callback, resolve, reject }: Waiter) => {
    const mine = { reject };
    holder = mine;
    Promise.resolve(callback({ name: 'lock' })).then((value) => {
      if (holder === mine) {
        holder = undefined;
        const next = queue.shift();
        if (next) grant(next);
      }
      resolve(value);
    }, reject);
  };
  return {
    async request(_name, options, callback) {
      await Promise.resolve();
      return new Promise((resolve, reject) => {
        const waiter = { callback, resolve, reject };
        if (options.steal) {
          holder?.reject(Object.assign(new Error('stolen'), { name: 'AbortError' }));
          holder = undefined;
          return grant(waiter);
        }
        if (!holder) return grant(waiter);
        if (options.ifAvailable) return Promise.resolve(callback(null)).then(resolve, reject);
        queue.push(waiter);
      });
    },
    holders: () => (holder ? 1 : 0),
    waiting: () => queue.length,
  };
}
