import { describe, expect, it } from 'vitest';
import type { StoredRevision } from '@/db/types';
import { flattenFields, recordHistory } from '@/session/record-history';

// The shared history compares a form's nested groups item by item: an SF-36 or SELENA-SLEDAI revision that changes
// one item shows that item, and a creation lists the items it set, each as a field of its own.

const revision = (rev: number, data: Record<string, unknown>, over: Partial<StoredRevision> = {}) =>
  ({
    mutationId: `m${rev}`,
    recordId: 'r1',
    kind: 'sledai',
    patientId: 'p1',
    op: rev === 1 ? 'create' : 'revise',
    rev,
    baseRev: rev === 1 ? null : rev - 1,
    data,
    at: `2026-03-0${rev}T09:00:00.000Z`,
    userId: 'u1',
    deviceId: 'd1',
    seq: rev,
    receivedAt: null,
    status: 'applied',
    ...over,
  }) as unknown as StoredRevision;

describe('recordHistory', () => {
  it('flattens nested groups to dotted fields, keeping arrays and empty groups as values', () => {
    expect(
      flattenFields({ visit: 'M0', items: { arthritis: true, rash: false }, tags: ['a'], none: {} }),
    ).toEqual({
      visit: 'M0',
      'items.arthritis': true,
      'items.rash': false,
      tags: ['a'],
      none: {},
    });
  });

  it('shows only the item a revision changed', () => {
    const history = recordHistory([
      revision(1, { visit: 'M0', items: { arthritis: false, rash: false } }),
      revision(2, { visit: 'M0', items: { arthritis: true, rash: false } }, { reason: 'relecture' }),
    ]);
    expect(history[0]!.changes.map((c) => c.name)).toEqual(['visit', 'items.arthritis', 'items.rash']);
    expect(history[1]!.changes).toEqual([{ name: 'items.arthritis', before: false, after: true }]);
  });

  it('compares a revision after a refused one with the last kept value', () => {
    const history = recordHistory([
      revision(1, { items: { arthritis: false } }),
      revision(2, { items: { arthritis: true } }, { status: 'rejected' }),
      revision(3, { items: { arthritis: true } }),
    ]);
    const third = history.find((entry) => entry.revision.rev === 3)!;
    expect(third.changes).toEqual([{ name: 'items.arthritis', before: false, after: true }]);
  });
});
