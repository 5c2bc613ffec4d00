import { useEffect, useState } from 'react';
import { bedsideTermByMeddraCode } from '@/domain/safety/ctcae';
import { CTCAE_GRADES, type CtcaeGrade, type GradeTexts } from '@/domain/safety/ctcae-grades';
import type { CtcaeEntry } from '@/domain/safety/ctcae-catalogue';
import type { AdverseEventTerm } from '@/schema/adverse-events';

// Names and grade texts of an event's term. Bedside terms (the solicited lists) are small and bundled, with NCI's
// English and the French working translation; any other term comes from the full catalogue, loaded lazily
// (NCI's English only).

export type Lang = 'fr' | 'en';
export const langOf = (language: string | undefined): Lang => (language?.startsWith('en') ? 'en' : 'fr');

/** Loads the full CTCAE catalogue module (one lazily loaded chunk, cached by the bundler). */
export const loadCatalogue = () => import('@/domain/safety/ctcae-catalogue');
export const loadSearch = () => import('@/domain/safety/ctcae-search');

export type TermInfo = { name: string; grades: GradeTexts | null; meddraCode?: number; version?: string };

/** What is known without the catalogue: a bedside term or a free term; null when the catalogue is needed. */
export function quickTermInfo(term: AdverseEventTerm, lang: Lang): TermInfo | null {
  if (term.kind === 'freeText') return { name: term.text, grades: null };
  const bedside = bedsideTermByMeddraCode(term.meddraCode);
  if (!bedside) return null;
  return {
    name: bedside[lang].term,
    grades: bedside[lang].grades,
    meddraCode: term.meddraCode,
    version: term.version,
  };
}

export function entryInfo(entry: CtcaeEntry, lang: Lang): TermInfo {
  const bedside = bedsideTermByMeddraCode(entry.meddraCode);
  return bedside
    ? {
        name: bedside[lang].term,
        grades: bedside[lang].grades,
        meddraCode: entry.meddraCode,
        version: entry.version,
      }
    : { name: entry.term, grades: entry.grades, meddraCode: entry.meddraCode, version: entry.version };
}

/** The term's name and grade texts, loading the catalogue only for a term outside the bedside lists. */
export function useTermInfo(term: AdverseEventTerm | undefined, lang: Lang): TermInfo | undefined {
  const quick = term ? quickTermInfo(term, lang) : null;
  const code = term?.kind === 'ctcae' && !quick ? term.meddraCode : undefined;
  const [loaded, setLoaded] = useState<{ code: number; info: TermInfo } | undefined>();
  useEffect(() => {
    if (code === undefined) return;
    let cancelled = false;
    void loadCatalogue().then(({ ctcaeEntry }) => {
      const entry = ctcaeEntry(code);
      if (!cancelled)
        setLoaded({ code, info: entry ? entryInfo(entry, lang) : { name: `MedDRA ${code}`, grades: null } });
    });
    return () => {
      cancelled = true;
    };
  }, [code, lang]);
  if (!term) return undefined;
  if (quick) return quick;
  if (loaded && loaded.code === code) return loaded.info;
  return { name: term.kind === 'ctcae' ? `MedDRA ${term.meddraCode}` : '', grades: null };
}

/** The grades a person may choose: those NCI defines for a catalogue term, 1–5 for a free term. */
export function choosableGrades(info: TermInfo | undefined): CtcaeGrade[] {
  if (!info?.grades) return [...CTCAE_GRADES];
  return CTCAE_GRADES.filter((g) => info.grades![g] !== null);
}
