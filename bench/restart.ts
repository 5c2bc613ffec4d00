import { spawn } from 'node:child_process';
import { serveArgs } from '../scripts/serve-command.mjs';
import { summarise } from './dataset';
import { cpuMs, ROOT, stopChild, waitFor, type ChevetServer } from './servers';

// Figure 9 (issue 25): a store back in seconds. The server, as `npm run serve` runs it, started again on a
// store that holds the whole trial: the time from the process's spawn to its first answer of /api/health.
// First after SIGKILLs (the first one ends the server that has just taken the whole push and pulls, so that
// start recovers the store from its WAL; each next one is killed idle after its start), then after clean stops.

export async function restartTimes(server: ChevetServer, runs: number) {
  const start = async () => {
    const started = performance.now();
    const child = spawn(process.execPath, serveArgs(), {
      cwd: ROOT,
      env: server.env,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    await waitFor(`${server.baseUrl}/api/health`, child, 10);
    return { ms: performance.now() - started, cpuMs: cpuMs(child.pid!), child };
  };
  await server.halt('SIGKILL');
  const afterKill: number[] = [];
  const afterStop: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < 2 * runs; i++) {
    const { ms, cpuMs, child } = await start();
    (i < runs ? afterKill : afterStop).push(ms);
    cpu.push(cpuMs);
    await stopChild(child, i < runs - 1 ? 'SIGKILL' : 'SIGTERM');
  }
  return {
    afterKill,
    afterStop,
    afterKillP50: summarise(afterKill).p50,
    afterStopP50: summarise(afterStop).p50,
    /** The CPU time each start took until it answered (the machine's load lengthens the wall time, not this). */
    cpuP50: summarise(cpu).p50,
  };
}
