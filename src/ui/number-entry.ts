// What a key does to a value typed on the number pad, and when the value is complete (pure; NumberPad.tsx draws
// it). The nurse types only digits: the pad knows each field's bounds and decimals, so it moves to the next field
// as soon as no further digit could give a value within bounds (120 for a systolic pressure, 98 for SpO₂), puts
// the decimal separator itself where an integer could not continue (3, 7, 2 → 37,2 °C), and shows at once a value
// that can no longer fall within bounds (35 for a systolic pressure).

export type PadFieldSpec = {
  min: number;
  max: number;
  /** digits after the separator, default 0 */ decimals?: number;
};

const SEP = '.';

/** The number typed, with a comma or a point; NaN when empty or malformed. */
export function parseEntry(text: string): number {
  const normal = text.trim().replace(',', SEP);
  return /^\d+(\.\d*)?$/.test(normal) ? Number(normal) : Number.NaN;
}

/** Whether some value within bounds starts with these characters (the entry can still become valid). */
export function couldBecomeValid(text: string, field: PadFieldSpec): boolean {
  const normal = text.replace(',', SEP);
  if (normal === '') return true;
  const decimals = field.decimals ?? 0;
  const match = /^(\d+)(?:\.(\d*))?$/.exec(normal);
  if (!match) return false;
  const [, int, frac] = match;
  if (int!.length > 1 && int!.startsWith('0')) return false;
  const intersects = (lo: number, hi: number) => hi >= field.min && lo <= field.max;
  if (frac !== undefined) {
    if (decimals === 0 || frac.length > decimals) return false;
    const scale = 10 ** (decimals - frac.length);
    const lo = Number(`${int}.${frac}`);
    return intersects(lo, lo + (scale - 1) / 10 ** decimals);
  }
  const v = Number(int);
  // A leading zero cannot be followed by more digits: only "0" itself (or "0,5") remains.
  if (v === 0) return intersects(0, decimals > 0 ? 1 - 10 ** -decimals : 0);
  // The integer itself (with any decimals after it), or longer integers.
  if (intersects(v, decimals > 0 ? v + 1 - 10 ** -decimals : v)) return true;
  for (let k = 1; k <= 4; k++) {
    const lo = v * 10 ** k;
    if (lo > field.max) break;
    if (intersects(lo, (v + 1) * 10 ** k - 1 + (decimals > 0 ? 1 - 10 ** -decimals : 0))) return true;
  }
  return false;
}

/** A value within the field's bounds, with no more decimals than allowed. */
export function isWithinBounds(text: string, field: PadFieldSpec): boolean {
  const value = parseEntry(text);
  const frac = text.replace(',', SEP).split(SEP)[1] ?? '';
  return (
    Number.isFinite(value) && value >= field.min && value <= field.max && frac.length <= (field.decimals ?? 0)
  );
}

export type PadKey = '0' | '1' | '2' | '3' | '4' | '5' | '6' | '7' | '8' | '9' | 'decimal' | 'back';

/** The entry after a key. A digit that could not give a valid value as an integer goes after the separator. */
export function applyKey(text: string, key: PadKey, field: PadFieldSpec, separator = ','): string {
  if (key === 'back') return text.slice(0, -1);
  const hasSep = /[.,]/.test(text);
  if (key === 'decimal') {
    if (hasSep || (field.decimals ?? 0) === 0) return text;
    return `${text === '' ? '0' : text}${separator}`;
  }
  if (text.length >= 8) return text;
  const plain = `${text}${key}`;
  if (!hasSep && (field.decimals ?? 0) > 0 && text !== '' && !couldBecomeValid(plain, field)) {
    const withSep = `${text}${separator}${key}`;
    if (couldBecomeValid(withSep, field)) return withSep;
  }
  return plain;
}

/** Whether another digit could still make a valid value (then the pad waits for it). */
export function canExtend(text: string, field: PadFieldSpec): boolean {
  return '0123456789'.split('').some((d) => {
    const next = applyKey(text, d as PadKey, field);
    return next !== text && couldBecomeValid(next, field);
  });
}

/** Complete: within bounds and no digit could follow. The pad moves on by itself. */
export function isComplete(text: string, field: PadFieldSpec): boolean {
  return isWithinBounds(text, field) && !canExtend(text, field);
}
