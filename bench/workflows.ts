import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from '@playwright/test';
import { BENCH_PIN, launch, openHarness, signInWithPin, throttled } from './browser';
import { summarise } from './dataset';
import { formatFigure, type Figure } from './report';
import { startChevet, type BenchAccount } from './servers';

// Figure 10 (issue 25 item 4): the workflows' own speed, in the built app on a tablet holding the whole trial
// (bench/workflow-dataset.ts: ten participants, every record of a year, stored as a sync stores them), the CPU
// throttled 4× through CDP. Each sample is timed in the page with performance.now():
//   - a screen opening: from the navigation (history.pushState + popstate, what the router does for a tap on a
//     link) to the first frame after the screen's content is in the DOM (a MutationObserver sees it; the clock
//     stops in a message posted from the next requestAnimationFrame, i.e. once that frame is rendered);
//   - an answer: from the click on the answer's radio button to the first frame after it is shown selected (the
//     running score is rendered in that same commit: react-hook-form notifies the field and the form's watcher in
//     one event, which React renders as one update).
// Screens alternate with the home screen, so each opening mounts the screen afresh (its live queries, its
// render); one opening of each first loads and compiles its route's chunk, not counted.
// `npx tsx bench/workflows.ts` runs these rows alone (building as `npm run bench` does, unless BENCH_SKIP_BUILD).

const SAMPLES = Number(process.env.BENCH_WORKFLOW_SAMPLES ?? 20);
const BUDGET_MS = 100;
const log = (line: string) => {
  if (process.env.BENCH_VERBOSE) console.log(new Date().toISOString().slice(11, 19), line);
};

// In the page (a string: tsx would wrap named functions in a helper the page does not have).
const IN_PAGE = `
window.benchWorkflow = (() => {
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  }));
  // A screen that never shows fails the run (with what the page shows) rather than hanging it.
  const until = (ready) => new Promise((resolve, reject) => {
    if (ready()) return resolve();
    const timeout = setTimeout(() => {
      observer.disconnect();
      reject(new Error('not shown after 20 s at ' + location.pathname + ': ' + document.body.innerText.slice(0, 600)));
    }, 20000);
    const observer = new MutationObserver(() => {
      if (!ready()) return;
      observer.disconnect();
      clearTimeout(timeout);
      resolve();
    });
    observer.observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
  });
  // Each sample starts from a settled page, as a person's tap does (nobody taps within a frame of a screen
  // opening): the work a screen does after it is usable (its lists' other items, its live queries' updates) is
  // not charged to the next sample.
  const settled = () => new Promise((resolve) => requestIdleCallback(() => resolve(), { timeout: 1000 }));
  const timed = async (act, ready) => {
    await settled();
    const started = performance.now();
    act();
    await until(ready);
    const inDom = performance.now() - started;
    await frame();
    const shown = performance.now() - started;
    // In a trace (BENCH_TRACE), the sample's span.
    performance.measure('bench sample', { start: started, duration: shown });
    return { shown, inDom };
  };
  const navigate = (path, ready) => timed(() => {
    history.pushState(null, '', path);
    dispatchEvent(new PopStateEvent('popstate', { state: null }));
  }, ready);
  const $ = (selector) => document.querySelector(selector);
  const $$ = (selector) => document.querySelectorAll(selector);
  return {
    infusion: (id, trialNumber) => navigate('/participants/' + id + '/infusion', () => {
      const title = $('[data-testid="participant-title"]');
      return !!title && title.textContent.includes(trialNumber) && !!$('[data-testid="infusion-ended"]')
        && $$('[data-testid="check-schedule"] li').length > 0 && $$('[data-testid="timeline-row"]').length > 0;
    }),
    home: (checks) => navigate('/', () => !!$('[data-testid="due-now"]') && $$('[data-testid="due-now-check"]').length >= checks),
    // Usable: the fields enabled (they are disabled while the form's draft is read). A long form shows its first
    // screenful of items first, the others right after (useRevealed): 'whole' is when all \`items\` are drawn too.
    form: async (path, testId, items) => {
      const started = performance.now();
      const timing = await navigate(path, () => !!$('[data-testid="' + testId + '"]') && !!$('[data-testid="running-score"]')
        && $('fieldset.assessment-fields') !== null && !$('fieldset.assessment-fields').disabled);
      await until(() => $$(items.selector).length >= items.count);
      await frame();
      return { ...timing, whole: performance.now() - started };
    },
    // The chosen answer shown selected: the same React commit renders the running score (one form state), so
    // the score on screen is the one of this answer (the SF-36's health-transition item changes no score).
    answer: async (item, index) => {
      const before = $('[data-testid="running-score"]').textContent;
      const input = $('[data-testid="' + item + '"]').querySelectorAll('input[type="radio"]')[index];
      const timing = await timed(() => input.click(), () => input.closest('label').classList.contains('selected'));
      return { ...timing, changed: $('[data-testid="running-score"]').textContent !== before };
    },
    count: (selector) => $$(selector).length,
  };
})();
`;

