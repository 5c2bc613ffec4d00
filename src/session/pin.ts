import type { PinVerifier, SealedSecret } from '@/db/people';

// The personal PIN, checked on the tablet with WebCrypto only (no library): PBKDF2-HMAC-SHA256 with a random
// 16-byte salt, then HKDF derives two independent values from its output: the stored verifier and the AES-GCM
// key that seals the refresh token. One slow derivation per unlock; the PIN itself is never stored.
//
// Cost: OWASP's 2023 figure for PBKDF2-HMAC-SHA256 is 600 000 iterations. Measured in Debian's Chromium 156
// (headless, 2-core AMD EPYC server): ≈ 80–100 ms for 300 000 iterations, ≈ 95–175 ms for 600 000. A mid-range
// tablet is several times slower (≈ 0.5–1 s), acceptable for an unlock or a signature. The count is stored with
// each verifier, so it can be raised later without locking anyone out.
export const PIN_ITERATIONS = 600_000;
export const MIN_PIN_ITERATIONS = 300_000;
export const PIN_MIN_LENGTH = 6;
export const PIN_MAX_LENGTH = 12;

const VERIFIER_INFO = 'chevet pin verifier v1';
const SEALING_INFO = 'chevet refresh-token key v1';
const encoder = new TextEncoder();

export type PinProblem = 'format' | 'too-simple' | 'mismatch';

/**
 * Checks a new PIN and its confirmation: digits only, 6 to 12 of them, not one repeated digit nor a run such as
 * 123456 or 987654 (the first guesses anyone tries).
 */
export function checkNewPin(pin: string, confirmation: string): PinProblem | null {
  if (!new RegExp(`^\\d{${PIN_MIN_LENGTH},${PIN_MAX_LENGTH}}$`).test(pin)) return 'format';
  if (isTooSimple(pin)) return 'too-simple';
  if (pin !== confirmation) return 'mismatch';
  return null;
}

function isTooSimple(pin: string): boolean {
  const digits = [...pin].map(Number);
  const steps = new Set(digits.slice(1).map((d, i) => (d - digits[i]! + 10) % 10));
  // One repeated digit (step 0), or a run up or down (step 1 or 9, wrapping 9→0).
  return steps.size === 1 && [0, 1, 9].includes([...steps][0]!);
}

export type PinKeys = { verifier: PinVerifier; key: CryptoKey };

/** A fresh verifier and sealing key for a new PIN (random salt). */
export async function createPinKeys(pin: string, iterations = PIN_ITERATIONS): Promise<PinKeys> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const { hash, key } = await derive(pin, salt, iterations);
  return {
    verifier: { algorithm: 'PBKDF2-SHA256', salt: toBase64(salt), iterations, hash: toBase64(hash) },
    key,
  };
}

/** The sealing key when the PIN matches the verifier, else null. */
export async function verifyPin(pin: string, verifier: PinVerifier): Promise<CryptoKey | null> {
  const { hash, key } = await derive(pin, fromBase64(verifier.salt), verifier.iterations);
  return constantTimeEqual(hash, fromBase64(verifier.hash)) ? key : null;
}

async function derive(pin: string, salt: Uint8Array<ArrayBuffer>, iterations: number) {
  const material = await crypto.subtle.importKey('raw', encoder.encode(pin), 'PBKDF2', false, ['deriveBits']);
  const stretched = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    256,
  );
  const hkdf = await crypto.subtle.importKey('raw', stretched, 'HKDF', false, ['deriveBits', 'deriveKey']);
  const hkdfParams = (info: string) => ({
    name: 'HKDF',
    hash: 'SHA-256',
    salt: new Uint8Array(0),
    info: encoder.encode(info),
  });
  const hash = new Uint8Array(await crypto.subtle.deriveBits(hkdfParams(VERIFIER_INFO), hkdf, 256));
  // Not extractable: the key can seal and open, never be read back out of memory as bytes.
  const key = await crypto.subtle.deriveKey(
    hkdfParams(SEALING_INFO),
    hkdf,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
  return { hash, key };
}

/** Seals a secret (the refresh token) with AES-GCM; `owner` (the user id) binds it to its person. */
export async function sealSecret(key: CryptoKey, secret: string, owner: string): Promise<SealedSecret> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ciphertext = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: encoder.encode(owner) },
    key,
    encoder.encode(secret),
  );
  return { algorithm: 'AES-GCM', iv: toBase64(iv), ciphertext: toBase64(new Uint8Array(ciphertext)) };
}

/** Opens a sealed secret; null when the key or the owner is not the one it was sealed with. */
export async function openSecret(
  key: CryptoKey,
  sealed: SealedSecret,
  owner: string,
): Promise<string | null> {
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64(sealed.iv), additionalData: encoder.encode(owner) },
      key,
      fromBase64(sealed.ciphertext),
    );
    return new TextDecoder().decode(plain);
  } catch {
    return null;
  }
}

function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a[i]! ^ b[i]!;
  return difference === 0;
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
