import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { authPolicy, type ScryptCost } from './auth-policy';

// Passwords are stored as `$scrypt$ln=15,r=8,p=3$<salt>$<key>` (PHC string format, base64url): the parameters
// travel with each hash, so the cost can be raised later without breaking existing accounts.

const KEY_BYTES = 32;
const SALT_BYTES = 16;
// Bounds on parameters read back from the store: a corrupted row must not make the server allocate gigabytes.
const MAX_LN = 20;
const MAX_R = 32;
const MAX_P = 16;

function derive(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  const N = 2 ** cost.ln;
  // Node refuses scrypt above `maxmem` (32 MiB by default); the need is 128·N·r bytes.
  const options: ScryptOptions = { N, r: cost.r, p: cost.p, maxmem: 256 * N * cost.r };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

export async function hashPassword(
  password: string,
  cost: ScryptCost = authPolicy().scrypt,
): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, cost);
  return `$scrypt$ln=${cost.ln},r=${cost.r},p=${cost.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

type ParsedHash = { cost: ScryptCost; salt: Buffer; key: Buffer };

function parseHash(stored: string): ParsedHash | null {
  const match = /^\$scrypt\$ln=(\d+),r=(\d+),p=(\d+)\$([\w-]+)\$([\w-]+)$/.exec(stored);
  if (!match) return null;
  const [ln, r, p] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (ln < 1 || ln > MAX_LN || r < 1 || r > MAX_R || p < 1 || p > MAX_P) return null;
  const key = Buffer.from(match[5]!, 'base64url');
  if (key.length !== KEY_BYTES) return null;
  return { cost: { ln, r, p }, salt: Buffer.from(match[4]!, 'base64url'), key };
}

/** True when `password` matches `stored`; false for a wrong password or a hash that is not one of ours. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed.cost);
  return timingSafeEqual(key, parsed.key);
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the time of one verification for a username that matches nobody, so that the answer's timing does
 * not tell an attacker which usernames exist.
 */
export async function spendVerificationTime(password: string): Promise<void> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  await verifyPassword(password, await dummyHash);
}