type Timing = { shown: number; inDom: number; changed?: boolean; whole?: number };
type Items = { selector: string; count: number };
declare global {
  interface Window {
    benchWorkflow: {
      infusion(id: string, trialNumber: string): Promise<Timing>;
      home(checks: number): Promise<Timing>;
      form(path: string, testId: string, items: Items): Promise<Timing>;
      answer(item: string, index: number): Promise<Timing>;
      count(selector: string): number;
    };
  }
}

/** A full load of the app on its (re)seeded database: it comes back locked (its keys live in memory). */
async function reload(app: Page, appUrl: string) {
  await app.goto(`${appUrl}/`);
  await app.locator('#unlock-pin').fill(BENCH_PIN);
  await app.getByTestId('unlock-form').locator('button[type="submit"]').click();
  await app.getByTestId('session-who').waitFor();
  await app.evaluate(IN_PAGE);
}

/**
 * With BENCH_PROFILE=<folder>: a CPU profile of `work` (CDP's sampling profiler) written there as <name>.cpuprofile,
 * to open in Chrome's DevTools (the figures of a profiled run are not the bench's: the profiler costs time).
 */
async function profiled<T>(page: Page, name: string, work: () => Promise<T>): Promise<T> {
  const traces = process.env.BENCH_TRACE;
  if (traces) {
    const browser = page.context().browser()!;
    await browser.startTracing(page, {
      path: join(traces, `${name}.trace.json`),
      categories: [
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'blink.user_timing',
        'v8.execute',
      ],
    });
    try {
      return await work();
    } finally {
      await browser.stopTracing();
    }
  }
  const folder = process.env.BENCH_PROFILE;
  if (!folder) return work();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const metrics = async () =>
    Object.fromEntries(
      (await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value] as const),
    );
  const before = await metrics();
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await cdp.send('Profiler.stop');
    writeFileSync(join(folder, `${name}.cpuprofile`), JSON.stringify(profile));
    const after = await metrics();
    const spent = (key: string) => `${key} ${((after[key]! - before[key]!) * 1000).toFixed(0)} ms`;
    console.log(
      `${name}: ${['TaskDuration', 'ScriptDuration', 'RecalcStyleDuration', 'LayoutDuration'].map(spent).join(', ')}; ${after.LayoutCount! - before.LayoutCount!} layouts, ${after.RecalcStyleCount! - before.RecalcStyleCount!} style recalcs, ${after.Nodes} nodes`,
    );
    await cdp.detach();
  }
}

function row(id: string, name: string, timings: Timing[], note: string): Figure {
  const shown = summarise(timings.map((t) => t.shown));
  const inDom = summarise(timings.map((t) => t.inDom));
  const changed = timings.filter((t) => t.changed).length;
  if (timings.some((t) => t.whole !== undefined)) {
    const whole = summarise(timings.map((t) => t.whole ?? NaN));
    note += `; every item drawn (the rest of the form, below the first screenful, after it) p50/p95 ${whole.p50.toFixed(0)}/${whole.p95.toFixed(0)} ms`;
  }
  if (timings.some((t) => t.changed !== undefined))
    note += `; ${changed} of ${timings.length} changed the score's text`;
  return {
    id,
    name,
    value: shown.p95,
    unit: 'ms',
    budget: `≤ ${BUDGET_MS} ms`,
    ok: shown.p95 <= BUDGET_MS,
    detail: {
      note: `p50 ${shown.p50.toFixed(0)} ms; in the DOM p50/p95 ${inDom.p50.toFixed(0)}/${inDom.p95.toFixed(0)} ms; ${note}`,
      ...shown,
      samples: timings.map((t) => Math.round(t.shown)),
    },
  };
}

