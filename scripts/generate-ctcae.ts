// Generates src/domain/safety/ctcae-catalogue.generated.ts from NCI's CTCAE spreadsheet exported as CSV
// (shared/clinical/data/ctcae-v5.0.csv, see its README for provenance). Run from the repository root:
//
//   npx tsx scripts/generate-ctcae.ts [path/to/ctcae.csv]
//
// The catalogue is data, so a protocol amendment can move to another CTCAE version by regenerating from NCI's
// file (and updating CTCAE_VERSION): no grading code changes. Grade texts are kept byte for byte as NCI wrote
// them; "-" (no such grade for this term) becomes null so that the grade cannot be chosen.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CTCAE_VERSION } from '../src/domain/safety/ctcae-grades';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_CSV = resolve(REPO_ROOT, '../shared/clinical/data/ctcae-v5.0.csv');
export const OUTPUT = resolve(REPO_ROOT, 'src/domain/safety/ctcae-catalogue.generated.ts');

/** NCI's column order (the v5.0 spreadsheet's header row). */
const HEADER = [
  'MedDRA Code',
  'MedDRA SOC',
  'CTCAE Term',
  'Grade 1',
  'Grade 2',
  'Grade 3',
  'Grade 4',
  'Grade 5',
  'Definition',
  'Navigational Note',
  'CTCAE v5.0 Change',
] as const;

/** NCI's mark for "no such grade" (and for "no definition" on the "Other, specify" terms). */
const NOT_DEFINED = '-';

/**
 * RFC 4180 CSV: fields separated by commas, optionally in double quotes; inside quotes, commas and line breaks are
 * data and "" is one quote. Accepts LF or CRLF line ends and a leading byte-order mark. Throws on an unterminated
 * quote or a stray quote inside an unquoted field, because a silently mis-split row would shift grade texts.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let fieldStart = true;

  const endField = () => {
    row.push(field);
    field = '';
    fieldStart = true;
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };

  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i += 1;
        const next = text[i];
        if (next !== undefined && next !== ',' && next !== '\n' && next !== '\r') {
          throw new Error(`CSV: unexpected character after closing quote at offset ${i}`);
        }
        continue;
      }
      field += c;
      i += 1;
      continue;
    }
    if (c === '"') {
      if (!fieldStart) throw new Error(`CSV: quote inside an unquoted field at offset ${i}`);
      quoted = true;
      fieldStart = false;
      i += 1;
    } else if (c === ',') {
      endField();
      i += 1;
    } else if (c === '\r' || c === '\n') {
      endRow();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      field += c;
      fieldStart = false;
      i += 1;
    }
  }
  if (quoted) throw new Error('CSV: unterminated quoted field at end of input');
  // A final line without a line break still ends a row; a trailing line break does not start an empty one.
  if (!fieldStart || row.length > 0) endRow();
  return rows;
}

/** One term as read from NCI's file, before packing. */
export type CsvTerm = {
  meddraCode: number;
  soc: string;
  term: string;
  grades: readonly [string | null, string | null, string | null, string | null, string | null];
  definition: string | null;
};

