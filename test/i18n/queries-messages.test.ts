import { describe, expect, it } from 'vitest';
import { queriesEn } from '@/i18n/queries.en';
import { queriesFr } from '@/i18n/queries.fr';
import { RECORD_KIND_NAMES } from '@/schema/records';

const keys = (o: object, prefix = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) =>
    v && typeof v === 'object' ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );

describe('data-query messages', () => {
  it('have the same keys in French and English, and name the same record kinds', () => {
    expect(keys(queriesEn).sort()).toEqual(keys(queriesFr).sort());
    // Kinds added after this list show their name until labelled (the screens pass it as the default).
    for (const catalogue of [queriesFr, queriesEn])
      expect(RECORD_KIND_NAMES.filter((kind) => !(kind in catalogue.kind))).toEqual(
        RECORD_KIND_NAMES.filter((kind) => !(kind in queriesFr.kind)),
      );
  });
});
