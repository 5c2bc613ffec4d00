import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BUILD_INPUTS, sourcesHash } from '../../scripts/build-stamp.mjs';

// `npm start` builds only when the sources changed since the last build (issue 25): the stamp is this hash.
describe('the build stamp', () => {
  let root: string;
  const write = (path: string, text: string) => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  const project = () => {
    root = mkdtempSync(join(tmpdir(), 'chevet-stamp-'));
    write('src/main.tsx', 'export {};\n');
    write('server/main.ts', 'export {};\n');
    write('index.html', '<!doctype html>\n');
    write('package-lock.json', '{}\n');
    write('test/a.test.ts', 'test\n');
    write('data/PG_VERSION', '17\n');
  };
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('changes with the contents of any source the build reads', () => {
    project();
    const before = sourcesHash(root);
    expect(sourcesHash(root)).toBe(before);
    for (const [path, text] of [
      ['src/main.tsx', 'export const a = 1;\n'],
      ['server/routes/new.ts', 'export {};\n'],
      ['index.html', '<!doctype html><title>x</title>\n'],
      ['package-lock.json', '{"lockfileVersion":3}\n'],
    ]) {
      const previous = sourcesHash(root);
      write(path!, text!);
      expect(sourcesHash(root), path).not.toBe(previous);
    }
  });

  it('does not change with file times, nor with files the build does not read (tests, the data folder)', () => {
    project();
    const before = sourcesHash(root);
    utimesSync(join(root, 'src/main.tsx'), new Date(0), new Date(0));
    write('test/b.test.ts', 'test\n');
    write('data/pg_wal/000001', 'wal\n');
    expect(sourcesHash(root)).toBe(before);
  });

  it('covers the app, the server, their build scripts and configuration, and the lock file', () => {
    expect(BUILD_INPUTS).toEqual(
      expect.arrayContaining([
        'src',
        'server',
        'scripts',
        'index.html',
        'vite.config.ts',
        'package-lock.json',
      ]),
    );
  });
});
