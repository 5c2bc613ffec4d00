// Figure 1 of the performance budget (issue 12): the gzip size of the scripts and modulepreloads that
// index.html loads before any lazy route — its own (its inline boot script included), and those its boot script
// starts after the prerendered first screen (the entry and its imports, listed in the first screen's data block:
// scripts/prerender-plugin.mjs).
// Deterministic, so CI fails when it is exceeded.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

export const INITIAL_JS_BUDGET_KB = 200;

export function initialJsGzipKb(distDir = 'dist') {
  const html = readFileSync(`${distDir}/index.html`, 'utf8');
  const sources = new Set();
  for (const match of html.matchAll(
    /<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="([^"]+\.js)"/g,
  )) {
    sources.add(match[1]);
  }
  const data = /<script type="application\/json" id="chevet-first-screen">(.*?)<\/script>/s.exec(html);
  if (data) {
    const { main, preload } = JSON.parse(data[1]);
    for (const src of [main, ...preload]) sources.add(src);
  }
  let bytes = 0;
  for (const src of sources) bytes += gzipSync(readFileSync(`${distDir}${src}`), { level: 9 }).length;
  let inline = 0;
  for (const [, attributes, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    if (/\b(?:src|type)=/.test(attributes)) continue;
    bytes += gzipSync(body, { level: 9 }).length;
    inline += 1;
  }
  return { kb: bytes / 1000, files: [...sources, ...(inline ? [`${inline} inline`] : [])] };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { kb, files } = initialJsGzipKb();
  const ok = kb <= INITIAL_JS_BUDGET_KB;
  console.log(
    `initial JS: ${kb.toFixed(1)} kB gz (${files.length} files), budget ${INITIAL_JS_BUDGET_KB} kB: ${ok ? 'ok' : 'OVER'}`,
  );
  process.exit(ok ? 0 : 1);
}
