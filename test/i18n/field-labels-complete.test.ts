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
  // A visit form is one of several shapes (by its `form`), an SF-36 response one of two.
  if (def.type === 'union')
    return (def.options as unknown[]).flatMap((option) => fieldsOf(kind, option, path));
  // An instrument's answers by item: each item is a field.
  if (def.type === 'record') {
    const keys = (def.keyType as ZodLike)._zod?.def;
    if (keys?.type !== 'enum') return [];
    return Object.values(keys.entries as Record<string, string>).flatMap((key) => [
      { kind, path: [...path, key].join('.') },
      ...fieldsOf(kind, def.valueType, [...path, key]),
    ]);
  }
  if ((def.type === 'enum' || def.type === 'literal') && path.length > 0) {
    const values = def.type === 'enum' ? Object.values(def.entries as Record<string, string>) : def.values;
    const words = (values as unknown[]).filter((v): v is string => typeof v === 'string');
    return words.length > 0 ? [{ kind, path: path.join('.'), values: words }] : [];
  }
  return [];
}

/** One field per kind and path (the shapes of a union repeat their common fields), with all of its values. */
function merged(list: Field[]): Field[] {
  const byPath = new Map<string, Field>();
  for (const field of list) {
    const key = `${field.kind}|${field.path}|${field.values ? 'values' : 'name'}`;
    const known = byPath.get(key);
    if (!known) byPath.set(key, { ...field, values: field.values && [...field.values] });
    else if (field.values) known.values = [...new Set([...known.values!, ...field.values])];
  }
  return [...byPath.values()];
}

const fields = merged(
  (Object.keys(RECORD_KINDS) as RecordKind[]).flatMap((kind) => fieldsOf(kind, RECORD_KINDS[kind].schema)),
);
const named = fields.filter((f) => !f.values);
const coded = fields.filter((f) => f.values);
const fallback = (field: string) =>
  field
    .split('.')
    .at(-1)!
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
/** Values that are their own name on every screen: a visit's code, a BILAG grade. */
const selfNamed = (value: string) => /^M\d+$/.test(value) || /^[A-E]$/.test(value) || value === 'eCRF';

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
      expect.arrayContaining([
        'doseDecision.settings.prior.a',
        'eligibility.facts.hiv',
        'assessment.answers.increasedDnaBinding',
        'assessment.mgPerDay',
      ]),
    );
    expect(coded.map((f) => `${f.kind}.${f.path}`)).toEqual(
      expect.arrayContaining(['adverseEvent.relatedness', 'doseDecision.decision', 'assessment.form']),
    );
  });

  for (const language of ['fr', 'en'] as const) {
    it(`name every field in ${language}`, async () => {
      await i18next.changeLanguage(language);
      const unnamed = named
        .filter(
          ({ kind, path }) =>
            fieldLabel(i18next.t, i18next, kind, path) === fallback(path) &&
            // A name that happens to read as its code's words ("by phone", "azathioprine").
            !i18next.exists(`fieldNames.${path.split('.').at(-1)}`) &&
            !i18next.exists(`eligibility.drug.${path.split('.').at(-1)}`),
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
