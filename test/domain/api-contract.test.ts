import { describe, expect, it } from 'vitest';
import * as domain from '@/domain';

// The names of shared/clinical/domain-api.md: screens, the server, exports and outside checkers rely on them.
const CONTRACT = [
  'SLEDAI_DESCRIPTORS',
  'scoreSledai',
  'scoreBilag',
  'scorePga',
  'scoreSdi',
  'scoreSf36',
  'scoreEq5d5l',
  'sriResponse',
  'clinicalResponse',
  'steroidSparing',
  'computeDose',
  'toxicityPosterior',
  'recommendNextDose',
  'assessVitals',
  'gradeLab',
  'cockcroftGault',
  'ckdEpi2021',
  'ageAt',
  'infusionSchedule',
  'monitoringSchedule',
  'visitSchedule',
  'itemState',
] as const;

describe('the clinical core public API', () => {
  it('exports every name of the contract from src/domain/index.ts', () => {
    expect(CONTRACT.filter((name) => !(name in domain))).toEqual([]);
  });

  it('exports the rules the checklists and screens call beyond the contract', () => {
    expect(
      ['reconcileInfusionReaction', 'toleranceWindow', 'summarizeTolerance'].filter((n) => !(n in domain)),
    ).toEqual([]);
  });

  it('exports the trial configuration as one object', () => {
    expect(Object.keys(domain.TRIAL_CONFIG).sort()).toEqual([
      'dosing',
      'eligibility',
      'endpoints',
      'safety',
      'schedule',
    ]);
  });

  it('answers incomplete, never a number, for missing input', () => {
    expect(domain.scoreSledai({})).toMatchObject({ status: 'incomplete' });
    expect(domain.computeDose({ weightKg: 250, doseLevel: 2 })).toMatchObject({
      status: 'incomplete',
      missing: ['weightKg'],
    });
  });
});
