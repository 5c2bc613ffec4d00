import { describe, expect, it } from 'vitest';
import {
  adverseEventTermFor,
  gradeHistory,
  mayWriteAdverseEvent,
  physicianOnlyChanges,
  saeClock,
  summarizeTolerance,
  withWorstGrade,
  worstAdverseEventGrade,
} from '@/domain';
import { contentRuleViolation } from '@/domain/record-rules';
import type { AdverseEvent, AdverseEventGrade } from '@/schema/adverse-events';

const HOUR = 3_600_000;
const fever: AdverseEvent = {
  term: adverseEventTermFor('fever'),
  grade: 1,
  onsetAt: '2026-03-02T18:00:00+01:00',
  serious: false,
};
const grading = (grade: 1 | 2 | 3 | 4 | 5, gradedAt: string): { id: string; data: AdverseEventGrade } => ({
  id: `g-${gradedAt}`,
  data: { adverseEventId: '0190e3c6-0000-7000-8000-000000000001', grade, gradedAt, version: '5.0' },
});

describe('an adverse event over time', () => {
  const gradings = [grading(1, '2026-03-04T09:00:00+01:00'), grading(3, '2026-03-03T09:00:00+01:00')];

  it('keeps every grading in time order after the grade at onset', () => {
    expect(gradeHistory(fever, gradings).map((p) => p.grade)).toEqual([1, 3, 1]);
  });

  it('derives the worst grade from the grade at onset and every grading', () => {
    expect(worstAdverseEventGrade(fever, [])).toBe(1);
    expect(worstAdverseEventGrade(fever, gradings)).toBe(3);
    expect(worstAdverseEventGrade({ grade: 4 }, gradings)).toBe(4);
  });

  it('feeds the tolerance summary with the worst grade, so a grade 3 reached on day 2 counts as 3', () => {
    const summary = summarizeTolerance({
      events: [{ id: 'e1', data: withWorstGrade(fever, gradings) }],
      infusionStartedAt: Date.parse('2026-03-02T09:00:00+01:00'),
      now: Date.parse('2026-03-05T09:00:00+01:00'),
    });
    expect(summary.status === 'complete' && summary.byTerm[0]!.worstGrade).toBe(3);
  });
});

describe('who may change what in an adverse event', () => {
  it('a nurse records term, grade, onset, seriousness; a physician assesses relation, expectedness, notification', () => {
    const assessed: AdverseEvent = { ...fever, relatedness: 'possible', expectedness: 'expected' };
    expect(physicianOnlyChanges(undefined, fever)).toEqual([]);
    expect(physicianOnlyChanges(fever, assessed)).toEqual(['relatedness', 'expectedness']);
    expect(mayWriteAdverseEvent('nurse', fever, assessed)).toBe(false);
    expect(mayWriteAdverseEvent('physician', fever, assessed)).toBe(true);
    // A nurse may revise an assessed event as long as the assessment is carried unchanged.
    expect(
      mayWriteAdverseEvent('nurse', assessed, { ...assessed, endedAt: '2026-03-03T08:00:00+01:00' }),
    ).toBe(true);
    expect(mayWriteAdverseEvent('nurse', assessed, { ...assessed, relatedness: undefined })).toBe(false);
    expect(contentRuleViolation('adverseEvent', 'nurse', undefined, assessed as never)).toMatch(
      /relatedness/,
    );
    expect(contentRuleViolation('vitalSigns', 'nurse', undefined, {})).toBeNull();
  });
});

describe('the SAE countdown', () => {
  const aware = '2026-03-03T10:00:00+01:00';
  const sae: AdverseEvent = {
    ...fever,
    grade: 3,
    serious: true,
    seriousness: ['hospitalisation'],
    awareAt: aware,
  };
  const at = (hours: number) => Date.parse(aware) + hours * HOUR;

  it('counts down 24 hours from awareness, due to the millisecond of the deadline, then overdue', () => {
    expect(saeClock(fever, at(0))).toBeNull();
    expect(saeClock(sae, at(0))).toMatchObject({ status: 'due', remainingMs: 24 * HOUR, notifyBy: at(24) });
    expect(saeClock(sae, at(23.5))).toMatchObject({ status: 'due', remainingMs: 0.5 * HOUR });
    expect(saeClock(sae, at(24))).toMatchObject({ status: 'due', remainingMs: 0 });
    expect(saeClock(sae, at(24) + 1)).toMatchObject({ status: 'overdue', remainingMs: -1 });
  });

  it('stops when the sponsor notification is recorded, on time or late', () => {
    const notified = { ...sae, sponsorNotifiedAt: new Date(at(5)).toISOString() };
    expect(saeClock(notified, at(30))).toEqual({
      awareAt: at(0),
      notifyBy: at(24),
      notifiedAt: at(5),
      status: 'notifiedOnTime',
    });
    expect(saeClock({ ...sae, sponsorNotifiedAt: new Date(at(25)).toISOString() }, at(30))!.status).toBe(
      'notifiedLate',
    );
  });
});
