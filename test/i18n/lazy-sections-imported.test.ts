import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// A workflow's catalogue sections travel with its lazy routes (src/i18n/lazy-sections.ts): a screen that shows one
// of their keys without its route having loaded them shows the key itself ("visits.calendar" on the participant
// page, opened before any visit screen). So every chunk's entry (the app's entry and every module imported
// lazily) that statically reaches a use of a lazy section's keys must statically reach that section's module.

const SRC = join(__dirname, '../../src');
/** Each lazy section (the first segment of its keys) and the module that adds it. */
const LAZY_SECTIONS: Record<string, string> = {
  screening: 'features/screening/messages.ts',
  eligibility: 'features/screening/messages.ts',
  visits: 'features/visits/messages.ts',
  queries: 'features/queries/messages.ts',
  dsmb: 'features/review/dsmb-messages.ts',
  storeReview: 'session/store-review-messages.ts',
  infusion: 'features/infusion/messages.ts',
  fieldNames: 'session/field-label-messages.ts',
  fieldValues: 'session/field-label-messages.ts',
};

const files: string[] = [];
(function walk(dir: string) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (/\.tsx?$/.test(name)) files.push(path);
  }
})(SRC);
const source = new Map(files.map((file) => [file, readFileSync(file, 'utf8')]));

function resolveImport(from: string, specifier: string): string | null {
  const base = specifier.startsWith('@/')
    ? join(SRC, specifier.slice(2))
    : specifier.startsWith('.')
      ? resolve(dirname(from), specifier)
      : null;
  if (!base) return null;
  for (const candidate of [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    join(base, 'index.ts'),
    join(base, 'index.tsx'),
  ])
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  return null;
}

const STATIC = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\s+['"]([^'"]+)['"]/g;
const DYNAMIC = /import\(\s*['"]([^'"]+)['"]\s*\)/g;
const staticImports = new Map(
  files.map((file) => [
    file,
    [...source.get(file)!.matchAll(STATIC)]
      .map((m) => resolveImport(file, (m[1] ?? m[2])!))
      .filter((f): f is string => f !== null),
  ]),
);

function reached(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const next of staticImports.get(file) ?? []) visit(next);
  };
  visit(entry);
  return seen;
}

const usesSection = (file: string, section: string) =>
  new RegExp(`\\bt\\(\\s*['"\`]${section}\\.`).test(source.get(file)!);

const entries = new Set([join(SRC, 'main.tsx')]);
for (const file of files)
  for (const m of source.get(file)!.matchAll(DYNAMIC)) {
    const target = resolveImport(file, m[1]!);
    if (target) entries.add(target);
  }

describe('lazy catalogue sections', () => {
  it('lists every module that adds sections lazily', () => {
    const adders = files
      .filter(
        (file) => /addSectionsWhenLoaded\(/.test(source.get(file)!) && !file.endsWith('lazy-sections.ts'),
      )
      .map((file) => relative(SRC, file))
      .sort();
    expect(adders).toEqual([...new Set(Object.values(LAZY_SECTIONS))].sort());
  });

  it('are loaded by every chunk that shows their keys', () => {
    expect(entries.size).toBeGreaterThan(10);
    const missing: string[] = [];
    for (const entry of entries) {
      const chunk = reached(entry);
      for (const [section, module] of Object.entries(LAZY_SECTIONS)) {
        const users = [...chunk].filter((file) => usesSection(file, section));
        if (users.length > 0 && !chunk.has(join(SRC, module)))
          missing.push(
            `${relative(SRC, entry)} shows ${section}.* (${users.map((u) => relative(SRC, u)).join(', ')}) without ${module}`,
          );
      }
    }
    expect(missing).toEqual([]);
  });
});
