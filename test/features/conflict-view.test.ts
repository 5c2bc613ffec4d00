import { describe, expect, it } from 'vitest';
import type { StoredRevision } from '@/db/types';
import { conflictView, mergeChoices } from '@/features/conflicts/conflict-view';

const revision = (over: Partial<StoredRevision>): StoredRevision => ({
  mutationId: `m${over.rev}`,
  recordId: 'r1',
  kind: 'participant',
  patientId: 'r1',
  op: 'revise',
  rev: 1,
  baseRev: null,
  data: {},
  at: '2026-03-02T09:00:00Z',
  userId: 'u1',
  deviceId: 'd1',
  seq: over.rev ?? 1,
  status: 'applied',
  ...over,
});

describe('the conflict view', () => {
  const history = [
    revision({ rev: 1, op: 'create', data: { trialNumber: 'MSC-LES-01', initials: 'AB' } }),
    revision({
      rev: 2,
      baseRev: 1,
      data: { trialNumber: 'MSC-LES-01', initials: 'AB', comment: 'first', sex: 'F' },
    }),
    revision({
      rev: 3,
      baseRev: 1,
      status: 'conflict',
      userId: 'u2',
      data: { trialNumber: 'MSC-LES-01', initials: 'AB', comment: 'second' },
    }),
  ];

  it('puts the stored revision and the competing one side by side, field by field', () => {
    const view = conflictView(history)!;
    expect(view.stored.rev).toBe(2);
    expect(view.competing.rev).toBe(3);
    expect(view.fields.filter((f) => f.differs).map((f) => f.name)).toEqual(['comment', 'sex']);
  });

  it('merges the sides the physician chose, field by field', () => {
    const view = conflictView(history)!;
    expect(mergeChoices(view, { comment: 'competing' })).toEqual({
      trialNumber: 'MSC-LES-01',
      initials: 'AB',
      comment: 'second',
      sex: 'F',
    });
    expect(mergeChoices(view, { comment: 'competing', sex: 'competing' })).toEqual({
      trialNumber: 'MSC-LES-01',
      initials: 'AB',
      comment: 'second',
    });
  });

  it('shows nothing for a record whose latest revision resolved the conflict', () => {
    expect(
      conflictView([
        ...history,
        revision({ rev: 4, baseRev: 3, data: { trialNumber: 'MSC-LES-01', initials: 'AB' } }),
      ]),
    ).toBeUndefined();
  });
});
