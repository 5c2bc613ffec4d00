// Starts the production server for the browser tests on a fresh embedded store in a temporary folder, with the
// accounts the specs sign in with (created through the real CLI, before the server holds the store).
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveArgs } from './serve-command.mjs';

export const E2E_ACCOUNTS = [
  { username: 'e2e-admin', role: 'admin', password: 'e2e-admin-password-1' },
  { username: 'e2e-physician', role: 'physician', password: 'e2e-physician-password-1' },
  { username: 'e2e-physician-2', role: 'physician', password: 'e2e-physician-password-2' },
  { username: 'e2e-nurse', role: 'nurse', password: 'e2e-nurse-password-1' },
];

const dataDir = mkdtempSync(join(tmpdir(), 'chevet-e2e-'));
const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', HOST: '127.0.0.1' };
for (const account of E2E_ACCOUNTS) {
  execFileSync(
    'npx',
    ['tsx', 'server/cli/user.ts', 'add', '--role', account.role, '--password-stdin', account.username],
    {
      env,
      input: `${account.password}\n`,
      stdio: ['pipe', 'ignore', 'inherit'],
    },
  );
}
// The server as `npm start` runs it: the bundle `npm run build` made, with the same Node flags.
const child = spawn(process.execPath, serveArgs(), { stdio: 'inherit', env });
const stop = () => child.kill('SIGTERM');
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
child.on('exit', (code) => {
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
