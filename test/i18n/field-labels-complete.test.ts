import i18next from 'i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '@/i18n';
import { RECORD_KINDS, type RecordKind } from '@/schema/records';
import { fieldLabel } from '@/ui/field-labels';

// The record history, the conflicts and the data queries name a record's fields (src/ui/field-labels.ts): every
// field of a kind with a fixed shape has a name in each language, not the words of its code ("check id",
// "cohort" in a French history).

type Shaped = { shape?: Record<string, unknown> };
const shaped = (Object.keys(RECORD_KINDS) as RecordKind[]).flatMap((kind) => {
  const shape = (RECORD_KINDS[kind].schema as unknown as Shaped).shape;
  return shape ? [{ kind, fields: Object.keys(shape) }] : [];
});
const fallback = (field: string) => field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

beforeAll(async () => {
  await initI18n('fr');
});
afterAll(async () => {
  await i18next.changeLanguage('fr');
});

describe('field labels', () => {
  it('cover the kinds with a fixed shape', () => {
    expect(shaped.map((s) => s.kind)).toEqual(
      expect.arrayContaining([
        'participant',
        'vitalSigns',
        'adverseEvent',
        'monitoringCheck',
        'doseDecision',
      ]),
    );
  });

  for (const language of ['fr', 'en'] as const)
    it(`name every field in ${language}`, async () => {
      await i18next.changeLanguage(language);
      const unnamed = shaped.flatMap(({ kind, fields }) =>
        fields
          .filter(
            (field) =>
              fieldLabel(i18next.t, i18next, kind, field) === fallback(field) &&
              !i18next.exists(`conflicts.fieldNames.${field}`),
          )
          .map((field) => `${kind}.${field}`),
      );
      expect(unnamed).toEqual([]);
    });
});
