import { describe, expect, it } from 'vitest';
import { DEFAULT_SCRYPT_COST } from '../../server/auth/auth-policy';
import { hashPassword, spendVerificationTime, verifyPassword } from '../../server/auth/passwords';

// A low cost keeps these tests fast; the production cost is checked once, below.
const FAST = { ln: 10, r: 8, p: 1 };

describe('password hashing', () => {
  it('stores scrypt with its parameters and a salt, never the password itself', async () => {
    const hash = await hashPassword('correct horse battery', FAST);
    expect(hash).toMatch(/^\$scrypt\$ln=10,r=8,p=1\$[\w-]{22}\$[\w-]{43}$/);
    expect(hash).not.toContain('correct horse battery');
  });

  it('uses a memory-hard production cost at the OWASP minimum by default', async () => {
    expect(DEFAULT_SCRYPT_COST).toEqual({ ln: 15, r: 8, p: 3 });
    const hash = await hashPassword('correct horse battery');
    expect(hash.startsWith('$scrypt$ln=15,r=8,p=3$')).toBe(true);
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
  });

  it('salts each hash, so one password hashed twice gives two different hashes', async () => {
    const [a, b] = await Promise.all([
      hashPassword('same password', FAST),
      hashPassword('same password', FAST),
    ]);
    expect(a).not.toBe(b);
  });

  it('accepts the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('correct horse battery', FAST);
    expect(await verifyPassword('correct horse battery', hash)).toBe(true);
    expect(await verifyPassword('correct horse batterY', hash)).toBe(false);
    expect(await verifyPassword('', hash)).toBe(false);
  });

  it('verifies with the parameters stored in the hash, so raising the cost keeps old accounts working', async () => {
    const older = await hashPassword('an older account', { ln: 11, r: 4, p: 1 });
    expect(await verifyPassword('an older account', older)).toBe(true);
  });

  it('treats composed and decomposed accents as the same password', async () => {
    const hash = await hashPassword('infirmi\u00e8re-2026', FAST);
    expect(await verifyPassword('infirmie\u0300re-2026', hash)).toBe(true);
  });

  it('refuses, without computing, a stored value that is not one of its hashes or asks for a huge cost', async () => {
    const hash = await hashPassword('correct horse battery', FAST);
    for (const stored of [
      'fixture',
      '',
      hash.replace('ln=10', 'ln=30'),
      hash.replace('p=1', 'p=0'),
      hash.slice(0, -4),
      hash.replace('$scrypt$', '$argon2id$'),
    ]) {
      expect(await verifyPassword('correct horse battery', stored)).toBe(false);
    }
  });

  it('spends a verification on unknown users without failing', async () => {
    await expect(spendVerificationTime('whatever')).resolves.toBeUndefined();
  });
});
