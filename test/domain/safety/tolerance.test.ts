import { describe, expect, it } from 'vitest';
import {
  adverseEventTermFor,
  summarizeTolerance,
  type AdverseEvent,
  type AdverseEventRecord,
  type ToleranceSummary,
} from '@/domain/safety';
import { adverseEventSchema } from '@/schema/adverse-events';

const HOUR = 3_600_000;
const T0 = Date.parse('2025-03-10T09:00:00+01:00');
/** Infusion start to the end of day 10, 23:59:59.999 Paris time on the calendar day T0 + 10. */
const window = { startsAt: T0, endsAt: Date.parse('2025-03-20T23:59:59.999+01:00') };
const iso = (ms: number) => new Date(ms).toISOString();

const ae = (change: Partial<AdverseEvent> = {}): AdverseEvent => ({
  term: adverseEventTermFor('fever'),
  grade: 1,
  onsetAt: iso(T0 + HOUR),
  serious: false,
  ...change,
});
const sae = (awareAt: number, change: Partial<AdverseEvent> = {}) =>
  ae({ grade: 3, serious: true, seriousness: ['hospitalisation'], awareAt: iso(awareAt), ...change });

const summary = (events: Record<string, AdverseEvent>, now = T0 + 2 * HOUR): ToleranceSummary => {
  const records: AdverseEventRecord[] = Object.entries(events).map(([id, data]) => ({ id, data }));
  const result = summarizeTolerance({ events: records, infusionStartedAt: T0, now });
  if (result.status !== 'complete') throw new Error(`incomplete: ${result.missing.join(', ')}`);
  return result;
};

describe('the tolerance summary', () => {
  it('is empty without events', () => {
    expect(summary({})).toMatchObject({ worstGrade: 0, byTerm: [], dlt: false, dltEvents: [], saes: [] });
  });

  it('keeps the worst grade per term, worst term first', () => {
    const s = summary({
      a: ae({ grade: 1 }),
      b: ae({ grade: 2 }),
      c: ae({ term: adverseEventTermFor('chills'), grade: 1 }),
      d: ae({ term: { kind: 'freeText', text: 'Zona' }, grade: 3, relatedness: 'notRelated' }),
      e: ae({ term: { kind: 'freeText', text: '  zona ' }, grade: 2 }),
    });
    expect(s.worstGrade).toBe(3);
    expect(s.byTerm.map((t) => [t.key, t.worstGrade, t.eventIds])).toEqual([
      ['text:zona', 3, ['d', 'e']],
      ['ctcae:5.0:10016558', 2, ['a', 'b']],
      ['ctcae:5.0:10008531', 1, ['c']],
    ]);
  });

  it('counts events from the start of the infusion to the end of the window, both inclusive', () => {
    const s = summary({
      before: ae({ onsetAt: iso(window.startsAt - 1), grade: 4 }),
      first: ae({ onsetAt: iso(window.startsAt) }),
      last: ae({ onsetAt: iso(window.endsAt) }),
      after: ae({ onsetAt: iso(window.endsAt + 1), grade: 4 }),
    });
    expect(s.byTerm[0]!.eventIds).toEqual(['first', 'last']);
    expect(s.worstGrade).toBe(1);
    expect(s.outsideWindow).toEqual(['before', 'after']);
    expect(s.window).toEqual(window);
  });

  it('ends at the end of day 10, not when the day-10 check closes at 20:00: an onset at 21:00 on day 10 counts', () => {
    const s = summary({
      evening: ae({ onsetAt: '2025-03-20T21:00:00+01:00', grade: 2 }),
      nextDay: ae({ onsetAt: '2025-03-21T00:00:00+01:00', grade: 3 }),
    });
    expect(s.byTerm.map((line) => line.eventIds)).toEqual([['evening']]);
    expect(s.outsideWindow).toEqual(['nextDay']);
  });
});

describe('dose-limiting toxicity', () => {
  const dltOf = (event: AdverseEvent) => summary({ x: event }).dltEvents.map((d) => d.reasons);

  it('is any grade ≥ 3 event at least possibly related to the product or its administration', () => {
    expect(dltOf(ae({ grade: 3, relatedness: 'possible' }))).toEqual([['relatedGrade3OrMore']]);
    expect(dltOf(ae({ grade: 4, relatedness: 'definite' }))).toEqual([['relatedGrade3OrMore']]);
    expect(dltOf(ae({ grade: 3, relatedness: 'unlikely' }))).toEqual([]);
    expect(dltOf(ae({ grade: 2, relatedness: 'definite' }))).toEqual([]);
  });

  it('is any grade ≥ 4 infusion related reaction, allergic reaction, anaphylaxis or cytokine release syndrome', () => {
    for (const id of [
      'infusionRelatedReaction',
      'allergicReaction',
      'anaphylaxis',
      'cytokineReleaseSyndrome',
    ] as const) {
      const term = adverseEventTermFor(id);
      expect(dltOf(ae({ term, grade: 4, relatedness: 'notRelated' })), id).toEqual([
        ['infusionReactionGrade4OrMore'],
      ]);
      expect(dltOf(ae({ term, grade: 3, relatedness: 'notRelated' })), id).toEqual([]);
    }
    expect(
      dltOf(ae({ term: adverseEventTermFor('hypotension'), grade: 4, relatedness: 'notRelated' })),
    ).toEqual([]);
  });

  it('is any death, whatever its cause', () => {
    const death = sae(T0, { grade: 5, seriousness: ['death'], relatedness: 'notRelated', outcome: 'fatal' });
    expect(dltOf(death)).toEqual([['death']]);
  });

  it('lists every rule an event meets, and the physician’s signed decision', () => {
    const crs = ae({
      term: adverseEventTermFor('cytokineReleaseSyndrome'),
      grade: 4,
      relatedness: 'probable',
      dltDecision: { isDlt: true, decidedAt: iso(T0 + 3 * HOUR) },
    });
    expect(summary({ crs, other: ae() })).toMatchObject({
      dlt: true,
      dltEvents: [
        {
          id: 'crs',
          reasons: ['relatedGrade3OrMore', 'infusionReactionGrade4OrMore'],
          physicianDecision: true,
        },
      ],
    });
  });

  it('cannot be ruled out while a grade ≥ 3 event awaits its relatedness', () => {
    const s = summary({ pending: ae({ grade: 3 }), mild: ae({ grade: 2 }) });
    expect(s.dlt).toBe(false);
    expect(s.relatednessPending).toEqual(['pending']);
  });

  it('does not count an event outside the window', () => {
    expect(
      summary({ late: ae({ grade: 4, relatedness: 'definite', onsetAt: iso(window.endsAt + HOUR) }) }).dlt,
    ).toBe(false);
  });
});

