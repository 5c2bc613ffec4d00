import type { PeopleDirectory } from '../../src/schema/review';
import type { Role } from '../auth/roles';
import type { Queryable } from '../store/store';

// The people directory (issue 24): every account and every device, so that each tablet names an author, a
// signer or a tablet even when that person never used it. Public columns only (never a hash, never a token).
// Disabled accounts and revoked devices stay: their records and signatures are still theirs.

export async function peopleDirectory(q: Queryable): Promise<PeopleDirectory> {
  const [people, devices] = await Promise.all([
    q.query<{ id: string; username: string; display_name: string; role: Role }>(
      'select id, username, display_name, role from users order by username',
    ),
    q.query<{ id: string; name: string; user_id: string }>(
      'select id, name, user_id from devices order by created_at, id',
    ),
  ]);
  return {
    people: people.rows.map((r) => ({
      id: r.id,
      username: r.username,
      displayName: r.display_name,
      role: r.role,
    })),
    devices: devices.rows.map((r) => ({ id: r.id, name: r.name, userId: r.user_id })),
  };
}
