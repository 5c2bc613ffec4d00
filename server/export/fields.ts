import { z } from 'zod';
import { bedsideTermByMeddraCode, ctcaeEntry } from '../../src/domain/safety';
import en from '../../src/i18n/en';
import fr from '../../src/i18n/fr';
import { RECORD_KINDS, type RecordKindSpec } from '../../src/schema/records';

// The export's metadata, derived from each record kind's zod schema (src/schema/records.ts) so that a kind added
// there appears in the CSV files, the data dictionary and the ODM metadata without a change here. The schema is
// read through its JSON Schema (zod's own z.toJSONSchema): nested objects become dotted fields (`term.meddraCode`),
// a union of objects merges their fields, enumerations and constants become code lists, arrays and free-form
// objects one JSON text field.

export type FieldType = 'text' | 'integer' | 'float' | 'boolean' | 'date' | 'datetime' | 'json';
export type Code = { code: string; labelFr: string; labelEn: string };

export type Field = {
  /** Dotted path in the record's data: `sbp`, `term.meddraCode`, `facts.immunosuppressantFailure.rituximab`. */
  name: string;
  path: readonly string[];
  type: FieldType;
  /** The allowed values, when the schema enumerates them, with their labels from the interface's catalogues. */
  codes?: readonly Code[];
  /** Labelled by lookup rather than a code list: a MedDRA code by its CTCAE term. */
  lookup?: 'ctcaeTerm';
  /** Bounds and lengths the schema enforces, as text for the dictionary ("40 to 300", "at most 2000 characters"). */
  constraints: string;
  required: boolean;
};

export type KindMeta = { kind: string; mode: RecordKindSpec['mode']; fields: readonly Field[] };

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  propertyNames?: JsonSchema;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
};

const SAFE_LIMIT = Number.MAX_SAFE_INTEGER;

function constraintsOf(schema: JsonSchema): string {
  const parts: string[] = [];
  const bound = (value: number | undefined) =>
    value !== undefined && Math.abs(value) < SAFE_LIMIT ? value : undefined;
  const min = bound(schema.minimum);
  const max = bound(schema.maximum);
  const above = bound(schema.exclusiveMinimum);
  const below = bound(schema.exclusiveMaximum);
  if (min !== undefined) parts.push(`≥ ${min}`);
  if (above !== undefined) parts.push(`> ${above}`);
  if (max !== undefined) parts.push(`≤ ${max}`);
  if (below !== undefined) parts.push(`< ${below}`);
  if (schema.maxLength !== undefined) parts.push(`at most ${schema.maxLength} characters`);
  if (schema.maxItems !== undefined) parts.push(`at most ${schema.maxItems} items`);
  return parts.join(', ');
}

/** The scalar values a schema allows, if it enumerates them (enum, const, or a union of those). */
function enumerated(schema: JsonSchema): unknown[] | undefined {
  if (schema.enum) return schema.enum;
  if (schema.const !== undefined) return [schema.const];
  const options = schema.oneOf ?? schema.anyOf;
  if (!options) return undefined;
  const values = options.map(enumerated);
  return values.every((v) => v !== undefined) ? values.flat() : undefined;
}

function scalarType(schema: JsonSchema, values?: unknown[]): FieldType | undefined {
  const sample = values?.[0];
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === 'boolean' || typeof sample === 'boolean') return 'boolean';
  if (type === 'integer') return 'integer';
  if (type === 'number' || typeof sample === 'number') {
    return values?.every((v) => Number.isInteger(v)) ? 'integer' : 'float';
  }
  if (type === 'string' || typeof sample === 'string') {
    if (schema.format === 'date') return 'date';
    if (schema.format === 'date-time') return 'datetime';
    return 'text';
  }
  return undefined;
}

// ── Labels of coded values, found in the interface's own catalogues ─────────────────────────────────────────────
type Catalogue = { [key: string]: string | Catalogue };

/** Every group of the catalogue (an object of strings) with its dotted path. */
function groups(catalogue: Catalogue, path: string[] = []): { path: string[]; entries: Catalogue }[] {
  const found: { path: string[]; entries: Catalogue }[] = [];
  for (const [key, value] of Object.entries(catalogue)) {
    if (typeof value === 'object')
      found.push({ path: [...path, key], entries: value }, ...groups(value, [...path, key]));
  }
  return found;
}
const FR_GROUPS = groups(fr as unknown as Catalogue);
const EN_GROUPS = groups(en as unknown as Catalogue);

/**
 * The catalogue group that labels every code: one named like the field (`signature.meaning` for a `meaning` field,
 * `admin.role` for `role`), or else, for text codes, one whose keys are exactly the codes. Numbers alone say too
 * little (1, 2, 4 are dose levels here and grades there): they need the field's name. Undefined when none fits.
 */
