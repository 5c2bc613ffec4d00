// The server exactly as `npm start` runs it (package.json's "serve" script), for the processes that start it
// themselves (the e2e server, the benchmark): one place for its Node flags, both there to hold issue 12's
// 300 MB budget for the server's resident memory after a 50 000-mutation push (measured with npm run bench):
// - `--max-semi-space-size=2`: the server's garbage is short-lived request bodies, and V8's default 16 MB
//   semi-spaces stayed resident after a big push (about 300 MB, against 260–270 MB with 2 MB; push time same);
// - `--no-liftoff`: PGlite's WASM compiled once by the optimising compiler instead of a baseline copy kept
//   beside the optimised one (another 30–50 MB less; the start takes 1.7 s instead of 0.7 s).
// `--optimize-for-size` gave 220 MB as well, but a 25 % slower push.
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/** The Node arguments of `npm run serve` (its command without the leading `node`). */
export function serveArgs() {
  const [node, ...args] = pkg.scripts.serve.split(/\s+/);
  if (node !== 'node') throw new Error(`package.json "serve" should start with node: ${pkg.scripts.serve}`);
  return args;
}
