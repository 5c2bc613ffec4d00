// The canonical JSON a signature hashes: object keys sorted (UTF-16 code-unit order, as RFC 8785), no spaces,
// numbers and strings as JSON.stringify writes them, undefined members left out. The same data always gives the
// same text, whatever order its fields were typed or synced in.

export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function')
    return canonicalJson((value as { toJSON(): unknown }).toJSON());
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
  const object = value as Record<string, unknown>;
  const keys = Object.keys(object)
    .filter((key) => object[key] !== undefined && typeof object[key] !== 'function')
    .sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(object[key])}`).join(',')}}`;
}

/** SHA-256 (WebCrypto) of a text's UTF-8 bytes, as 64 lower-case hex digits. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** The content hash a signature carries: SHA-256 of the canonical JSON of the record's data. */
export function contentHash(data: unknown): Promise<string> {
  return sha256Hex(canonicalJson(data));
}
