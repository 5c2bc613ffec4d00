import { z } from 'zod';

// Ids are UUIDs (v7 for records and mutations: time-ordered, generated offline on the tablet).
export const uuidSchema = z.uuid();
export const isoDateTimeSchema = z.iso.datetime({ offset: true });
export const isoDateSchema = z.iso.date();

// NUL (U+0000) and a lone surrogate are never meaningful text: PostgreSQL refuses both (text, jsonb), they break
// exports and display, and a client sending them is broken or hostile. Every string of every shape (records,
// reasons, names, device names, usernames, passwords) is a `textSchema`; the store also scans whole bodies with
// `findBadText`, so a shape that forgot it is still covered (wire-contract.md, "What the store enforces").
// eslint-disable-next-line no-control-regex -- NUL is exactly what this refuses
const BAD_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
export const BAD_TEXT_MESSAGE = 'holds a NUL character or a lone surrogate';

// Almost every text holds neither a NUL nor any surrogate at all: that one-class scan settles it, and only a text
// holding a surrogate (an emoji, paired) pays for the pairing check.
// eslint-disable-next-line no-control-regex -- as above
const NUL_OR_SURROGATE = /[\u0000\uD800-\uDFFF]/;

export function isCleanText(value: string): boolean {
  return !NUL_OR_SURROGATE.test(value) || !BAD_TEXT.test(value);
}

/** The one text schema: a string without NUL or lone surrogate. Chain `.trim()`, `.min()`, `.max()` on it. */
export const textSchema = z.string().refine(isCleanText, { message: BAD_TEXT_MESSAGE, abort: true });

/** The path (`data.comment`, `mutations.3.reason`) of the first string or key holding bad text, or null. */
export function findBadText(value: unknown, path: readonly (string | number)[] = []): string | null {
  // The path is built only for the way down to bad text: a clean body (nearly every one) allocates nothing.
  return holdsBadText(value) ? badTextPath(value, path) : null;
}

function holdsBadText(value: unknown): boolean {
  if (typeof value === 'string') return !isCleanText(value);
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) {
    for (const item of value) if (holdsBadText(item)) return true;
    return false;
  }
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    if (!isCleanText(key) || holdsBadText((value as Record<string, unknown>)[key])) return true;
  }
  return false;
}

function badTextPath(value: unknown, path: readonly (string | number)[]): string | null {
  if (typeof value === 'string') return isCleanText(value) ? null : path.join('.') || 'value';
  if (value === null || typeof value !== 'object') return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = badTextPath(value[i], [...path, i]);
      if (found !== null) return found;
    }
    return null;
  }
  for (const [key, item] of Object.entries(value)) {
    if (!isCleanText(key)) return [...path, '(key)'].join('.');
    const found = badTextPath(item, [...path, key]);
    if (found !== null) return found;
  }
  return null;
}

/**
 * A record's `data` where the sync shapes carry it: a JSON object (not an array, not null), taken as it is. Its
 * kind's schema checks its fields; `z.record(z.string(), z.unknown())` copied it key by key first, the costliest
 * step of checking a pushed mutation or a pulled change (issue 25).
 */
export const dataObjectSchema = z.custom<Record<string, unknown>>(
  (value) => typeof value === 'object' && value !== null && !Array.isArray(value),
  { message: 'expected an object' },
);

export const reasonSchema = textSchema.trim().min(3).max(1000);

export const roleSchema = z.enum(['nurse', 'physician', 'data-manager', 'admin']);
export type Role = z.infer<typeof roleSchema>;
export const ROLES = roleSchema.options;
