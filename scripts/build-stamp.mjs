// `npm start` and `npm run demo` build the app only when its sources changed since the last build (issue 25):
// `npm run build` ends by writing a stamp, the hash of everything the build reads, into dist-server/; a start
// whose hash matches the stamp (and finds both builds) skips the build, otherwise it builds and writes a new one.
//   node scripts/build-stamp.mjs --write             (the last step of npm run build)
//   node scripts/build-stamp.mjs --build-if-changed  (the first step of npm start)
// The hash is of the files' contents, not their times, so a checkout, a copy or a touch alone rebuilds nothing.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** What `npm run build` reads: the app's and the server's sources, the build scripts, their configuration. */
export const BUILD_INPUTS = [
  'src',
  'server',
  'public',
  'scripts',
  'index.html',
  'vite.config.ts',
  'tsconfig.json',
  'package.json',
  'package-lock.json',
];
export const STAMP = join(ROOT, 'dist-server', 'build-stamp.txt');
const OUTPUTS = [join(ROOT, 'dist', 'index.html'), join(ROOT, 'dist-server', 'main.js')];

function files(path) {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => files(join(path, name)));
}

/** One hash of the build's inputs: each file's path and contents. */
export function sourcesHash(root = ROOT) {
  const hash = createHash('sha256');
  for (const file of BUILD_INPUTS.flatMap((input) => files(join(root, input)))) {
    hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}

/** True when the last build is of these very sources. */
export function buildIsCurrent(hash = sourcesHash()) {
  return (
    OUTPUTS.every((output) => existsSync(output)) &&
    existsSync(STAMP) &&
    readFileSync(STAMP, 'utf8').trim() === hash
  );
}

const mode = process.argv[1] === fileURLToPath(import.meta.url) ? process.argv[2] : undefined;
if (mode === '--write') {
  writeFileSync(STAMP, `${sourcesHash()}\n`);
} else if (mode === '--build-if-changed') {
  const hash = sourcesHash();
  if (buildIsCurrent(hash)) {
    console.log('The app is built from these sources already: starting it.');
  } else {
    console.log('Building the app (its sources changed since the last build, or it was never built)…');
    // The stamp written by the build is of the sources as they were when it started, read again here.
    execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: 'inherit' });
    writeFileSync(STAMP, `${hash}\n`);
  }
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.error(`usage: node scripts/build-stamp.mjs --write | --build-if-changed`);
  process.exit(2);
}
