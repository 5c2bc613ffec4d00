import { describe, expect, it } from 'vitest';
import {
  checkNewPin,
  createPinKeys,
  fromBase64,
  MIN_PIN_ITERATIONS,
  openSecret,
  PIN_ITERATIONS,
  sealSecret,
  verifyPin,
} from '@/session/pin';

const FAST = 1_000;

describe('choosing a PIN', () => {
  it('takes 6 to 12 digits, confirmed twice', () => {
    expect(checkNewPin('482913', '482913')).toBeNull();
    expect(checkNewPin('482913570246', '482913570246')).toBeNull();
    expect(checkNewPin('48291', '48291')).toBe('format');
    expect(checkNewPin('4829135702461', '4829135702461')).toBe('format');
    expect(checkNewPin('48a913', '48a913')).toBe('format');
    expect(checkNewPin('482913', '482914')).toBe('mismatch');
  });

  it('refuses a repeated digit or a run, the first guesses anyone tries', () => {
    for (const pin of ['000000', '111111', '123456', '234567', '987654', '890123', '1234567890'])
      expect(checkNewPin(pin, pin), pin).toBe('too-simple');
    expect(checkNewPin('112233', '112233')).toBeNull();
  });
});

describe('the PIN verifier (PBKDF2-SHA256, WebCrypto)', () => {
  it('uses a random 16-byte salt and at least 300 000 iterations by default', async () => {
    expect(PIN_ITERATIONS).toBeGreaterThanOrEqual(MIN_PIN_ITERATIONS);
    expect(MIN_PIN_ITERATIONS).toBeGreaterThanOrEqual(300_000);
    const { verifier } = await createPinKeys('482913');
    expect(verifier.algorithm).toBe('PBKDF2-SHA256');
    expect(verifier.iterations).toBe(PIN_ITERATIONS);
    expect(fromBase64(verifier.salt)).toHaveLength(16);
    expect(fromBase64(verifier.hash)).toHaveLength(32);
    expect(await verifyPin('482913', verifier)).not.toBeNull();
  });

  it('accepts the right PIN only, and never stores it', async () => {
    const { verifier } = await createPinKeys('482913', FAST);
    expect(JSON.stringify(verifier)).not.toContain('482913');
    expect(await verifyPin('482913', verifier)).not.toBeNull();
    expect(await verifyPin('482914', verifier)).toBeNull();
    expect(await verifyPin('', verifier)).toBeNull();
  });

  it('salts: the same PIN twice gives different verifiers', async () => {
    const a = await createPinKeys('482913', FAST);
    const b = await createPinKeys('482913', FAST);
    expect(a.verifier.salt).not.toBe(b.verifier.salt);
    expect(a.verifier.hash).not.toBe(b.verifier.hash);
  });
});

describe('the refresh token sealed with the PIN key (AES-GCM)', () => {
  it('opens with the key of the right PIN, for the same person only', async () => {
    const { verifier, key } = await createPinKeys('482913', FAST);
    const sealed = await sealSecret(key, 'refresh-token-value', 'user-a');
    expect(JSON.stringify(sealed)).not.toContain('refresh-token-value');
    const again = await verifyPin('482913', verifier);
    expect(await openSecret(again!, sealed, 'user-a')).toBe('refresh-token-value');
    expect(await openSecret(again!, sealed, 'user-b')).toBeNull();
    const other = await createPinKeys('482913', FAST);
    expect(await openSecret(other.key, sealed, 'user-a')).toBeNull();
  });

  it('the key cannot be exported from memory', async () => {
    const { key } = await createPinKeys('482913', FAST);
    expect(key.extractable).toBe(false);
    await expect(crypto.subtle.exportKey('raw', key)).rejects.toThrow();
  });
});
