import type { Role } from '@/schema/common';

/**
 * A person who has signed in online on this tablet at least once: what lets them unlock offline later.
 * (Issue 3 owns the details: PIN verifier, tokens, lock-out after wrong PINs.)
 */
export type TabletPerson = {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  deviceId: string;
};
