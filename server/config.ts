import { resolve } from 'node:path';

export type ServerConfig = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  demo: boolean;
};

/** Configuration from the environment (README, "Configuration"); `--demo` selects the separate demo store. */
export function readConfig(env: NodeJS.ProcessEnv, argv: readonly string[]): ServerConfig {
  const demo = argv.includes('--demo');
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: resolve(env.DATA_DIR ?? (demo ? './data-demo' : './data')),
    databaseUrl: demo ? env.DEMO_DATABASE_URL : env.DATABASE_URL || undefined,
    demo,
  };
}
