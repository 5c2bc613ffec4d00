import { buildApp, DEFAULT_STATIC_DIR } from './app';
import { readConfig } from './config';
import { seedDemo } from './demo/seed';
import { acquireDataLock } from './store/data-lock';
import { openStore } from './store/open-store';

const config = readConfig(process.env, process.argv.slice(2));
// PGlite is single-process: the lock makes a second server or the user CLI refuse clearly.
if (!config.databaseUrl) await acquireDataLock(config.dataDir);
const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
const app = await buildApp({ store, staticDir: DEFAULT_STATIC_DIR, logger: true });

if (config.demo) {
  const lines = await seedDemo(store);
  console.log(['', 'Chevet demo store — fictional data only', ...lines, ''].join('\n'));
}

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  app.log.info(`${signal}: finishing in-flight requests, then closing the store`);
  // app.close() stops accepting connections and waits for in-flight requests; the store closes after them.
  await app.close();
  await store.close();
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));

await app.listen({ port: config.port, host: config.host });
const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite in ${config.dataDir}`;
console.log(`Chevet is running on http://localhost:${config.port} — store: ${where}`);
