import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { runnerImport } from 'vite';

// The first screen prerendered into index.html (issue 25): at build time the sign-in and lock screens are
// rendered by react-dom/server in French (src/boot/prerender.tsx) and written into the page as a data block, with
// a small boot script (src/boot/early.ts, bundled here) inline right after them, run as the page is parsed: it
// puts the right screen into the page, checks it against IndexedDB, and only then starts the app's bundle, which
// hydrates it (src/main.tsx). Inline, because an external script (even async, from the service worker's cache)
// runs only after the page's first frame; the server allows it by its hash (server/csp.ts).

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
      // Nothing in an inline script may end the element or open a comment (which would change how it ends).
      if (/<\/script|<!--/i.test(source)) throw new Error('prerender: the boot script cannot be inlined');
      boot = { source };
      prerendered = { dataId: module.FIRST_SCREEN_DATA_ID, templates: await module.prerenderFirstScreens() };
    },
    transformIndexHtml: {
      order: 'post',
      handler(html, { bundle }) {
        if (!boot || !prerendered) throw new Error('prerender: nothing built');
        if (!bundle) throw new Error('prerender: no bundle');
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
        // The page's style sheets inline too: an external one, even from the service worker's cache, holds the
        // boot script back (a script waits for the style sheets before it) and lets the browser paint an empty
        // page first. The files stay, for whatever else asks for them.
        for (const link of html.matchAll(/<link rel="stylesheet" crossorigin href="\/([^"]+\.css)">/g)) {
          const sheet = bundle[link[1]];
          const css = sheet?.type === 'asset' ? String(sheet.source) : undefined;
          if (css === undefined) throw new Error(`prerender: ${link[1]} not in the bundle`);
          if (/<\/style/i.test(css)) throw new Error(`prerender: ${link[1]} cannot be inlined`);
          html = html.replace(link[0], () => `<style>${css}</style>`);
        }
        const root = '<div id="root"></div>';
        if (!html.includes(root)) throw new Error("prerender: index.html's root not found");
        // Right after the root and the data block it reads: run as soon as they are parsed, synchronously.
        return html.replace(entry[0], '').replace(
          root,
          // A function: `$` in the script or the data must not be read as a replacement pattern.
          () =>
            `${root}\n    <script type="application/json" id="${prerendered.dataId}">${jsonForHtml(data)}</script>` +
            `\n    <script>${boot.source}</script>`,
        );
      },
    },
  };
}
