import { bedsideTermByMeddraCode } from './ctcae';
import { ctcaeCatalogue, type CtcaeEntry } from './ctcae-catalogue';
import type { Lang } from './lang';
import { socName } from './soc';

// Search over the full catalogue for "any other event" (ctcae.md). French names exist for the bedside terms only
// (ctcae.ts); every other term is searched and shown in NCI's English, which clinicians also use. Matching ignores
// case, accents and punctuation, so "fievre", "Fièvre" and "FEVER" all find Fever.

export type CtcaeSearchHit = {
  entry: CtcaeEntry;
  /** The term's name in the language when known, else NCI's English. */
  name: string;
  socName: string;
};

export type CtcaeSearchOptions = {
  /** At most this many hits, best first (default 20). */
  limit?: number;
  /** Only terms of this SOC (English name), e.g. 'Infections and infestations' for the infection free term. */
  soc?: string;
};

const normalize = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** Lower is better; undefined = no match. Exact name, then prefix, then every word as a word prefix, then
 * substring, then a match on the SOC name only. */
function rank(
  query: string,
  words: readonly string[],
  names: readonly string[],
  socNames: readonly string[],
) {
  const wordPrefixes = (name: string) => {
    const nameWords = name.split(' ');
    return words.every((w) => nameWords.some((n) => n.startsWith(w)));
  };
  let best: number | undefined;
  const consider = (score: number) => (best = best === undefined ? score : Math.min(best, score));
  for (const name of names) {
    if (name === query) consider(0);
    else if (name.startsWith(query)) consider(1);
    else if (wordPrefixes(name)) consider(2);
    else if (name.includes(query)) consider(3);
  }
  if (best === undefined && socNames.some(wordPrefixes)) consider(4);
  return best;
}

/** Catalogue terms matching the query, best first; also finds a term by its MedDRA code's leading digits. */
export function searchCtcae(query: string, lang: Lang, options: CtcaeSearchOptions = {}): CtcaeSearchHit[] {
  const limit = options.limit ?? 20;
  const q = normalize(query);
  const words = q.split(' ').filter((w) => w !== '');
  const hits: { hit: CtcaeSearchHit; score: number; key: string }[] = [];

  for (const entry of ctcaeCatalogue()) {
    if (options.soc !== undefined && entry.soc !== options.soc) continue;
    const bedside = bedsideTermByMeddraCode(entry.meddraCode);
    const name = lang === 'fr' && bedside ? bedside.fr.term : entry.term;
    const hit = { entry, name, socName: socName(entry.soc, lang) };
    let score: number | undefined;
    if (words.length === 0) {
      // No query: the whole SOC when one is chosen (e.g. all infections), nothing otherwise.
      score = options.soc !== undefined ? 0 : undefined;
    } else if (/^\d+$/.test(q)) {
      score = String(entry.meddraCode).startsWith(q) ? 0 : undefined;
    } else {
      const names = [...new Set([normalize(name), normalize(entry.term)])];
      const socNames = [...new Set([normalize(hit.socName), normalize(entry.soc)])];
      score = rank(q, words, names, socNames);
    }
    if (score !== undefined) hits.push({ hit, score, key: normalize(name) });
  }

  hits.sort((a, b) => a.score - b.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return hits.slice(0, Math.max(0, limit)).map((h) => h.hit);
}
