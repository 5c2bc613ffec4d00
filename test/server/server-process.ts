import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The real server as a process of its own, on a throw-away embedded store: for the tests that kill it,
// restart it or watch its memory (server tests run the source under tsx; the browser tests run the bundle).

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** From the source, as tests run it. */
export const SOURCE_SERVER = ['--import', 'tsx', 'server/main.ts'];

export class ServerProcess {
  /** The data folder (created empty: the server creates its store there at first start). */
  readonly dataDir = join(mkdtempSync(join(tmpdir(), 'chevet-server-')), 'data');
  private child: ChildProcess | undefined;
  private exited: Promise<number | null> = Promise.resolve(null);

  constructor(
    readonly port: number,
    private readonly nodeArgs: readonly string[] = SOURCE_SERVER,
  ) {}

  static async create(nodeArgs?: readonly string[]) {
    return new ServerProcess(await freePort(), nodeArgs);
  }

  get url() {
    return `http://127.0.0.1:${this.port}`;
  }
  get pid() {
    return this.child?.pid;
  }
  private get env() {
    return {
      ...process.env,
      DATA_DIR: this.dataDir,
      PORT: String(this.port),
      HOST: '127.0.0.1',
      DATABASE_URL: '',
    };
  }

  /** An account created through the real user CLI (the server must not be running: it holds the folder). */
  addUser(role: string, username: string, password: string) {
    execFileSync('npx', ['tsx', 'server/cli/user.ts', 'add', '--role', role, '--password-stdin', username], {
      env: this.env,
      input: `${password}\n`,
      stdio: ['pipe', 'ignore', 'inherit'],
    });
  }

  /** Starts Node itself (no npx wrapper, so its exit is observable) and waits until it answers health. */
  async start() {
    const child = spawn(process.execPath, [...this.nodeArgs], {
      env: this.env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    let gone = false;
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    void this.exited.then(() => (gone = true));
    for (let i = 0; i < 600 && !gone; i++) {
      try {
        if ((await fetch(`${this.url}/api/health`)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`the server did not start${gone ? ' (it exited)' : ''}: ${stderr.slice(-2000)}`);
  }

  /** Signals the server and waits until it is gone (as a supervisor restarts a crashed server after its exit). */
  async stop(signal: NodeJS.Signals = 'SIGKILL'): Promise<number | null> {
    this.child?.kill(signal);
    this.child = undefined;
    return this.exited;
  }

  async remove() {
    await this.stop();
    rmSync(join(this.dataDir, '..'), { recursive: true, force: true });
  }
}
