import type { z } from 'zod';

// One way for every score to turn a person's input into either a value or the list of what is wrong with it, so
// that "incomplete" always names every offending id and never stops at the first.

export type InputCheck<T> = { ok: true; value: T } | { ok: false; missing: string[] };

const joinId = (prefix: string | undefined, path: readonly PropertyKey[]) =>
  [prefix, ...path.map(String)].filter((part) => part !== undefined && part !== '').join('.');

/**
 * The ids a zod check refused, dotted from the root (`followUp.bilag.renal`). A key the schema does not know is a
 * programming error (a caller passing an id that does not exist), so it throws rather than coming back incomplete.
 */
export function refusedIds(error: z.ZodError, prefix?: string): string[] {
  const ids = new Set<string>();
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      throw new Error(
        `Unknown id(s): ${issue.keys.map((key) => joinId(prefix, [...issue.path, key])).join(', ')}`,
      );
    }
    ids.add(joinId(prefix, issue.path));
  }
  return [...ids];
}

/**
 * Validates `input` against `schema` and, for the ids a complete answer needs, also reports those left unanswered
 * (absent or undefined) — invalid and unanswered ids together, each once, in that order.
 */
export function checkInput<T>(
  schema: z.ZodType<T>,
  input: unknown,
  options: { required?: readonly string[]; prefix?: string } = {},
): InputCheck<T> {
  const parsed = schema.safeParse(input);
  const refused = parsed.success ? [] : refusedIds(parsed.error, options.prefix);
  const record = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
  const unanswered = (options.required ?? [])
    .filter((id) => record[id] === undefined)
    .map((id) => joinId(options.prefix, [id]));
  const missing = [...new Set([...refused, ...unanswered])];
  if (parsed.success && missing.length === 0) return { ok: true, value: parsed.data };
  return { ok: false, missing };
}