function labelGroup(codes: readonly string[], fieldName: string, numeric: boolean) {
  const fitting = FR_GROUPS.filter(({ entries }) => codes.every((code) => typeof entries[code] === 'string'));
  const named = fitting.find(({ path }) => path.at(-1) === fieldName);
  if (named || numeric) return named;
  return fitting.find(({ entries }) => Object.keys(entries).length === codes.length);
}

function codesOf(values: unknown[], fieldName: string): Code[] {
  const codes = [...new Set(values.map(String))];
  const group = labelGroup(
    codes,
    fieldName,
    values.every((value) => typeof value === 'number'),
  );
  const enGroup = group && EN_GROUPS.find(({ path }) => path.join('.') === group.path.join('.'));
  return codes.map((code) => ({
    code,
    labelFr: (group?.entries[code] as string | undefined) ?? code,
    labelEn: (enGroup?.entries[code] as string | undefined) ?? code,
  }));
}

// ── Flattening ──────────────────────────────────────────────────────────────────────────────────────────────────
function flatten(schema: JsonSchema, path: string[], required: boolean, out: Field[]): void {
  const name = path.join('.');
  const leaf = path.at(-1) ?? '';
  const add = (type: FieldType, codes?: Code[]) => {
    if (out.some((field) => field.name === name)) return; // a union repeats its shared fields
    out.push({ name, path, type, constraints: constraintsOf(schema), required, ...(codes ? { codes } : {}) });
  };

  const values = enumerated(schema);
  if (values) return add(scalarType(schema, values) ?? 'text', codesOf(values, leaf));

  const options = schema.oneOf ?? schema.anyOf;
  if (options) {
    if (options.every((option) => option.properties)) {
      // A union of objects (a discriminated union): the fields of every option, each optional unless in all.
      const merged = new Map<string, JsonSchema[]>();
      for (const option of options)
        for (const [key, sub] of Object.entries(option.properties!))
          merged.set(key, [...(merged.get(key) ?? []), sub]);
      for (const [key, subs] of merged) {
        const inAll = options.every((option) => option.required?.includes(key));
        // The same field in several options (a data query's `text`) is one field when its schema is the same.
        const same = subs.every((sub) => JSON.stringify(sub) === JSON.stringify(subs[0]));
        const sub: JsonSchema = same ? subs[0]! : { anyOf: subs };
        flatten(sub, [...path, key], required && inAll, out);
      }
      return;
    }
    return add('json');
  }

  if (schema.properties) {
    for (const [key, sub] of Object.entries(schema.properties))
      flatten(sub, [...path, key], required && (schema.required ?? []).includes(key), out);
    return;
  }
  // A record keyed by an enumeration: one field per key.
  const keys = schema.propertyNames && enumerated(schema.propertyNames);
  if (keys && typeof schema.additionalProperties === 'object') {
    for (const key of keys) flatten(schema.additionalProperties, [...path, String(key)], false, out);
    return;
  }
  const type = scalarType(schema);
  add(type ?? 'json');
  if (leaf === 'meddraCode') out.at(-1)!.lookup = 'ctcaeTerm';
}

function fieldsOf(schema: z.ZodType): Field[] {
  const json = z.toJSONSchema(schema, { unrepresentable: 'any', io: 'output' }) as JsonSchema;
  const fields: Field[] = [];
  // An object, or a union of objects (a data query's messages, an infusion step's items): their fields.
  const options = json.oneOf ?? json.anyOf;
  if (json.properties || options?.every((option) => option.properties)) flatten(json, [], true, fields);
  else fields.push({ name: 'value', path: [], type: 'json', constraints: '', required: true });
  return fields;
}

let cache: KindMeta[] | undefined;

/** Every record kind with its fields, in the order of RECORD_KINDS. */
export function exportKinds(): readonly KindMeta[] {
  cache ??= Object.entries(RECORD_KINDS as Record<string, RecordKindSpec>).map(([kind, spec]) => ({
    kind,
    mode: spec.mode,
    fields: fieldsOf(spec.schema),
  }));
  return cache;
}

/** The value of a field in a record's data: undefined when absent. */
export function valueAt(data: unknown, path: readonly string[]): unknown {
  let node = data;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** A field's value as export text: JSON for arrays and objects, the plain value otherwise, '' when absent. */
export function valueText(field: Field, value: unknown): string {
  if (value === undefined || value === null) return '';
  if (field.type === 'json' || typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Whether the field gets a label beside its code in the CSV files. */
export const isLabelled = (field: Field) => field.codes !== undefined || field.lookup !== undefined;

export function labelOf(field: Field, value: unknown, lang: 'fr' | 'en' = 'fr'): string {
  if (value === undefined || value === null) return '';
  if (field.lookup === 'ctcaeTerm') {
    const code = Number(value);
    const bedside = bedsideTermByMeddraCode(code);
    return bedside ? bedside[lang].term : (ctcaeEntry(code)?.term ?? '');
  }
  if (!field.codes) return '';
  const code = field.codes.find((c) => c.code === String(value));
  return code ? (lang === 'fr' ? code.labelFr : code.labelEn) : String(value);
}