export async function workflowFigures(
  browser: Browser,
  appUrl: string,
  harnessDir: string,
  physician: BenchAccount,
  samples = SAMPLES,
): Promise<Figure[]> {
  const { context, page: harness } = await openHarness(browser, appUrl, harnessDir);
  try {
    const app = await context.newPage();
    await app.goto(`${appUrl}/`);
    await signInWithPin(app, physician);
    const seed = (moment: 'year' | 'due') =>
      harness.evaluate(([m, now]) => window.chevetBench.seedWorkflows('chevet', m, now), [
        moment,
        Date.now(),
      ] as const);

    // The trial a year on: the infusion screens and the last participant's M12 forms.
    const year = await seed('year');
    log(`workflows: a year on, ${year.records} records stored`);
    await reload(app, appUrl);
    const last = year.patientIds.length - 1;
    const sledai = `/participants/${year.patientIds[last]}/visits/M12/sledai`;
    const sf36 = `/participants/${year.patientIds[last]}/visits/M12/sf36`;
    const infusionOf = (trial: typeof year, p: number) =>
      app.evaluate(([id, n]) => window.benchWorkflow.infusion(id, n), [
        trial.patientIds[p]!,
        trial.trialNumbers[p]!,
      ] as const);
    const home = (checks = 0) => app.evaluate((n) => window.benchWorkflow.home(n), checks);
    // Every item of the form: SLEDAI's 24 descriptors, SF-36's 36 items.
    const items = (testId: string): Items =>
      testId === 'assessment-sledai'
        ? { selector: '[data-testid^="sledai-"]', count: 24 }
        : { selector: '[data-testid^="sf36-item-"]', count: 36 };
    const form = (path: string, testId: string) =>
      app.evaluate(([path, testId, items]) => window.benchWorkflow.form(path, testId, items), [
        path,
        testId,
        items(testId),
      ] as const);
    const answer = (item: string, index: number) =>
      app.evaluate(([item, index]) => window.benchWorkflow.answer(item, index), [item, index] as const);
    const measured = await throttled(app, 4, async () => {
      await infusionOf(year, 0);
      await home();
      log('workflows: infusion screens');
      const infusion = await profiled(app, 'infusion', async () => {
        const out: Timing[] = [];
        for (let s = 0; s < samples; s++) {
          out.push(await infusionOf(year, s % year.patientIds.length));
          await home();
        }
        return out;
      });
      log('workflows: forms');
      await form(sledai, 'assessment-sledai');
      await home();
      const open = await profiled(app, 'form-open', async () => {
        const out: Timing[] = [];
        for (let s = 0; s < samples; s++) {
          out.push(await form(sledai, 'assessment-sledai'));
          await home();
        }
        return out;
      });
      // A new form filled in: each of the 24 descriptors answered in turn (present for every fifth), then each of
      // the SF-36's 36 items (its second answer).
      await form(sledai, 'assessment-sledai');
      const descriptors = await app.evaluate(() =>
        [...document.querySelectorAll('[data-testid^="sledai-"]')].map((e) => e.getAttribute('data-testid')!),
      );
      log('workflows: SLEDAI answers');
      const sledaiAnswers = await profiled(app, 'sledai-answers', async () => {
        const out: Timing[] = [];
        for (const [i, item] of descriptors.entries()) out.push(await answer(item, i % 5 === 0 ? 0 : 1));
        return out;
      });
      await home();
      await form(sf36, 'assessment-sf36');
      log('workflows: SF-36 answers');
      const sf36Answers = await profiled(app, 'sf36-answers', async () => {
        const out: Timing[] = [];
        for (let item = 1; item <= 36; item++) out.push(await answer(`sf36-item-${item}`, 1));
        return out;
      });
      return { infusion, open, sledaiAnswers, sf36Answers, descriptors: descriptors.length };
    });
    const yearRecords = `${year.records} records (${Object.entries(year.counts)
      .map(([k, n]) => `${n} ${k}`)
      .join(', ')})`;

    // The ten participants in their 10-day windows at once: the "due now" screen.
    const due = await seed('due');
    log(`workflows: ten 10-day windows, ${due.records} records stored`);
    await reload(app, appUrl);
    await app.getByTestId('due-now-check').first().waitFor({ timeout: 30_000 });
    const checks = await app.evaluate(() => window.benchWorkflow.count('[data-testid="due-now-check"]'));
    const dueNow = await throttled(app, 4, async () => {
      await infusionOf(due, 9);
      return profiled(app, 'due-now', async () => {
        const out: Timing[] = [];
        for (let s = 0; s < samples; s++) {
          out.push(await home(checks));
          await infusionOf(due, s % due.patientIds.length);
        }
        return out;
      });
    });

    return [
      row(
        '10a',
        "4× CPU, a participant's infusion screen opens, p95",
        measured.infusion,
        `navigation from home to /participants/:id/infusion → the ended infusion, its checks and timeline shown; a year on, ${yearRecords}`,
      ),
      row(
        '10b',
        '4× CPU, "due now" (home) with 10 participants\' checks, p95',
        dueNow,
        `navigation from an infusion screen to / → ${checks} due/overdue day checks shown; ten participants 1–10 days after their infusions, ${due.records} records`,
      ),
      row(
        '10c',
        '4× CPU, SELENA-SLEDAI answer → live score shown, p95',
        measured.sledaiAnswers,
        `click on a descriptor's present/absent → running score updated; ${measured.descriptors} descriptors of a new M12 form`,
      ),
      row(
        '10d',
        '4× CPU, SF-36 answer → live score shown, p95',
        measured.sf36Answers,
        'click on an answer → running score updated; 36 items of a new M12 questionnaire',
      ),
      row(
        '10e',
        '4× CPU, an instrument form (SLEDAI) opens with its score, p95',
        measured.open,
        'navigation from home to …/visits/M12/sledai → the form, its running score and its fields enabled (once its draft is read)',
      ),
    ];
  } finally {
    await context.close();
  }
}

async function main() {
  const physician = {
    username: 'bench-physician',
    password: 'bench-physician-password-1',
    role: 'physician',
  };
  const browser = await launch();
  const app = await startChevet({ accounts: [physician] });
  try {
    // Imported here: run.ts imports this module for the whole bench.
    const { buildAll, HARNESS_DIR } = await import('./run');
    await buildAll();
    const before = loadavg()[0]!.toFixed(1);
    for (const figure of await workflowFigures(browser, app.baseUrl, HARNESS_DIR, physician))
      console.log(formatFigure(figure));
    console.log(`load average ${before} → ${loadavg()[0]!.toFixed(1)}`);
  } finally {
    await browser.close();
    await app.stop();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
