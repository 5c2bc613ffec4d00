import type { Role } from '../../src/schema/common';

export { roleSchema, ROLES, type Role } from '../../src/schema/common';

/** Who is calling: from the verified access token, never from the request body. */
export type Principal = { userId: string; username: string; role: Role; deviceId: string };
