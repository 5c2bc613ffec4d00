import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findAccountByUsername } from '../../server/auth/accounts';
import { setAuthPolicy } from '../../server/auth/auth-policy';
import { verifyPassword } from '../../server/auth/passwords';
import { runUserCommand, type CliIo } from '../../server/cli/user';
import { acquireDataLock, DataDirLockedError, LOCK_FILE_NAME } from '../../server/store/data-lock';
import { createTestStore, STORE_KIND, type TestStore } from './test-store';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const TSX = join(ROOT, 'node_modules/.bin/tsx');
const CLI = join(ROOT, 'server/cli/user.ts');
const PASSWORD = 'cli password 2026';

/** A CLI run in memory: what it printed, and the password it would have read. */
function fakeIo(password = PASSWORD) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    readPassword: async () => password,
  };
  return { io, out, err };
}

/** The pid of a process that has exited: a lock holding it is stale. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.on('exit', resolve));
  return child.pid!;
}

/** Runs the real `npm run user` entry point, without any PostgreSQL URL, on a data folder. */
function runCli(args: string[], dataDir: string, stdin?: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  delete env.TEST_DATABASE_URL;
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = execFile(TSX, [CLI, ...args], { env, cwd: ROOT }, (error, stdout, stderr) =>
      resolve({ code: error ? (error.code as number) : 0, stdout, stderr }),
    );
    child.stdin!.end(stdin ?? '');
  });
}

describe(`the user command (${STORE_KIND})`, () => {
  let testStore: TestStore;
  let restorePolicy: () => void;

  beforeAll(async () => {
    restorePolicy = setAuthPolicy({ scrypt: { ln: 10, r: 8, p: 1 } });
    testStore = await createTestStore();
  });
  afterAll(async () => {
    await testStore.drop();
    restorePolicy();
  });
  const run = (argv: string[], io: CliIo) => runUserCommand(testStore.store, argv, io);

  it('says how to create the first administrator when there is nobody yet', async () => {
    const { io, out } = fakeIo();
    expect(await run(['list'], io)).toBe(0);
    expect(out.join('\n')).toContain('npm run user -- add --role admin');
  });

  it('adds an account with the password it reads, hashed, and audits it as done from the command line', async () => {
    const { io, out } = fakeIo();
    expect(await run(['add', '--role', 'admin', '--name', 'Alice Martin', 'Alice'], io)).toBe(0);
    expect(out).toEqual(['Created alice (admin).']);
    const account = await findAccountByUsername(testStore.store, 'alice');
    expect(account).toMatchObject({ role: 'admin', displayName: 'Alice Martin', disabled: false });
    const { rows } = await testStore.store.query<{ password_hash: string }>(
      `select password_hash from users where username = 'alice'`,
    );
    expect(await verifyPassword(PASSWORD, rows[0]!.password_hash)).toBe(true);
    const audit = await testStore.store.query<{ action: string; address: string }>(
      'select action, address from server_audit where subject = $1',
      [`user:${account!.id}`],
    );
    expect(audit.rows).toEqual([{ action: 'user-created', address: expect.stringMatching(/^cli:/) }]);
  });

  it('lists accounts with role and state, never a password or hash', async () => {
    await run(['add', '--role', 'nurse', 'bob'], fakeIo().io);
    const { io, out } = fakeIo();
    expect(await run(['list'], io)).toBe(0);
    const listing = out.join('\n');
    expect(listing).toMatch(/alice\s+admin\s+active\s+Alice Martin/);
    expect(listing).toMatch(/bob\s+nurse\s+active/);
    expect(listing).not.toMatch(/scrypt|cli password/);
  });

  it('disables and enables an account by username', async () => {
    await run(['add', '--role', 'physician', 'carol'], fakeIo().io);
    const { io, out } = fakeIo();
    expect(await run(['disable', 'carol'], io)).toBe(0);
    expect(out).toEqual(['Disabled carol.']);
    expect((await findAccountByUsername(testStore.store, 'carol'))!.disabled).toBe(true);
    expect(await run(['enable', 'carol'], fakeIo().io)).toBe(0);
    expect((await findAccountByUsername(testStore.store, 'carol'))!.disabled).toBe(false);
  });

  it('resets a password and unlocks the account', async () => {
    await run(['add', '--role', 'nurse', 'dave'], fakeIo().io);
    await testStore.store.query(
      `update users set locked_until = now() + interval '1 hour', failed_logins = 3 where username = 'dave'`,
    );
    expect(await run(['reset-password', 'dave'], fakeIo('a brand new password').io)).toBe(0);
    const { rows } = await testStore.store.query<{ password_hash: string; locked_until: Date | null }>(
      `select password_hash, locked_until from users where username = 'dave'`,
    );
    expect(rows[0]!.locked_until).toBeNull();
    expect(await verifyPassword('a brand new password', rows[0]!.password_hash)).toBe(true);
  });

  it('refuses bad input with the usage and exit code 64, changing nothing', async () => {
    const cases: [string[], string, RegExp][] = [
      [['add', '--role', 'surgeon', 'erin'], PASSWORD, /Invalid role/],
      [['add', 'erin'], PASSWORD, /Invalid role/],
      [['add', '--role', 'nurse', 'erin'], 'short', /A password has at least 10 characters/],
      [['add', '--role', 'nurse', 'e rin'], PASSWORD, /Invalid username/],
      [['disable', 'nobody'], PASSWORD, /No account is named "nobody"/],
      [['frobnicate'], PASSWORD, /Unknown command/],
      [[], PASSWORD, /No command given/],
      [['list', '--colour'], PASSWORD, /Unknown option/],
    ];
    for (const [argv, password, message] of cases) {
      const { io, err } = fakeIo(password);
      expect(await run(argv, io)).toBe(64);
      expect(err.join('\n')).toMatch(message);
      expect(err.join('\n')).toContain('Usage: npm run user');
    }
    expect(await findAccountByUsername(testStore.store, 'erin')).toBeNull();
  });

  it('refuses a taken username with exit code 1', async () => {
    const { io, err } = fakeIo();
    expect(await run(['add', '--role', 'nurse', 'alice'], io)).toBe(1);
    expect(err.join('\n')).toContain('already taken');
  });

  it('refuses to disable the last active administrator', async () => {
    const { io, err } = fakeIo();
    expect(await run(['disable', 'alice'], io)).toBe(1);
    expect(err.join('\n')).toContain('last active administrator');
  });
});

