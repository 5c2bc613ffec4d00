import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CtcaeSearchHit } from '@/domain/safety/ctcae-search';
import type { AdverseEventTerm } from '@/schema/adverse-events';
import { langOf, loadSearch } from './terms';

/**
 * "Any other event": a search over the whole CTCAE v5.0 catalogue (French names of the bedside terms, NCI's
 * English for all, MedDRA codes), or a free term "not in catalogue". The catalogue loads on first use.
 */
export function TermPicker({
  onPick,
  soc,
  label,
}: {
  onPick: (term: AdverseEventTerm, name: string) => void;
  /** Only this SOC (English name), e.g. infections. */
  soc?: string;
  label?: string;
}) {
  const { t, i18n } = useTranslation();
  const lang = langOf(i18n.language);
  const id = useId();
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<CtcaeSearchHit[]>([]);
  useEffect(() => {
    let cancelled = false;
    if (query.trim() === '' && !soc) {
      setHits([]);
      return;
    }
    void loadSearch().then(({ searchCtcae }) => {
      if (!cancelled) setHits(searchCtcae(query, lang, { limit: 12, ...(soc ? { soc } : {}) }));
    });
    return () => {
      cancelled = true;
    };
  }, [query, lang, soc]);
  const text = query.trim();
  return (
    <div className="term-picker field" data-testid="term-picker">
      <label htmlFor={`${id}-q`}>{label ?? t('ae.termSearch')}</label>
      <input
        id={`${id}-q`}
        type="search"
        value={query}
        autoComplete="off"
        onChange={(e) => setQuery(e.target.value)}
        aria-describedby={`${id}-hint`}
      />
      <small id={`${id}-hint`} className="muted">
        {t('ae.termSearchHint')}
      </small>
      <ul className="term-hits" aria-live="polite">
        {hits.map((hit) => (
          <li key={hit.entry.meddraCode}>
            <button
              type="button"
              className="secondary term-hit"
              onClick={() =>
                onPick(
                  { kind: 'ctcae', version: hit.entry.version, meddraCode: hit.entry.meddraCode },
                  hit.name,
                )
              }
            >
              <strong>{hit.name}</strong>
              {hit.name !== hit.entry.term && <span className="muted"> · {hit.entry.term}</span>}
              <span className="muted"> · {hit.socName}</span>
            </button>
          </li>
        ))}
        {text.length >= 3 && (
          <li>
            <button
              type="button"
              className="secondary term-hit"
              data-testid="term-free-text"
              onClick={() => onPick({ kind: 'freeText', text }, text)}
            >
              {t('ae.useFreeText', { text })}
            </button>
          </li>
        )}
      </ul>
    </div>
  );
}
