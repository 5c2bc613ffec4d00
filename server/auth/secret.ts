import { randomBytes } from 'node:crypto';
import { tokenSecretFromEnv } from '../config';
import type { Store } from '../store/store';

/**
 * The key that signs access tokens: `CHEVET_TOKEN_SECRET` when the operator provides one, otherwise generated at
 * first start and kept in the store, so that tokens survive a restart and no secret ever sits in the repository.
 */
export async function loadTokenSecret(
  store: Store,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Uint8Array> {
  const configured = tokenSecretFromEnv(env);
  if (configured) return configured;
  await store.query(
    `insert into server_secrets (name, value) values ('access-token', $1) on conflict (name) do nothing`,
    [randomBytes(32).toString('base64url')],
  );
  const { rows } = await store.query<{ value: string }>(
    `select value from server_secrets where name = 'access-token'`,
  );
  return Buffer.from(rows[0]!.value, 'base64url');
}
