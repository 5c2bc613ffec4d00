import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';

// The app's page carries its boot script and its style sheets inline (scripts/prerender-plugin.mjs): the policy
// allows exactly those, by their sha256 hashes, and nothing else inline ('unsafe-inline' never).

export type InlineHashes = { script: string[]; style: string[] };

const INLINE = /<(script|style)\b([^>]*)>([\s\S]*?)<\/\1\s*>/gi;
const TYPE = /\btype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i;
// A script element whose type is not JavaScript is a data block: never run, not governed by script-src.
const isDataBlock = (attributes: string) => {
  const type = TYPE.exec(attributes);
  const value = (type?.[1] ?? type?.[2] ?? type?.[3] ?? '').trim().toLowerCase();
  return !['', 'module', 'text/javascript', 'application/javascript'].includes(value);
};

const source = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The CSP sources ('sha256-…') of an HTML page's inline scripts and style sheets, in page order. */
export function inlineHashes(html: string): InlineHashes {
  const hashes: InlineHashes = { script: [], style: [] };
  for (const [, tag = '', attributes = '', body = ''] of html.matchAll(INLINE)) {
    if (tag.toLowerCase() === 'style') hashes.style.push(source(body));
    else if (!/\bsrc\s*=/i.test(attributes) && !isDataBlock(attributes)) hashes.script.push(source(body));
  }
  return hashes;
}

/**
 * The hashes of the page file's inline scripts and style sheets, read again whenever the file changes (a build
 * while the server runs must not leave the new page refused); none when there is no such file.
 */
export function pageHashes(path: string): () => InlineHashes {
  let seen: { mtimeMs: number; size: number; hashes: InlineHashes } | undefined;
  return () => {
    try {
      const { mtimeMs, size } = statSync(path);
      if (!seen || seen.mtimeMs !== mtimeMs || seen.size !== size)
        seen = { mtimeMs, size, hashes: inlineHashes(readFileSync(path, 'utf8')) };
      return seen.hashes;
    } catch {
      return { script: [], style: [] };
    }
  };
}
