// `npm run build`, second half: the server bundled into dist-server/ so that `npm start` runs plain Node. Under
// tsx the server process carried the TypeScript loader (a second V8 isolate, with its own tsx parent process):
// about 90 MB more resident memory and a slower start, for a transformation that can be done once here.
import { build } from 'esbuild';

await build({
  entryPoints: { main: 'server/main.ts' },
  outdir: 'dist-server',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Dependencies stay in node_modules (PGlite finds its WASM files next to its own modules).
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
});
