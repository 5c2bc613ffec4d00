import { describe, expect, it } from 'vitest';
import {
  BEDSIDE_TERMS,
  CTCAE_GRADES,
  LAB_TERMS,
  SOC_NAMES_FR,
  adverseEventTermFor,
  ctcaeCatalogue,
  ctcaeEntry,
  ctcaeTerm,
  gradeText,
  gradesAvailable,
  isBedsideTermId,
  socName,
  solicitedChecklist,
  termName,
} from '@/domain/safety';

describe('the bedside CTCAE terms', () => {
  it("carry NCI's exact English name, SOC and grade texts, as in the catalogue", () => {
    for (const t of BEDSIDE_TERMS) {
      const entry = ctcaeEntry(t.meddraCode);
      expect(entry, t.id).toBeDefined();
      expect({ term: t.en.term, soc: t.soc, grades: t.en.grades }).toEqual({
        term: entry!.term,
        soc: entry!.soc,
        grades: entry!.grades,
      });
    }
  });

  it('have a French text for exactly the grades NCI defines', () => {
    for (const t of BEDSIDE_TERMS) {
      expect(t.fr.term.length, t.id).toBeGreaterThan(0);
      for (const g of CTCAE_GRADES)
        expect(t.fr.grades[g] === null, `${t.id} grade ${g}`).toBe(t.en.grades[g] === null);
    }
  });

  it('have unique ids and MedDRA codes', () => {
    expect(new Set(BEDSIDE_TERMS.map((t) => t.id)).size).toBe(BEDSIDE_TERMS.length);
    expect(new Set(BEDSIDE_TERMS.map((t) => t.meddraCode)).size).toBe(BEDSIDE_TERMS.length);
  });

  it('mark as lab-graded exactly the terms gradeLab grades, under the same ids', () => {
    expect(BEDSIDE_TERMS.filter((t) => 'lab' in t).map((t) => t.id)).toEqual([...LAB_TERMS]);
  });

  it('offer only the grades NCI defines', () => {
    expect(gradesAvailable('anaphylaxis')).toEqual([3, 4, 5]);
    expect(gradesAvailable('hypoxia')).toEqual([2, 3, 4, 5]);
    expect(gradesAvailable('chills')).toEqual([1, 2, 3]);
    expect(gradesAvailable('neutrophilCountDecreased')).toEqual([1, 2, 3, 4]);
    expect(gradesAvailable('fever')).toEqual([1, 2, 3, 4, 5]);
  });

  it('speak French or English', () => {
    expect(termName('fever', 'fr')).toBe('Fièvre');
    expect(termName('fever', 'en')).toBe('Fever');
    expect(gradeText('fever', 1, 'en')).toBe('38.0 - 39.0 degrees C (100.4 - 102.2 degrees F)');
    expect(gradeText('fever', 1, 'fr')).toBe('38,0 – 39,0 °C (100,4 – 102,2 °F)');
    expect(gradeText('anaphylaxis', 1, 'fr')).toBeNull();
  });

  it('throw on an unknown id, which is a programming error', () => {
    expect(isBedsideTermId('fever')).toBe(true);
    expect(isBedsideTermId('sneezing')).toBe(false);
    expect(() => ctcaeTerm('sneezing' as never)).toThrow(/Unknown/);
  });

  it('are recorded with the CTCAE version and MedDRA code', () => {
    expect(adverseEventTermFor('infusionRelatedReaction')).toEqual({
      kind: 'ctcae',
      version: '5.0',
      meddraCode: 10051792,
    });
  });
});

describe('the solicited checklists', () => {
  const ids = (phase: 'infusion' | 'days1to10') => solicitedChecklist(phase).map((item) => item.id);

  it('ask during and after the infusion the 25 terms of the protocol, thromboembolic event from the start', () => {
    expect(ids('infusion')).toEqual([
      'infusionRelatedReaction',
      'allergicReaction',
      'anaphylaxis',
      'cytokineReleaseSyndrome',
      'fever',
      'chills',
      'hypotension',
      'hypertension',
      'sinusTachycardia',
      'sinusBradycardia',
      'dyspnea',
      'hypoxia',
      'cough',
      'bronchospasm',
      'headache',
      'dizziness',
      'nausea',
      'vomiting',
      'rashMaculoPapular',
      'urticaria',
      'pruritus',
      'flushing',
      'fatigue',
      'injectionSiteReaction',
      'thromboembolicEvent',
    ]);
  });

  it('add on days 1–10 diarrhea, abdominal pain, infections as a free term, and the labs', () => {
    expect(ids('days1to10')).toEqual([
      ...ids('infusion'),
      'diarrhea',
      'abdominalPain',
      'infection',
      ...LAB_TERMS,
    ]);
    expect(solicitedChecklist('days1to10').find((i) => i.id === 'infection')).toEqual({
      kind: 'freeTerm',
      id: 'infection',
      soc: 'Infections and infestations',
    });
  });
});

describe('system organ classes', () => {
  it('have a French MedDRA name for every SOC of the catalogue', () => {
    for (const soc of new Set(ctcaeCatalogue().map((e) => e.soc)))
      expect(SOC_NAMES_FR[soc], soc).toBeDefined();
    expect(socName('Cardiac disorders', 'fr')).toBe('Affections cardiaques');
    expect(socName('Cardiac disorders', 'en')).toBe('Cardiac disorders');
  });
});
