import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CSV, parseCsv, readTerms } from '../../../scripts/generate-ctcae';
import { CTCAE_CATALOGUE_VERSION } from '@/domain/safety/ctcae-catalogue.generated';
import { CTCAE_VERSION, ctcaeCatalogue, ctcaeEntry, isGradeAllowed } from '@/domain/safety';

// NCI CTCAE v5.0 (27 Nov 2017), as in the NCI spreadsheet (shared/clinical/data/ctcae-v5.0.csv).
const NCI = {
  anaphylaxis: {
    meddraCode: 10002218,
    soc: 'Immune system disorders',
    grades: {
      1: null,
      2: null,
      3: 'Symptomatic bronchospasm, with or without urticaria; parenteral intervention indicated; allergy-related edema/angioedema; hypotension',
      4: 'Life-threatening consequences; urgent intervention indicated',
      5: 'Death',
    },
  },
  fever: {
    meddraCode: 10016558,
    soc: 'General disorders and administration site conditions',
    grades: {
      1: '38.0 - 39.0 degrees C (100.4 - 102.2 degrees F)',
      2: '>39.0 - 40.0 degrees C (102.3 - 104.0 degrees F)',
      3: '>40.0 degrees C (>104.0 degrees F) for <=24 hrs',
      4: '>40.0 degrees C (>104.0 degrees F) for >24 hrs',
      5: 'Death',
    },
  },
  neutrophils: {
    meddraCode: 10029366,
    soc: 'Investigations',
    grades: {
      1: '<LLN - 1500/mm3; <LLN - 1.5 x 10e9 /L',
      2: '<1500 - 1000/mm3; <1.5 - 1.0 x 10e9 /L',
      3: '<1000 - 500/mm3; <1.0 - 0.5 x 10e9 /L',
      4: '<500/mm3; <0.5 x 10e9 /L',
      5: null,
    },
  },
  // Quoted in NCI's CSV with commas and line breaks inside the field.
  hypertensionGrade1:
    'Adult: Systolic BP 120 - 139 mm Hg or diastolic BP 80 - 89 mm Hg;\n\nPediatric: Systolic/diastolic BP >90th percentile but< 95th percentile;\n\nAdolescent: BP >=120/80 even if < 95th percentile',
};

describe('the CTCAE v5.0 catalogue', () => {
  it('holds all 837 terms of NCI v5.0, one per MedDRA code', () => {
    const all = ctcaeCatalogue();
    expect(all).toHaveLength(837);
    expect(new Set(all.map((e) => e.meddraCode)).size).toBe(837);
    expect(all.every((e) => e.version === '5.0')).toBe(true);
  });

  it('is the version the grades are stamped with', () => {
    expect(CTCAE_CATALOGUE_VERSION).toBe(CTCAE_VERSION);
    expect(CTCAE_VERSION).toBe('5.0');
  });

  it("carries NCI's exact grade texts, with null where NCI defines no grade", () => {
    for (const term of [NCI.anaphylaxis, NCI.fever, NCI.neutrophils]) {
      const entry = ctcaeEntry(term.meddraCode)!;
      expect(entry.soc).toBe(term.soc);
      expect(entry.grades).toEqual(term.grades);
    }
    expect(ctcaeEntry(10020772)!.grades[1]).toBe(NCI.hypertensionGrade1);
  });

  it('keeps the definition, and null for the "Other, specify" terms that have none', () => {
    expect(ctcaeEntry(10016558)!.definition).toBe(
      "A disorder characterized by elevation of the body's temperature above the upper limit of normal.",
    );
    expect(ctcaeEntry(10005329)!.term).toBe('Blood and lymphatic system disorders - Other, specify');
    expect(ctcaeEntry(10005329)!.definition).toBeNull();
  });

  it('finds nothing for a code it does not hold', () => {
    expect(ctcaeEntry(10000000)).toBeUndefined();
  });

  it.skipIf(!existsSync(DEFAULT_CSV))('matches the NCI file it was generated from, term by term', () => {
    const terms = readTerms(parseCsv(readFileSync(DEFAULT_CSV, 'utf8')));
    expect(terms).toHaveLength(837);
    const fromCatalogue = ctcaeCatalogue().map((e) => ({
      meddraCode: e.meddraCode,
      soc: e.soc,
      term: e.term,
      grades: [e.grades[1], e.grades[2], e.grades[3], e.grades[4], e.grades[5]],
      definition: e.definition,
    }));
    expect(fromCatalogue).toEqual(terms);
  });
});

describe('choosing a grade', () => {
  const anaphylaxis = { kind: 'ctcae', version: '5.0', meddraCode: 10002218 } as const;

  it('allows only the grades NCI defines for a catalogue term', () => {
    expect(isGradeAllowed(anaphylaxis, 2)).toBe(false);
    expect(isGradeAllowed(anaphylaxis, 3)).toBe(true);
    expect(isGradeAllowed({ ...anaphylaxis, meddraCode: 10008531 }, 4)).toBe(false); // chills: grades 1–3
  });

  it('allows any grade 1–5 for a free-text term not in the catalogue', () => {
    for (const grade of [1, 2, 3, 4, 5])
      expect(isGradeAllowed({ kind: 'freeText', text: 'Zona' }, grade)).toBe(true);
    expect(isGradeAllowed({ kind: 'freeText', text: 'Zona' }, 0)).toBe(false);
    expect(isGradeAllowed({ kind: 'freeText', text: 'Zona' }, 6)).toBe(false);
  });

  it('refuses an unknown code or a term of another CTCAE version', () => {
    expect(isGradeAllowed({ ...anaphylaxis, meddraCode: 10000000 }, 3)).toBe(false);
    expect(isGradeAllowed({ ...anaphylaxis, version: '6.0' }, 3)).toBe(false);
  });
});

describe("reading NCI's CSV", () => {
  it('keeps commas, doubled quotes and line breaks inside quoted fields', () => {
    const csv = 'a,b,c\n1,"x, y","say ""hi""\nnext line"\r\n2,,"last"';
    expect(parseCsv(csv)).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x, y', 'say "hi"\nnext line'],
      ['2', '', 'last'],
    ]);
  });

  it('ignores a byte-order mark and a final line break', () => {
    expect(parseCsv('\uFEFFa,b\n1,2\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('refuses an unterminated quote or a stray quote rather than shifting fields', () => {
    expect(() => parseCsv('a,"b\n1,2')).toThrow(/unterminated/);
    expect(() => parseCsv('a,b"c\n')).toThrow(/quote/);
  });

  it("refuses a file whose header is not NCI's", () => {
    expect(() => readTerms([['Code', 'Term']])).toThrow(/header/);
  });
});
