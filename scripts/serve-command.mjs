// The server exactly as `npm start` runs it (package.json's "serve" script), for the processes that start it
// themselves (the e2e server, the benchmark): one place for its Node flags, both there to hold issue 12's
// 300 MB budget for the server's resident memory after a 50 000-mutation push (measured with npm run bench)
// while starting fast:
// - `--max-semi-space-size=2`: the server's garbage is short-lived request bodies, and V8's default 16 MB
//   semi-spaces stayed resident after a big push (about 300 MB, against 260–270 MB with 2 MB; push time same);
// - `--v8-pool-size=1`: one V8 worker thread instead of one per core. PGlite's WASM is compiled by the baseline
//   compiler (Liftoff) as it first runs, and its hot functions again by the optimising one in the background;
//   each worker thread kept its own malloc arena and compilation memory (RSS 270–305 MB after the push, against
//   226–246 MB with one). It replaces `--no-liftoff` (everything compiled by the optimising compiler only, as
//   small), which made a start on an existing store take 2.3 s on a quiet machine and 5–11 s on a loaded one,
//   against 0.8–1.4 s now (issue 25; `npm run bench`, figures 8a and 9).
// `--optimize-for-size` gave 220 MB as well, but a 25 % slower push.
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/** The Node arguments of `npm run serve` (its command without the leading `node`). */
export function serveArgs() {
  const [node, ...args] = pkg.scripts.serve.split(/\s+/);
  if (node !== 'node') throw new Error(`package.json "serve" should start with node: ${pkg.scripts.serve}`);
  return args;
}
