import { fileURLToPath } from 'node:url';
import { loadavg } from 'node:os';
import { MAX_PUSH_BATCH } from '../src/schema/sync';
import { makeTrial, summarise } from './dataset';
import { pullAll, pushAll, signIn } from './http-sync';
import { pouchReplication } from './pouchdb';
import { formatFigure, type Figure } from './report';
import { cpuMs, rssMb, startChevet, startPostgres } from './servers';

// Figures 5, 7 and 8a (issue 12, issue 25 item 2): the whole trial pushed and pulled through the HTTP API, on
// PGlite and on PostgreSQL, the server's memory after the push, and PouchDB's replication of the same documents.
// `npx tsx bench/sync.ts` runs these rows alone (after `npm run build`; `BENCH_RUNS` rounds on PGlite, 3 by default).

export const NURSE = { username: 'bench-nurse', password: 'bench-nurse-password-1', role: 'nurse' };
export const PHYSICIAN = {
  username: 'bench-physician',
  password: 'bench-physician-password-1',
  role: 'physician',
};
export const ACCOUNTS = [NURSE, PHYSICIAN];
/** Chevet's push batch, which PouchDB's replication is given too. */
export const PUSH_BATCH = MAX_PUSH_BATCH;

const median = (values: number[]) => summarise(values).p50;

type Trial = ReturnType<typeof makeTrial>;
export type SyncRound = Awaited<ReturnType<typeof syncRound>>;

/** One whole-trial round trip through the HTTP API; the server is left running for the caller. */
export async function syncRound(trial: Trial, databaseUrl?: string) {
  const server = await startChevet({ accounts: ACCOUNTS, databaseUrl });
  const physician = await signIn(server.baseUrl, PHYSICIAN.username, PHYSICIAN.password, 'bench physician');
  await pushAll(server.baseUrl, physician, trial.participants);
  const nurse = await signIn(server.baseUrl, NURSE.username, NURSE.password, 'bench nurse tablet');
  // The server's CPU time beside each wall time: on a shared machine it moves far less with the load.
  let cpu = cpuMs(server.pid);
  const pushMs = await pushAll(server.baseUrl, nurse, trial.vitalSigns);
  const pushCpuMs = cpuMs(server.pid) - cpu;
  const serverRss = rssMb(server.pid);
  const fresh = await signIn(server.baseUrl, PHYSICIAN.username, PHYSICIAN.password, 'bench fresh tablet');
  cpu = cpuMs(server.pid);
  const pull = await pullAll(server.baseUrl, fresh);
  const pullCpuMs = cpuMs(server.pid) - cpu;
  const expected = trial.participants.length + trial.vitalSigns.length;
  if (pull.count !== expected) throw new Error(`pulled ${pull.count} changes, expected ${expected}`);
  return { server, pushMs, pullMs: pull.ms, serverRss, pushCpuMs, pullCpuMs };
}

/** Figures 5a, 5b and 8a from the PGlite rounds (medians; the largest RSS). */
export function roundFigures(rounds: readonly SyncRound[], records: number): Figure[] {
  const pushMs = median(rounds.map((r) => r.pushMs));
  const pullMs = median(rounds.map((r) => r.pullMs));
  const serverRss = Math.max(...rounds.map((r) => r.serverRss ?? 0));
  return [
    {
      id: '5a',
      name: `push ${records} vital signs, HTTP, PGlite (batches of ${PUSH_BATCH})`,
      value: pushMs,
      unit: 'ms',
      budget: '≤ 3000 ms',
      ok: pushMs <= 3000,
      detail: {
        runs: rounds.map((r) => r.pushMs),
        serverCpuMs: rounds.map((r) => r.pushCpuMs),
        note: `server CPU ${median(rounds.map((r) => r.pushCpuMs)).toFixed(0)} ms`,
      },
    },
    {
      id: '5b',
      name: `pull ${records} whole by a fresh device, HTTP, PGlite`,
      value: pullMs,
      unit: 'ms',
      budget: '≤ 3000 ms',
      ok: pullMs <= 3000,
      detail: {
        runs: rounds.map((r) => r.pullMs),
        serverCpuMs: rounds.map((r) => r.pullCpuMs),
        note: `server CPU ${median(rounds.map((r) => r.pullCpuMs)).toFixed(0)} ms`,
      },
    },
    {
      id: '8a',
      name: `server RSS after the ${records} push (PGlite)`,
      value: serverRss,
      unit: 'MB',
      budget: '≤ 300 MB',
      ok: serverRss <= 300,
      detail: { note: 'the largest of the runs', runs: rounds.map((r) => r.serverRss) },
    },
  ];
}