describe('the data folder lock', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'chevet-lock-'));
  });
  afterAll(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });
  const lockPath = () => join(dataDir, LOCK_FILE_NAME);

  it('is taken with the pid inside and released on demand', async () => {
    const lock = await acquireDataLock(dataDir);
    expect(await readFile(lockPath(), 'utf8')).toBe(`${process.pid}\nthe Chevet server\n`);
    lock.release();
    expect(existsSync(lockPath())).toBe(false);
  });

  it('refuses while a live process holds it, naming that process', async () => {
    // The parent of this test worker is alive and is not this process.
    await writeFile(lockPath(), `${process.ppid}\nthe Chevet server\n`);
    const refusal = await acquireDataLock(dataDir, 'a test').catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(DataDirLockedError);
    expect((refusal as Error).message).toContain(`in use by the Chevet server (pid ${process.ppid})`);
    expect(await readFile(lockPath(), 'utf8')).toContain(String(process.ppid));
    await rm(lockPath());
  });

  it('takes over a stale lock left by a process that died', async () => {
    await writeFile(lockPath(), `${await deadPid()}\nthe Chevet server\n`);
    const lock = await acquireDataLock(dataDir, 'a test');
    expect(await readFile(lockPath(), 'utf8')).toBe(`${process.pid}\na test\n`);
    lock.release();
  });

  it.runIf(process.platform === 'linux')(
    'takes over a lock held by a killed process that nobody has reaped yet (a zombie)',
    async () => {
      // The shell starts a short-lived child, then becomes `sleep`, which never reaps it.
      const parent = spawn('sh', ['-c', 'sleep 0 & echo $!; exec sleep 30']);
      try {
        const zombie = Number(
          await new Promise<string>((resolve) =>
            parent.stdout.once('data', (d: Buffer) => resolve(String(d))),
          ),
        );
        const state = async () =>
          (await readFile(`/proc/${zombie}/stat`, 'utf8').catch(() => '')).split(') ')[1];
        for (let i = 0; i < 100 && !(await state())?.startsWith('Z'); i++)
          await new Promise((r) => setTimeout(r, 20));
        expect((await state())?.startsWith('Z')).toBe(true);
        await writeFile(lockPath(), `${zombie}\nthe Chevet server\n`);
        const lock = await acquireDataLock(dataDir, 'a test');
        expect(await readFile(lockPath(), 'utf8')).toBe(`${process.pid}\na test\n`);
        lock.release();
      } finally {
        parent.kill('SIGKILL');
      }
    },
  );

  it('makes the command refuse clearly, before opening the store, while the server holds the folder', async () => {
    await writeFile(lockPath(), `${process.ppid}\nthe Chevet server\n`);
    const result = await runCli(['list'], dataDir);
    expect(result.code).toBe(75);
    expect(result.stderr).toContain(
      `Refused: The data folder is in use by the Chevet server (pid ${process.ppid})`,
    );
    expect(existsSync(join(dataDir, 'PG_VERSION'))).toBe(false);
    await rm(lockPath());
  });

  // A cold PGlite on disk, its migrations and one production-cost hash: seconds, not milliseconds.
  it(
    'runs the real command on an embedded store, reading the password from stdin, then frees the folder',
    { timeout: 90_000 },
    async () => {
      const folder = await mkdtemp(join(tmpdir(), 'chevet-cli-'));
      try {
        const result = await runCli(
          ['add', '--role', 'admin', '--password-stdin', 'root-admin'],
          folder,
          `${PASSWORD}\n`,
        );
        expect(result).toMatchObject({ code: 0, stdout: 'Created root-admin (admin).\n' });
        expect(existsSync(join(folder, LOCK_FILE_NAME))).toBe(false);
      } finally {
        await rm(folder, { recursive: true, force: true });
      }
    },
  );
});
