import { createHash, randomBytes } from 'node:crypto';
import { jwtVerify, SignJWT } from 'jose';
import { roleSchema, type Principal } from './roles';

// Short-lived access tokens limit what a stolen tablet can do once its device is revoked and it is offline;
// online, revocation takes effect at once because every request checks the device (access.ts).
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
const ISSUER = 'chevet';

/**
 * An access token for one device's session. `gen` is the device's session generation (migration 0005): the
 * token stops working as soon as the session ends (access.ts compares it on every request).
 */
export async function issueAccessToken(
  principal: Principal,
  secret: Uint8Array,
  now = Date.now(),
  generation = 0,
) {
  const iat = Math.floor(now / 1000);
  return new SignJWT({
    role: principal.role,
    dev: principal.deviceId,
    usr: principal.username,
    gen: generation,
  })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(principal.userId)
    .setIssuer(ISSUER)
    .setIssuedAt(iat)
    .setExpirationTime(iat + ACCESS_TOKEN_TTL_SECONDS)
    .sign(secret);
}

/** The claims of a valid, unexpired token, or null (bad signature, expired, malformed). */
export async function verifyAccessToken(
  token: string,
  secret: Uint8Array,
): Promise<(Principal & { generation: number }) | null> {
  try {
    const { payload } = await jwtVerify(token, secret, { issuer: ISSUER, algorithms: ['HS256'] });
    const role = roleSchema.safeParse(payload.role);
    if (
      !payload.sub ||
      typeof payload.dev !== 'string' ||
      typeof payload.usr !== 'string' ||
      !Number.isInteger(payload.gen) ||
      !role.success
    ) {
      return null;
    }
    return {
      userId: payload.sub,
      role: role.data,
      deviceId: payload.dev,
      username: payload.usr,
      generation: payload.gen as number,
    };
  } catch {
    return null;
  }
}

/** Refresh tokens are random and opaque; only their hash is stored, so a leaked table cannot be replayed. */
export function newRefreshToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashRefreshToken(token) };
}

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