/** Figure 7: PouchDB's replication total over Chevet's push + pull total. */
export function pouchFigure(
  pouch: Awaited<ReturnType<typeof pouchReplication>>,
  chevetTotal: number,
): Figure {
  const pouchTotal = pouch.pushMs + pouch.pullMs;
  return {
    id: '7',
    name: 'PouchDB/CouchDB replication total ÷ Chevet sync total (5)',
    value: pouchTotal / chevetTotal,
    unit: '×',
    budget: '≥ 5×',
    ok: pouchTotal / chevetTotal >= 5,
    detail: {
      note: `PouchDB push ${pouch.pushMs.toFixed(0)} ms + pull ${pouch.pullMs.toFixed(0)} ms; Chevet ${chevetTotal.toFixed(0)} ms`,
      ...pouch,
    },
  };
}

/** Figures 5c and 5d: one round on a throw-away PostgreSQL (skipped without one). */
export async function postgresFigures(trial: Trial): Promise<Figure[]> {
  const postgres = await startPostgres();
  if (!postgres)
    return [
      {
        id: '5c',
        name: 'push + pull on PostgreSQL',
        value: null,
        unit: 'ms',
        budget: null,
        ok: null,
        skipped: 'no PostgreSQL',
      },
    ];
  try {
    const round = await syncRound(trial, postgres.url);
    await round.server.stop();
    const records = trial.vitalSigns.length;
    return [
      {
        id: '5c',
        name: `push ${records} vital signs, HTTP, PostgreSQL`,
        value: round.pushMs,
        unit: 'ms',
        budget: null,
        ok: null,
      },
      {
        id: '5d',
        name: `pull ${records} whole by a fresh device, HTTP, PostgreSQL`,
        value: round.pullMs,
        unit: 'ms',
        budget: null,
        ok: null,
        detail: { note: `server RSS ${round.serverRss?.toFixed(0)} MB` },
      },
    ];
  } finally {
    await postgres.stop();
  }
}

async function main() {
  const before = loadavg()[0]!.toFixed(1);
  const trial = makeTrial();
  const rounds: SyncRound[] = [];
  for (let r = 0; r < Number(process.env.BENCH_RUNS ?? 3); r++) {
    const round = await syncRound(trial);
    await round.server.stop();
    rounds.push(round);
    console.log(
      `round ${r + 1}: push ${round.pushMs.toFixed(0)} ms (server CPU ${round.pushCpuMs} ms), pull ${round.pullMs.toFixed(0)} ms (${round.pullCpuMs} ms)`,
    );
  }
  const figures = roundFigures(rounds, trial.vitalSigns.length);
  const chevetTotal = median(rounds.map((r) => r.pushMs)) + median(rounds.map((r) => r.pullMs));
  if (!process.env.BENCH_SKIP_POUCH)
    figures.push(pouchFigure(await pouchReplication(trial.vitalSigns, PUSH_BATCH), chevetTotal));
  if (!process.env.BENCH_SKIP_POSTGRES) figures.push(...(await postgresFigures(trial)));
  for (const figure of figures) console.log(formatFigure(figure));
  console.log(`load average ${before} → ${loadavg()[0]!.toFixed(1)}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
