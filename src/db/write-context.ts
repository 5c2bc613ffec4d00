import type { Role } from '@/schema/common';

/** Who writes, on which tablet, and the clock: every command receives it (the session provides it). */
export type WriteContext = {
  userId: string;
  role: Role;
  deviceId: string;
  now: () => Date;
};
