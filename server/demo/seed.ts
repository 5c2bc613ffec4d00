import type { Store } from '../store/store';

/**
 * Fills the demo store with fictional data so that anyone can see the whole app in two minutes. Idempotent:
 * running the demo twice does not duplicate anything. Each workflow adds its part here.
 */
export async function seedDemo(store: Store): Promise<string[]> {
  void store;
  return ['(no demo accounts yet)'];
}
