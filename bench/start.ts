import { fileURLToPath } from 'node:url';
import { loadavg } from 'node:os';
import { coldStarts, signInWithPin } from './browser';
import { summarise } from './dataset';
import { formatFigure, ratioTo, type Figure } from './report';
import { startChevet, startMinimalPwa, type BenchAccount } from './servers';

// Figure 2 (issue 12, issue 25 item 1): offline cold starts at 4× CPU, the app against the minimal PWA, samples
// alternated in one run. Both first screens of a tablet: the sign-in form (nobody has signed in here yet) and the
// lock screen's PIN field (someone has: the tablet's everyday start).
// `npx tsx bench/start.ts` runs these rows alone (after `npm run build`).

const median = (values: number[]) => summarise(values).p50;

export async function coldStartFigures(
  appUrl: string,
  minimalUrl: string,
  account: BenchAccount,
  samples: number,
): Promise<Figure[]> {
  const cold = await coldStarts(
    [
      { name: 'sign-in', url: `${appUrl}/`, selector: '[data-testid="login-screen"] input' },
      {
        name: 'lock',
        url: `${appUrl}/`,
        selector: '#unlock-pin',
        setUp: (page) => signInWithPin(page, account),
      },
      { name: 'minimal', url: `${minimalUrl}/`, selector: '#tap' },
    ],
    samples,
  );
  const rows = [
    ['2a', 'sign-in', 'lcp', 'offline cold start, 4× CPU, sign-in: largest contentful paint'],
    ['2b', 'sign-in', 'control', 'offline cold start, 4× CPU, sign-in: first usable control'],
    ['2c', 'lock', 'lcp', 'offline cold start, 4× CPU, lock screen: largest contentful paint'],
    ['2d', 'lock', 'control', 'offline cold start, 4× CPU, lock screen: PIN field'],
  ] as const;
  return rows.map(([id, screen, key, name]) => {
    const value = median(cold[screen]![key]);
    const yardstick = median(cold.minimal![key]);
    return {
      id,
      name,
      value,
      unit: 'ms',
      budget: '≤ 1.5× minimal PWA',
      ok: value <= 1.5 * yardstick,
      minimal: ratioTo(value, yardstick),
      detail: { samples, chevet: cold[screen]![key], minimal: cold.minimal![key] },
    };
  });
}

async function main() {
  const account = { username: 'bench-nurse', password: 'bench-nurse-password-1', role: 'nurse' };
  const app = await startChevet({ accounts: [account] });
  const minimal = await startMinimalPwa();
  try {
    const before = loadavg()[0]!.toFixed(1);
    const figures = await coldStartFigures(
      app.baseUrl,
      minimal.baseUrl,
      account,
      Number(process.env.BENCH_COLD_STARTS ?? 7),
    );
    for (const figure of figures) console.log(formatFigure(figure));
    console.log(`load average ${before} → ${loadavg()[0]!.toFixed(1)}`);
  } finally {
    await minimal.stop();
    await app.stop();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
