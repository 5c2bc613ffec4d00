import { resolve } from 'node:path';

export type ServerConfig = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  /** The owner's URL for migrations (DATABASE_MIGRATION_URL); the runtime role of databaseUrl cannot alter tables. */
  migrationUrl?: string;
  /** Reverse proxies whose X-Forwarded-For is believed (CHEVET_TRUST_PROXY, comma-separated); none by default. */
  trustProxy: string[];
  demo: boolean;
};

/** A configuration the server cannot start with: main.ts prints its message as one line and exits. */
export class StartupError extends Error {}

/** HS256 wants a key at least as long as its hash (RFC 7518, 3.2): a shorter one can be guessed offline. */
export const MIN_TOKEN_SECRET_BYTES = 32;

/** The operator's CHEVET_TOKEN_SECRET as key bytes, refused when shorter than 32 bytes; undefined when unset. */
export function tokenSecretFromEnv(env: NodeJS.ProcessEnv): Uint8Array | undefined {
  if (!env.CHEVET_TOKEN_SECRET) return undefined;
  const key = new TextEncoder().encode(env.CHEVET_TOKEN_SECRET);
  if (key.length < MIN_TOKEN_SECRET_BYTES)
    throw new StartupError(
      `CHEVET_TOKEN_SECRET is ${key.length} bytes long: it must have at least ${MIN_TOKEN_SECRET_BYTES} ` +
        '(e.g. `openssl rand -base64 48`), or be unset so that the store keeps a generated one.',
    );
  return key;
}

/** Configuration from the environment (README, "Configuration"); `--demo` selects the separate demo store. */
export function readConfig(env: NodeJS.ProcessEnv, argv: readonly string[]): ServerConfig {
  const demo = argv.includes('--demo');
  tokenSecretFromEnv(env);
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new StartupError(`PORT must be a port number, not "${env.PORT}"`);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: resolve(env.DATA_DIR ?? (demo ? './data-demo' : './data')),
    databaseUrl: demo ? env.DEMO_DATABASE_URL : env.DATABASE_URL || undefined,
    migrationUrl: demo ? undefined : env.DATABASE_MIGRATION_URL || undefined,
    trustProxy: (env.CHEVET_TRUST_PROXY ?? '')
      .split(',')
      .map((part) => part.trim())
      .filter(Boolean),
    demo,
  };
}
