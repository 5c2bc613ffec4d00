import { readFileSync, unlinkSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

// PGlite is single-process: two processes opening one data folder corrupt it (stack.md, "PGlite"). Whoever
// opens the folder (the server, the `npm run user` CLI) first takes `<dataDir>/chevet.lock`, holding its pid.

export const LOCK_FILE_NAME = 'chevet.lock';

export type DataLockHolder = { pid: number; purpose: string };

export class DataDirLockedError extends Error {
  constructor(
    readonly lockPath: string,
    readonly holder: DataLockHolder,
  ) {
    super(
      `The data folder is in use by ${holder.purpose} (pid ${holder.pid}). Stop it first, or manage accounts ` +
        `through the running server's administration screens. If no such process runs, delete ${lockPath}.`,
    );
  }
}

export type DataLock = { path: string; release(): void };

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  return !isZombie(pid);
}

/**
 * A killed process stays in the process table until its parent reaps it, and in a container whose pid 1 never
 * reaps that is forever: it answers `kill(pid, 0)` but holds no file open, so its lock is stale (Linux only).
 */
function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (command) state …": the command may itself hold spaces and parentheses.
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return false;
  }
}

async function readHolder(path: string): Promise<DataLockHolder | null> {
  try {
    const [pidLine = '', purpose = 'another process'] = (await readFile(path, 'utf8')).split('\n');
    const pid = Number(pidLine);
    return Number.isInteger(pid) && pid > 0 ? { pid, purpose } : null;
  } catch {
    return null;
  }
}

/**
 * Takes the data folder's lock for this process, or throws DataDirLockedError while a live process holds it.
 * A lock left by a dead process (a crash, a power cut) is stale and taken over. So is one holding our own pid:
 * in a container the server is often pid 1 on every start, and this process holds no lock yet.
 * The lock is released at process exit, or earlier with `release()`.
 */
export async function acquireDataLock(dataDir: string, purpose = 'the Chevet server'): Promise<DataLock> {
  await mkdir(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE_NAME);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      // `wx`: created only if absent, atomically, so two processes starting together cannot both win.
      await writeFile(path, `${process.pid}\n${purpose}\n`, { flag: 'wx' });
      return holdLock(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = await readHolder(path);
    if (holder && holder.pid !== process.pid && isAlive(holder.pid))
      throw new DataDirLockedError(path, holder);
    await rm(path, { force: true });
  }
  throw new Error(`Could not take the lock ${path}: another process keeps creating it.`);
}

function holdLock(path: string): DataLock {
  const release = () => {
    process.off('exit', release);
    try {
      // Never remove a lock that another process has since taken over.
      if (Number(readFileSync(path, 'utf8').split('\n')[0]) === process.pid) unlinkSync(path);
    } catch {
      // Already gone.
    }
  };
  // `exit` handlers must be synchronous: hence the sync file calls.
  process.on('exit', release);
  return { path, release };
}
