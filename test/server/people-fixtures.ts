import { randomUUID } from 'node:crypto';
import { loadTokenSecret } from '../../server/auth/secret';
import { issueAccessToken } from '../../server/auth/tokens';
import type { Principal, Role } from '../../server/auth/roles';
import type { Store } from '../../server/store/store';

/**
 * A user with a registered device and a valid access token, written straight into the store, for tests of
 * routes other than sign-in. (Its password hash is not a valid hash: it cannot sign in.)
 */
export async function addSignedInUser(
  store: Store,
  role: Role,
  username = `${role}-${randomUUID().slice(0, 8)}`,
) {
  const principal: Principal = { userId: randomUUID(), username, role, deviceId: randomUUID() };
  await store.query(`insert into users (id, username, role, password_hash) values ($1, $2, $3, 'fixture')`, [
    principal.userId,
    username,
    role,
  ]);
  await store.query(`insert into devices (id, name, user_id) values ($1, $2, $3)`, [
    principal.deviceId,
    `tablet of ${username}`,
    principal.userId,
  ]);
  const token = await issueAccessToken(principal, await loadTokenSecret(store));
  return { ...principal, token, headers: { authorization: `Bearer ${token}` } };
}
export type SignedInUser = Awaited<ReturnType<typeof addSignedInUser>>;
