// Renders the project's SVG icons to the PNG sizes the web manifest names, with Debian's Chromium.
// Run after editing public/icons/*.svg: `npx tsx scripts/make-icons.ts` (the PNGs are committed).
import { readFile } from 'node:fs/promises';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/e2e/chromium';

const outputs = [
  // The tab's icon (index.html): a PNG, since Chromium fetches and decodes the page's icon again at each
  // navigation of the app (history.pushState), and an SVG icon is parsed as a document each time (~3 ms).
  { svg: 'icon.svg', png: 'icon-48.png', size: 48 },
  { svg: 'icon.svg', png: 'icon-192.png', size: 192 },
  { svg: 'icon.svg', png: 'icon-512.png', size: 512 },
  { svg: 'maskable.svg', png: 'maskable-512.png', size: 512 },
];

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
for (const { svg, png, size } of outputs) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  const markup = await readFile(`public/icons/${svg}`, 'utf8');
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${markup}`,
  );
  await page.screenshot({ path: `public/icons/${png}`, omitBackground: true });
  await page.close();
}
await browser.close();
console.log('icons written to public/icons/');
