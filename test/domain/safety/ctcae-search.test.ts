import { describe, expect, it } from 'vitest';
import { searchCtcae } from '@/domain/safety';

const names = (...args: Parameters<typeof searchCtcae>) => searchCtcae(...args).map((hit) => hit.name);

describe('searching the CTCAE catalogue', () => {
  it('ignores accents and case, and shows the French name of a bedside term', () => {
    expect(names('fievre', 'fr')[0]).toBe('Fièvre');
    expect(names('FIÈVRE', 'fr')[0]).toBe('Fièvre');
    expect(names('fever', 'fr')[0]).toBe('Fièvre');
    expect(names('fever', 'en')[0]).toBe('Fever');
  });

  it('finds any other term by its English name and puts an exact name first', () => {
    expect(names('pneumonitis', 'fr')[0]).toBe('Pneumonitis');
    expect(names('lung inf', 'en')).toContain('Lung infection');
  });

  it('matches every word as a word prefix', () => {
    const hits = names('count decr', 'en');
    expect(hits).toEqual(expect.arrayContaining(['Neutrophil count decreased', 'Platelet count decreased']));
  });

  it('finds a term by the leading digits of its MedDRA code', () => {
    expect(searchCtcae('10016558', 'en').map((h) => h.entry.term)).toEqual(['Fever']);
  });

  it('names the SOC in the language', () => {
    expect(searchCtcae('fever', 'fr')[0]!.socName).toBe(
      "Troubles généraux et anomalies au site d'administration",
    );
  });

  it('lists a whole SOC for the infection free term when no query is typed', () => {
    const infections = searchCtcae('', 'fr', { soc: 'Infections and infestations', limit: 200 });
    expect(infections).toHaveLength(88);
    expect(infections.every((h) => h.entry.soc === 'Infections and infestations')).toBe(true);
  });

  it('returns nothing for an empty query, and at most the limit', () => {
    expect(searchCtcae('  ', 'en')).toEqual([]);
    expect(searchCtcae('pain', 'en', { limit: 3 })).toHaveLength(3);
    expect(searchCtcae('zzzz', 'en')).toEqual([]);
  });
});
