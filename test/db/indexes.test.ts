import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSIONS } from '@/db/schema-versions';

// Each index of the tablet's database is kept up to date by every row written to its table (a save writes four
// rows, a first sync two per change): the latest schema declares only the indexes the app's queries read, and
// every query reads a declared index (or the first part of a compound one, which Dexie reads for it).

const SRC = join(__dirname, '../../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The latest schema, table → its secondary indexes (the first entry of each is the primary key). */
function latestIndexes(): Map<string, string[]> {
  const tables = new Map<string, string[]>();
  for (const version of SCHEMA_VERSIONS)
    for (const [table, spec] of Object.entries(version.stores)) {
      if (spec === null) tables.delete(table);
      else
        tables.set(
          table,
          spec
            .split(',')
            .slice(1)
            .map((index) => index.trim().replace(/^[&*]/, '')),
        );
    }
  return tables;
}

/** table → the index names its queries name: `.records.where('kind')`, `.outbox.orderBy('order')`. */
function queriedIndexes(): Map<string, Set<string>> {
  const used = new Map<string, Set<string>>();
  for (const file of sourceFiles(SRC)) {
    const code = readFileSync(file, 'utf8').replace(/\s+/g, '');
    for (const [, table, index] of code.matchAll(/\.(\w+)\.(?:where|orderBy)\('([^']+)'\)/g)) {
      if (!used.has(table!)) used.set(table!, new Set());
      used.get(table!)!.add(index!);
    }
  }
  return used;
}

const declared = latestIndexes();
const queried = queriedIndexes();

describe('the tablet database’s indexes', () => {
  it('finds the app’s queries', () => {
    expect(queried.get('records')?.has('kind')).toBe(true);
    expect(queried.get('revisions')?.has('recordId')).toBe(true);
  });

  it('declares only indexes that a query reads', () => {
    const unread = [...declared].flatMap(([table, indexes]) =>
      indexes.filter((index) => !queried.get(table)?.has(index)).map((index) => `${table}.${index}`),
    );
    expect(unread).toEqual([]);
  });

  it('reads only declared indexes, or the first part of a declared compound one', () => {
    const undeclared = [...queried].flatMap(([table, indexes]) => {
      // The primary key (`orderBy('order')`) and queries on tables outside the database (none expected).
      const own = declared.get(table);
      if (!own) return [...indexes].map((index) => `${table}.${index} (no such table)`);
      const primary = SCHEMA_VERSIONS.findLast((v) => v.stores[table])!
        .stores[table]!.split(',')[0]!
        .replace(/^\+\+/, '');
      return [...indexes]
        .filter(
          (index) =>
            index !== primary &&
            !own.includes(index) &&
            !own.some((compound) => compound.startsWith(`[${index.replace(/^\[|\]$/g, '')}+`)),
        )
        .map((index) => `${table}.${index}`);
    });
    expect(undeclared).toEqual([]);
  });
});