describe('serious adverse events', () => {
  const aware = T0 + 5 * HOUR;
  const deadline = aware + 24 * HOUR;
  const statusAt = (now: number, change: Partial<AdverseEvent> = {}) =>
    summary({ s: sae(aware, change) }, now).saes[0]!;

  it('must be notified at the latest 24 hours after the team became aware', () => {
    expect(statusAt(aware)).toMatchObject({
      awareAt: aware,
      notifyBy: deadline,
      status: 'due',
      inWindow: true,
    });
    expect(statusAt(deadline).status).toBe('due');
    expect(statusAt(deadline + 1).status).toBe('overdue');
  });

  it('are on time when notified exactly at the deadline, late a millisecond after', () => {
    expect(statusAt(deadline + HOUR, { sponsorNotifiedAt: iso(deadline) })).toMatchObject({
      status: 'notifiedOnTime',
      notifiedAt: deadline,
    });
    expect(statusAt(deadline + HOUR, { sponsorNotifiedAt: iso(deadline + 1) }).status).toBe('notifiedLate');
  });

  it('keep their deadline when they start outside the tolerance window', () => {
    const late = sae(window.endsAt + 48 * HOUR, { onsetAt: iso(window.endsAt + 24 * HOUR) });
    expect(summary({ late }, window.endsAt + 49 * HOUR).saes).toMatchObject([
      { id: 'late', criteria: ['hospitalisation'], status: 'due', inWindow: false },
    ]);
  });
});

describe('an incomplete tolerance summary', () => {
  it('names every invalid record field, and the window and time', () => {
    const bad = { ...ae(), grade: 7 } as unknown as AdverseEvent;
    const unaware = { ...sae(T0), awareAt: undefined } as AdverseEvent;
    const result = summarizeTolerance({
      events: [
        { id: 'ok', data: ae() },
        { id: 'bad', data: bad },
        { id: 'unaware', data: unaware },
      ],
      infusionStartedAt: Number.POSITIVE_INFINITY,
      now: Number.NaN,
    });
    expect(result).toEqual({
      status: 'incomplete',
      missing: ['infusionStartedAt', 'now', 'events.bad.grade', 'events.unaware.awareAt'],
    });
    expect(
      summarizeTolerance({ events: [], infusionStartedAt: T0, timeZone: 'Mars/Olympus', now: T0 }),
    ).toEqual({ status: 'incomplete', missing: ['timeZone'] });
  });
});

describe('the adverse-event record', () => {
  const valid = (data: unknown) => adverseEventSchema.safeParse(data).success;

  it('needs the seriousness criteria and the awareness time of a serious event', () => {
    expect(valid(sae(T0))).toBe(true);
    expect(valid({ ...sae(T0), seriousness: [] })).toBe(false);
    expect(valid({ ...sae(T0), awareAt: undefined })).toBe(false);
    expect(valid({ ...ae(), seriousness: ['hospitalisation'] })).toBe(false);
  });

  it('treats grade 5 as a death, always serious', () => {
    expect(valid(ae({ grade: 5 }))).toBe(false);
    expect(valid(sae(T0, { grade: 5, seriousness: ['death'] }))).toBe(true);
  });

  it('accepts a free-text term not in the catalogue with a hand-chosen grade', () => {
    expect(valid(ae({ term: { kind: 'freeText', text: 'Zona ophtalmique' }, grade: 2 }))).toBe(true);
    expect(valid(ae({ term: { kind: 'freeText', text: '   ' } }))).toBe(false);
  });

  it('keeps the lab value and limits a grade was proposed from, beside the confirmed grade', () => {
    const anemia = { term: adverseEventTermFor('anemia'), grade: 2 as const };
    expect(
      valid(ae({ ...anemia, labGrading: { term: 'anemia', value: 9.1, lln: 12, proposedGrade: 2 } })),
    ).toBe(true);
    expect(
      valid(ae({ ...anemia, labGrading: { term: 'anemia', value: 9.1, lln: 12, proposedGrade: 5 as 4 } })),
    ).toBe(false);
  });

  it('refuses an end before the onset and a notification before awareness', () => {
    expect(valid(ae({ endedAt: iso(T0) }))).toBe(false);
    expect(valid(sae(T0 + HOUR, { sponsorNotifiedAt: iso(T0) }))).toBe(false);
  });
});
