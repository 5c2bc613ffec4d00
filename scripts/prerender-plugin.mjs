import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { runnerImport } from 'vite';

// The first screen prerendered into index.html (issue 25): at build time the sign-in and lock screens are
// rendered by react-dom/server in French (src/boot/prerender.tsx) and written into the page as a data block, with
// a small boot script (src/boot/early.ts, bundled here) that reads who may unlock with raw IndexedDB, puts the
// right screen into the page and only then starts the app's bundle, which hydrates it (src/main.tsx).

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SRC = `${ROOT}src`;

async function bootScript() {
  const result = await build({
    entryPoints: [`${SRC}/boot/early.ts`],
    bundle: true,
    format: 'iife',
    target: 'es2022',
    minify: true,
    write: false,
    legalComments: 'none',
    tsconfig: `${ROOT}tsconfig.json`,
    logLevel: 'warning',
  });
  return result.outputFiles[0].text;
}

/** src/boot/prerender.tsx, run in Node through Vite (its aliases, JSX). */
async function prerenderModule() {
  const { module } = await runnerImport(`${SRC}/boot/prerender.tsx`, {
    configFile: false,
    root: ROOT,
    logLevel: 'warn',
    resolve: { alias: { '@': SRC } },
    define: { __APP_VERSION__: JSON.stringify('prerender') },
  });
  return module;
}

// In a <script type="application/json"> block nothing may close the element or open a comment.
const jsonForHtml = (value) =>
  JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');

/** @returns {import('vite').Plugin} */
export function prerenderFirstScreen() {
  let boot;
  let prerendered;
  return {
    name: 'chevet:prerender-first-screen',
    apply: 'build',
    async buildStart() {
      const [source, module] = await Promise.all([bootScript(), prerenderModule()]);
      const hash = createHash('sha256').update(source).digest('base64url').slice(0, 8);
      boot = { fileName: `assets/boot-${hash}.js`, source };
      prerendered = { dataId: module.FIRST_SCREEN_DATA_ID, templates: await module.prerenderFirstScreens() };
      this.emitFile({ type: 'asset', fileName: boot.fileName, source });
    },
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        if (!boot || !prerendered) throw new Error('prerender: nothing built');
        const entry = /<script type="module" crossorigin src="([^"]+)"><\/script>/.exec(html);
        if (!entry) throw new Error("prerender: index.html's entry script not found");
        // The entry and its imports are started by the boot script after the first screen is painted: fetched
        // and compiled meanwhile, they would hold the main thread before it (the bundle check counts them here).
        const preloads = [...html.matchAll(/\s*<link rel="modulepreload" crossorigin href="([^"]+)">/g)];
        /** @type {import('../src/boot/boot').FirstScreenData} */
        const data = {
          main: entry[1],
          preload: preloads.map((link) => link[1]),
          templates: prerendered.templates,
        };
        for (const link of preloads) html = html.replace(link[0], '');
        // The boot script first in the head, async: it starts reading IndexedDB as soon as it has arrived, without
        // waiting for the style sheets (a script after them would) or for the parser.
        return html
          .replace(entry[0], '')
          .replace('<title>', `<script async src="/${boot.fileName}"></script>\n    <title>`)
          .replace(
            '</body>',
            `<script type="application/json" id="${prerendered.dataId}">${jsonForHtml(data)}</script>\n  </body>`,
          );
      },
    },
  };
}