/** Checks the header and every row, and turns NCI's "-" into null. Throws on anything unexpected. */
export function readTerms(rows: readonly string[][]): CsvTerm[] {
  const [header, ...body] = rows;
  if (!header || header.join('|') !== HEADER.join('|')) {
    throw new Error(`CSV: unexpected header ${JSON.stringify(header)}`);
  }
  const seen = new Set<number>();
  return body.map((cells, index) => {
    const line = index + 2;
    if (cells.length !== HEADER.length) throw new Error(`CSV line ${line}: ${cells.length} fields`);
    const [code, soc, term, g1, g2, g3, g4, g5, definition] = cells as [
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    // MedDRA codes are eight digits (MedDRA Introductory Guide, "codes").
    if (!/^\d{8}$/.test(code)) throw new Error(`CSV line ${line}: MedDRA code ${JSON.stringify(code)}`);
    const meddraCode = Number(code);
    if (seen.has(meddraCode)) throw new Error(`CSV line ${line}: duplicate MedDRA code ${code}`);
    seen.add(meddraCode);
    if (soc === '' || term === '') throw new Error(`CSV line ${line}: empty SOC or term`);
    const grade = (text: string) => {
      if (text === '') throw new Error(`CSV line ${line}: empty grade text (NCI writes "-")`);
      return text === NOT_DEFINED ? null : text;
    };
    const grades = [grade(g1), grade(g2), grade(g3), grade(g4), grade(g5)] as const;
    if (grades.every((g) => g === null)) throw new Error(`CSV line ${line}: no grade defined`);
    return {
      meddraCode,
      soc,
      term,
      grades,
      definition: definition === '' || definition === NOT_DEFINED ? null : definition,
    };
  });
}

/**
 * The module's source. Compact because screens load it lazily: SOC names and grade texts are stored once and
 * referenced by index ("Death" alone appears 494 times in v5.0), most frequent text first.
 */
export function renderModule(terms: readonly CsvTerm[], version: string, source: string): string {
  const socs = [...new Set(terms.map((t) => t.soc))].sort();
  const counts = new Map<string, number>();
  for (const t of terms) for (const g of t.grades) if (g !== null) counts.set(g, (counts.get(g) ?? 0) + 1);
  const texts = [...counts.keys()].sort(
    (a, b) => counts.get(b)! - counts.get(a)! || (a < b ? -1 : a > b ? 1 : 0),
  );
  const textIndex = new Map(texts.map((t, i) => [t, i]));
  const socIndex = new Map(socs.map((s, i) => [s, i]));
  const str = (s: string | null) => (s === null ? 'null' : JSON.stringify(s));

  const rows = terms.map((t) => {
    const grades = t.grades.map((g) => (g === null ? 'null' : String(textIndex.get(g)))).join(',');
    return `[${t.meddraCode},${socIndex.get(t.soc)},${str(t.term)},[${grades}],${str(t.definition)}],`;
  });

  return [
    `// GENERATED by scripts/generate-ctcae.ts from ${source} — do not edit; regenerate.`,
    `// NCI Common Terminology Criteria for Adverse Events v${version} (27 Nov 2017), US public domain: ${terms.length}`,
    "// terms with MedDRA code, SOC, NCI's exact grade texts (null: NCI defines no such grade) and definition.",
    "import type { CtcaeRow } from './ctcae-grades';",
    '',
    `export const CTCAE_CATALOGUE_VERSION = ${JSON.stringify(version)};`,
    '',
    '/** MedDRA system organ classes, alphabetical; rows refer to them by index. */',
    'export const CTCAE_SOCS: readonly string[] = [',
    ...socs.map((s) => `${JSON.stringify(s)},`),
    '];',
    '',
    '/** Distinct grade texts, most frequent first; rows refer to them by index. */',
    'export const CTCAE_GRADE_TEXTS: readonly string[] = [',
    ...texts.map((t) => `${JSON.stringify(t)},`),
    '];',
    '',
    "/** [MedDRA code, SOC index, term, [grade 1…5 text index or null], definition or null], in NCI's order. */",
    'export const CTCAE_ROWS: readonly CtcaeRow[] = [',
    ...rows,
    '];',
    '',
  ].join('\n');
}

/** Reads the CSV and returns the module source; `source` is the path printed in the header comment. */
export function generate(csvPath: string, source: string): { module: string; count: number } {
  const terms = readTerms(parseCsv(readFileSync(csvPath, 'utf8')));
  return { module: renderModule(terms, CTCAE_VERSION, source), count: terms.length };
}

/** Formatted with the repository's Prettier settings, so `prettier --check` and `--write` leave it unchanged. */
async function formatted(source: string): Promise<string> {
  // Loaded here, not at the top: tests import this file's parser without paying for Prettier.
  const { format, resolveConfig } = await import('prettier');
  const options = await resolveConfig(OUTPUT);
  return format(source, { ...options, filepath: OUTPUT });
}

/** The path written in the header: stable across machines, so regenerating elsewhere changes nothing. */
export function sourceLabel(csvPath: string): string {
  return relative(REPO_ROOT, csvPath).split('\\').join('/');
}

async function main(argv: readonly string[]): Promise<void> {
  const csvPath = resolve(argv[0] ?? DEFAULT_CSV);
  const { module, count } = generate(csvPath, sourceLabel(csvPath));
  writeFileSync(OUTPUT, await formatted(module));
  console.log(`CTCAE v${CTCAE_VERSION}: ${count} terms → ${relative(REPO_ROOT, OUTPUT)}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
