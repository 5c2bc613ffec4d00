import i18next from 'i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '@/i18n';
import { RECORD_KINDS, type RecordKind } from '@/schema/records';
import { fieldLabel, fieldValue } from '@/session/field-labels';

// The record history, the conflicts and the data queries name a record's fields and show its coded values
// (src/session/field-labels.ts): every field of a kind with a fixed shape, nested ones included (a dose decision's
// rule, an eligibility fact, a lab value's grading), has a name in each language, and every value of a field
// with a fixed set of values has a word — not the words of its code ("check id", "cohort", "notRelated",
// "infusionInterrupted" in a French history).

type ZodLike = { _zod?: { def?: Record<string, unknown> } };
type Field = { kind: RecordKind; path: string; values?: string[] };

/** The fields of a schema, nested objects and arrays of objects walked, with the values of each enum. */
function fieldsOf(kind: RecordKind, schema: unknown, path: string[] = []): Field[] {
  let def = (schema as ZodLike)?._zod?.def;
  // optional, nullable, default: the field itself is inside.
  while (def?.innerType) def = (def.innerType as ZodLike)._zod?.def;
  if (!def) return [];
  if (def.type === 'object')
    return Object.entries(def.shape as Record<string, unknown>).flatMap(([name, field]) => [
      { kind, path: [...path, name].join('.') },
      ...fieldsOf(kind, field, [...path, name]),
    ]);
  if (def.type === 'array') return fieldsOf(kind, def.element, path);
  if (def.type === 'enum' && path.length > 0)
    return [{ kind, path: path.join('.'), values: Object.values(def.entries as Record<string, string>) }];
  return [];
}

const fields = (Object.keys(RECORD_KINDS) as RecordKind[]).flatMap((kind) =>
  fieldsOf(kind, RECORD_KINDS[kind].schema),
);
const named = fields.filter((f) => !f.values);
const coded = fields.filter((f) => f.values);
const fallback = (field: string) =>
  field
    .split('.')
    .at(-1)!
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
/** Values that are their own name on every screen: a visit's code. */
const selfNamed = (value: string) => /^M\d+$/.test(value) || value === 'eCRF';

beforeAll(async () => {
  await initI18n('fr');
});
afterAll(async () => {
  await i18next.changeLanguage('fr');
});

describe('field labels', () => {
  it('cover the kinds with a fixed shape, and their nested fields and coded values', () => {
    const kinds = new Set(named.map((f) => f.kind));
    for (const kind of ['participant', 'vitalSigns', 'adverseEvent', 'monitoringCheck', 'doseDecision'])
      expect(kinds.has(kind as RecordKind)).toBe(true);
    expect(named.map((f) => `${f.kind}.${f.path}`)).toEqual(
      expect.arrayContaining(['doseDecision.settings.prior.a', 'eligibility.facts.hiv']),
    );
    expect(coded.map((f) => `${f.kind}.${f.path}`)).toEqual(
      expect.arrayContaining(['adverseEvent.relatedness', 'doseDecision.decision']),
    );
  });

  for (const language of ['fr', 'en'] as const) {
    it(`name every field in ${language}`, async () => {
      await i18next.changeLanguage(language);
      const unnamed = named
        .filter(
          ({ kind, path }) =>
            fieldLabel(i18next.t, i18next, kind, path) === fallback(path) &&
            // A name that happens to read as its code's words ("by phone").
            !i18next.exists(`conflicts.fieldNames.${path.split('.').at(-1)}`),
        )
        .map(({ kind, path }) => `${kind}.${path}`);
      expect(unnamed).toEqual([]);
    });

    it(`word every coded value in ${language}`, async () => {
      await i18next.changeLanguage(language);
      const unworded = coded.flatMap(({ kind, path, values }) =>
        values!
          .filter((v) => !selfNamed(v) && fieldValue(i18next.t, i18next, kind, path, v) === v)
          .map((v) => `${kind}.${path}=${v}`),
      );
      expect(unworded).toEqual([]);
    });
  }
});
