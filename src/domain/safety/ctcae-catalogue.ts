import type { AdverseEventTerm } from '@/schema/adverse-events';
import {
  CTCAE_CATALOGUE_VERSION,
  CTCAE_GRADE_TEXTS,
  CTCAE_ROWS,
  CTCAE_SOCS,
} from './ctcae-catalogue.generated';
import { availableGrades, CTCAE_GRADES, type CtcaeGrade, type GradeTexts } from './ctcae-grades';

// The full CTCAE catalogue (all 837 terms of v5.0) for "any other event" (ctcae.md), unpacked from the generated
// module. Everything that imports this file carries the whole catalogue: screens load it lazily.

/** One CTCAE term with NCI's exact English texts. */
export type CtcaeEntry = {
  /** CTCAE version of the entry, stored with every grade. */
  version: string;
  meddraCode: number;
  /** MedDRA SOC, English as in NCI's file. */
  soc: string;
  term: string;
  grades: GradeTexts;
  /** NCI's definition; null for the "Other, specify" terms, which have none. */
  definition: string | null;
};

let entries: readonly CtcaeEntry[] | undefined;
let byCode: ReadonlyMap<number, CtcaeEntry> | undefined;

const text = (index: number | null): string | null => (index === null ? null : CTCAE_GRADE_TEXTS[index]!);

/** Every term, in NCI's order (by SOC, then term). Unpacked once, on first use. */
export function ctcaeCatalogue(): readonly CtcaeEntry[] {
  entries ??= CTCAE_ROWS.map(([meddraCode, soc, term, [g1, g2, g3, g4, g5], definition]) => ({
    version: CTCAE_CATALOGUE_VERSION,
    meddraCode,
    soc: CTCAE_SOCS[soc]!,
    term,
    grades: { 1: text(g1), 2: text(g2), 3: text(g3), 4: text(g4), 5: text(g5) },
    definition,
  }));
  return entries;
}

/** The term with this MedDRA code, if the catalogue has it. */
export function ctcaeEntry(meddraCode: number): CtcaeEntry | undefined {
  byCode ??= new Map(ctcaeCatalogue().map((e) => [e.meddraCode, e]));
  return byCode.get(meddraCode);
}

/**
 * Whether a grade may be recorded for a term: for a catalogue term only the grades NCI defines (and only terms of
 * the catalogue's version); for a free-text term "not in catalogue", any grade 1–5 chosen by hand.
 */
export function isGradeAllowed(term: AdverseEventTerm, grade: number): grade is CtcaeGrade {
  if (!CTCAE_GRADES.includes(grade as CtcaeGrade)) return false;
  if (term.kind === 'freeText') return true;
  const entry = term.version === CTCAE_CATALOGUE_VERSION ? ctcaeEntry(term.meddraCode) : undefined;
  return entry !== undefined && availableGrades(entry.grades).includes(grade as CtcaeGrade);
}
