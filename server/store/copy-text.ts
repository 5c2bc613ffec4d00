import type { CopyValue } from './store';

// PostgreSQL's COPY text format (https://www.postgresql.org/docs/current/sql-copy.html, "Text Format"): one line
// per row, columns separated by tabs, \N for NULL, and a backslash escaping itself and the characters that would
// end a column or a line. Objects go as their JSON text (for json/jsonb columns). NUL cannot be written in COPY
// text (nor stored in text or jsonb): the push refuses it before (findBadText), so a row holding one is a bug.

const SPECIAL = /[\\\t\n\r]/g;
const SPECIAL_OR_NUL = /[\\\t\n\r\0]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

function field(value: CopyValue): string {
  if (value === null) return '\\N';
  if (typeof value === 'boolean') return value ? 't' : 'f';
  if (typeof value === 'number') return String(value);
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  // Most fields (ids, times, a record's JSON) hold nothing to escape: one scan says so.
  if (!SPECIAL_OR_NUL.test(text)) return text;
  if (text.includes('\0')) throw new Error('NUL cannot be copied into the store');
  return text.replace(SPECIAL, (c) => ESCAPES[c]!);
}

/** The rows as COPY text, each line ending with a newline. */
export function copyText(rows: readonly (readonly CopyValue[])[]): string {
  let out = '';
  for (const row of rows) {
    for (let i = 0; i < row.length; i++) out += (i === 0 ? '' : '\t') + field(row[i] as CopyValue);
    out += '\n';
  }
  return out;
}
