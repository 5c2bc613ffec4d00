// The server exactly as `npm start` runs it (package.json's "serve" script), for the processes that start it
// themselves (the e2e server, the benchmark): one place for its Node flags. `--max-semi-space-size=2` keeps
// V8's young generation small: the server's garbage is short-lived request bodies, and the default 16 MB
// semi-spaces stayed resident after a big push (RSS after the 50 000 push: 260–270 MB instead of about 300 with
// the default, push time unchanged; `--optimize-for-size` gave 220 MB but a 25 % slower push).
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

/** The Node arguments of `npm run serve` (its command without the leading `node`). */
export function serveArgs() {
  const [node, ...args] = pkg.scripts.serve.split(/\s+/);
  if (node !== 'node') throw new Error(`package.json "serve" should start with node: ${pkg.scripts.serve}`);
  return args;
}
