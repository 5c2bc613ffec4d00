import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app';
import { inlineHashes } from '../../server/csp';
import { createTestStore, type TestStore } from './test-store';

// The page carries its boot script and style sheets inline (issue 25: fetched from the service worker, they held
// the first screen back): the policy allows exactly those, by hash, never 'unsafe-inline'.

// sha256 of "alert(1)" and of "body{color:red}", base64 (openssl dgst -sha256 -binary | base64).
const ALERT = "'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='";
const RED = "'sha256-FcQqt3aNlV7AZnGV4zkQRVeCeJOxbMPnQSx258L803E='";

const page = (script: string) =>
  '<!doctype html><html><head><style>body{color:red}</style>' +
  '<script src="/assets/app.js"></script></head><body><div id="root"></div>' +
  '<script type="application/json" id="data">{"a":1}</script>' +
  `<script>${script}</script></body></html>`;

const directive = (csp: string, name: string) =>
  csp
    .split(';')
    .map((part) => part.trim().split(/\s+/))
    .find(([first]) => first === name)
    ?.slice(1) ?? [];

describe('the hashes of a page’s inline scripts and style sheets', () => {
  it('hashes each inline script and style sheet exactly, and neither an external script nor a data block', () => {
    expect(inlineHashes(page('alert(1)'))).toEqual({ script: [ALERT], style: [RED] });
    expect(inlineHashes('<script type="module">alert(1)</script>').script).toEqual([ALERT]);
    // One byte more is another script.
    expect(inlineHashes(page('alert(1)\n')).script).not.toEqual([ALERT]);
  });
});

describe('the content security policy of the app’s page', () => {
  let testStore: TestStore;
  let app: FastifyInstance;
  let staticDir: string;

  beforeAll(async () => {
    testStore = await createTestStore();
    staticDir = await mkdtemp(join(tmpdir(), 'chevet-csp-'));
    await writeFile(join(staticDir, 'index.html'), page('alert(1)'));
    app = await buildApp({ store: testStore.store, staticDir: staticDir + '/' });
  });
  afterAll(async () => {
    await app.close();
    await testStore.drop();
    await rm(staticDir, { recursive: true, force: true });
  });

  it('allows the page’s inline boot script and style sheet by their hashes, and nothing else inline', async () => {
    for (const url of ['/', '/participants/123', '/index.html']) {
      const csp = (await app.inject({ method: 'GET', url })).headers['content-security-policy'] as string;
      expect(directive(csp, 'script-src')).toEqual(["'self'", ALERT]);
      expect(directive(csp, 'style-src')).toEqual(["'self'", RED]);
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('unsafe-eval');
    }
  });

  it('follows a new build of the page while the server runs', async () => {
    await writeFile(join(staticDir, 'index.html'), page('alert(2); // a new build'));
    const csp = (await app.inject({ method: 'GET', url: '/' })).headers['content-security-policy'] as string;
    const [self, hash, ...more] = directive(csp, 'script-src');
    expect([self, more]).toEqual(["'self'", []]);
    expect(hash).toMatch(/^'sha256-[A-Za-z0-9+/]{43}='$/);
    expect(hash).not.toBe(ALERT);
    expect(inlineHashes(page('alert(2); // a new build')).script).toEqual([hash]);
  });
});
