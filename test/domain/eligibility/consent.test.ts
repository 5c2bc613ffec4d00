import { describe, expect, it } from 'vitest';
import { consentProblems } from '@/domain';

describe('consentProblems', () => {
  it('accepts procedures on or after the consent day', () => {
    expect(consentProblems('2026-03-02', { screening: '2026-03-02', inclusion: '2026-03-10' })).toEqual([]);
  });
  it('refuses a procedure dated before the consent, naming it', () => {
    expect(consentProblems('2026-03-02', { screening: '2026-03-01', inclusion: undefined })).toEqual([
      {
        problem: 'procedureBeforeConsent',
        procedure: 'screening',
        date: '2026-03-01',
        consentDate: '2026-03-02',
      },
    ]);
  });
  it('asks for the consent date once a procedure is dated', () => {
    expect(consentProblems(undefined, { screening: '2026-03-01' })).toEqual([
      { problem: 'consentMissing', procedure: 'screening', date: '2026-03-01' },
    ]);
    expect(consentProblems(undefined, {})).toEqual([]);
  });
});
