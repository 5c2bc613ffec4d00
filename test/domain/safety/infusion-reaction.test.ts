import { describe, expect, it } from 'vitest';
import { reconcileInfusionReaction } from '@/domain';

describe('infusion related reaction vs allergic reaction at one check (NCI: do not report both)', () => {
  it('asks which applies when both are present, before anything is recorded', () => {
    expect(
      reconcileInfusionReaction({ present: ['fever', 'allergicReaction', 'infusionRelatedReaction'] }),
    ).toEqual({
      status: 'question',
      question: 'clinical.infusionReaction.whichApplies',
      options: ['infusionRelatedReaction', 'allergicReaction'],
    });
  });

  it('records the chosen one as the event and the other as its sign', () => {
    const present = ['fever', 'allergicReaction', 'infusionRelatedReaction'] as const;
    expect(reconcileInfusionReaction({ present, applies: 'infusionRelatedReaction' })).toEqual({
      status: 'resolved',
      report: ['fever', 'infusionRelatedReaction'],
      signs: [{ term: 'allergicReaction', signOf: 'infusionRelatedReaction' }],
    });
    expect(reconcileInfusionReaction({ present, applies: 'allergicReaction' })).toEqual({
      status: 'resolved',
      report: ['fever', 'allergicReaction'],
      signs: [{ term: 'infusionRelatedReaction', signOf: 'allergicReaction' }],
    });
  });

  it('asks nothing when only one of the two is present, whatever answer was given before', () => {
    expect(reconcileInfusionReaction({ present: ['allergicReaction', 'urticaria'] })).toEqual({
      status: 'clear',
      report: ['allergicReaction', 'urticaria'],
    });
    expect(
      reconcileInfusionReaction({ present: ['infusionRelatedReaction'], applies: 'allergicReaction' }),
    ).toEqual({ status: 'clear', report: ['infusionRelatedReaction'] });
    expect(reconcileInfusionReaction({ present: [] })).toEqual({ status: 'clear', report: [] });
  });

  it('counts a term ticked twice once', () => {
    expect(reconcileInfusionReaction({ present: ['fever', 'fever'] })).toEqual({
      status: 'clear',
      report: ['fever'],
    });
  });
});
