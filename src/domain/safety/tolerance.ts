import { complete, incomplete, type Scored } from '@/domain/result';
import {
  adverseEventSchema,
  type AdverseEvent,
  type AdverseEventTerm,
  type CtcaeGrade,
  type Relatedness,
  type SeriousnessCriterion,
} from '@/schema/adverse-events';
import { TOLERANCE_CONFIG, type ToleranceConfig } from './config';
import { toleranceWindow } from '../schedule/tolerance-window';
import { isValidTimeZone } from '../schedule/zoned-time';
import { ctcaeTerm, type BedsideTermId } from './ctcae';

// A participant's tolerance over the infusion and the 10 days after it, the primary endpoint (synopsis: immediate
// tolerance during the injection and the first 10 days, by CTCAE): worst grade per term, dose-limiting toxicity by
// the protocol's definition, and the serious adverse events with their notification deadline.

/** An adverse-event record as stored: its id and its validated data. */
export type AdverseEventRecord = { id: string; data: AdverseEvent };

export type ToleranceInput = {
  events: readonly AdverseEventRecord[];
  /** The start of the infusion T0, epoch ms: the window runs from it to the end of day 10 (toleranceWindow). */
  infusionStartedAt: number;
  /** Whose local days count (default: the trial's, Europe/Paris). */
  timeZone?: string;
  /** The time of the summary, epoch ms: SAE deadlines are judged against it. */
  now: number;
  config?: ToleranceConfig;
};

/** Why an event meets the DLT definition (infusion-and-monitoring.md, "Dose-limiting toxicity"). */
export type DltReason = 'relatedGrade3OrMore' | 'infusionReactionGrade4OrMore' | 'death';

export type SaeStatus = 'due' | 'overdue' | 'notifiedOnTime' | 'notifiedLate';

export type ToleranceSummary = {
  /** The window events were counted in, epoch ms inclusive: T0 to 23:59:59.999 local on day 10. */
  window: { startsAt: number; endsAt: number };
  /** Worst grade over the events in the window; 0 when there is none. */
  worstGrade: 0 | CtcaeGrade;
  /** One line per term, worst first: a CTCAE term by version and MedDRA code, a free term by its text. */
  byTerm: { key: string; term: AdverseEventTerm; worstGrade: CtcaeGrade; eventIds: string[] }[];
  /** Whether any event in the window meets the protocol's DLT definition. */
  dlt: boolean;
  /** The events that meet it, with the physician's signed decision (null until decided). */
  dltEvents: { id: string; reasons: DltReason[]; physicianDecision: boolean | null }[];
  /** Grade ≥ 3 events in the window whose relatedness is not assessed yet: a DLT cannot be ruled out. */
  relatednessPending: string[];
  /** Every serious event given (in the window or not: notification never waits), with its deadline. */
  saes: {
    id: string;
    criteria: SeriousnessCriterion[];
    awareAt: number;
    notifyBy: number;
    notifiedAt?: number;
    status: SaeStatus;
    inWindow: boolean;
  }[];
  /** Events whose onset is outside the window: listed, not counted. */
  outsideWindow: string[];
};

/** "At least possibly related to the MSC product or its administration". */
const RELATED: readonly Relatedness[] = ['possible', 'probable', 'definite'];
/** Any grade ≥ 4 of these is a DLT whatever its relatedness. */
const INFUSION_REACTIONS: readonly BedsideTermId[] = [
  'infusionRelatedReaction',
  'allergicReaction',
  'anaphylaxis',
  'cytokineReleaseSyndrome',
];

const HOUR_MS = 3_600_000;

/** The DLT rules an event meets; empty when it is not a DLT by the definition. */
export function dltReasons(ae: AdverseEvent): DltReason[] {
  const reasons: DltReason[] = [];
  // "any grade ≥ 3 adverse event at least possibly related to the MSC product or its administration"
  if (ae.grade >= 3 && ae.relatedness !== undefined && RELATED.includes(ae.relatedness)) {
    reasons.push('relatedGrade3OrMore');
  }
  // "any grade ≥ 4 infusion related reaction, allergic reaction, anaphylaxis or cytokine release syndrome"
  const term = ae.term;
  if (
    ae.grade >= 4 &&
    term.kind === 'ctcae' &&
    INFUSION_REACTIONS.some((id) => ctcaeTerm(id).meddraCode === term.meddraCode)
  ) {
    reasons.push('infusionReactionGrade4OrMore');
  }
  // "any death"
  if (ae.grade === 5 || ae.outcome === 'fatal' || ae.seriousness?.includes('death')) reasons.push('death');
  return reasons;
}

/** Same term, same key: CTCAE terms by version and code, free terms by their text ignoring case and spacing. */
export function termKey(term: AdverseEventTerm): string {
  return term.kind === 'ctcae'
    ? `ctcae:${term.version}:${term.meddraCode}`
    : `text:${term.text.trim().replace(/\s+/g, ' ').toLowerCase()}`;
}

/** Validates every record; an invalid one makes the whole summary incomplete ("events.<id>.<field>"). */
function invalidIds(events: readonly AdverseEventRecord[]): string[] {
  const missing: string[] = [];
  events.forEach((event, index) => {
    const id = typeof event?.id === 'string' && event.id !== '' ? event.id : `#${index}`;
    if (id.startsWith('#')) missing.push(`events.${id}.id`);
    const parsed = adverseEventSchema.safeParse(event?.data);
    if (parsed.success) return;
    for (const issue of parsed.error.issues) {
      const keys = issue.code === 'unrecognized_keys' ? issue.keys : [''];
      for (const key of keys) {
        const path = [...issue.path.map(String), key].filter((p) => p !== '').join('.');
        missing.push(path === '' ? `events.${id}` : `events.${id}.${path}`);
      }
    }
  });
  return [...new Set(missing)];
}

export function summarizeTolerance(input: ToleranceInput): Scored<ToleranceSummary> {
  const { events, now } = input;
  const config = input.config ?? TOLERANCE_CONFIG;
  const missing: string[] = [];
  const finite = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
  if (!finite(input.infusionStartedAt)) missing.push('infusionStartedAt');
  else if (input.timeZone !== undefined && !isValidTimeZone(input.timeZone)) missing.push('timeZone');
  if (!finite(now)) missing.push('now');
  missing.push(...invalidIds(events));
  const window = toleranceWindow(input);
  if (missing.length > 0 || !window) return incomplete(missing);

  const inWindow = (ae: AdverseEvent) => {
    const onset = Date.parse(ae.onsetAt);
    return onset >= window.startsAt && onset <= window.endsAt;
  };
  const counted = events.filter((e) => inWindow(e.data));

  const terms = new Map<string, ToleranceSummary['byTerm'][number]>();
  for (const { id, data } of counted) {
    const key = termKey(data.term);
    const line = terms.get(key);
    if (line) {
      line.eventIds.push(id);
      if (data.grade > line.worstGrade) line.worstGrade = data.grade;
    } else {
      terms.set(key, { key, term: data.term, worstGrade: data.grade, eventIds: [id] });
    }
  }
  const byTerm = [...terms.values()].sort(
    (a, b) => b.worstGrade - a.worstGrade || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );

  const dltEvents = counted
    .map(({ id, data }) => ({
      id,
      reasons: dltReasons(data),
      physicianDecision: data.dltDecision?.isDlt ?? null,
    }))
    .filter((e) => e.reasons.length > 0);
  const dltIds = new Set(dltEvents.map((e) => e.id));
  const relatednessPending = counted
    .filter(({ id, data }) => data.grade >= 3 && data.relatedness === undefined && !dltIds.has(id))
    .map(({ id }) => id);

  const deadlineMs = config.saeNotificationHours * HOUR_MS;
  const saes = events
    .filter(({ data }) => data.serious)
    .map(({ id, data }) => {
      // The schema guarantees awareAt on a serious event.
      const awareAt = Date.parse(data.awareAt!);
      const notifyBy = awareAt + deadlineMs;
      const notifiedAt =
        data.sponsorNotifiedAt === undefined ? undefined : Date.parse(data.sponsorNotifiedAt);
      // "at the latest 24 hours after": notifying at exactly the deadline is on time.
      const status: SaeStatus =
        notifiedAt !== undefined
          ? notifiedAt <= notifyBy
            ? 'notifiedOnTime'
            : 'notifiedLate'
          : now <= notifyBy
            ? 'due'
            : 'overdue';
      return {
        id,
        criteria: data.seriousness ?? [],
        awareAt,
        notifyBy,
        ...(notifiedAt === undefined ? {} : { notifiedAt }),
        status,
        inWindow: inWindow(data),
      };
    });

  return complete({
    window,
    worstGrade: byTerm[0]?.worstGrade ?? 0,
    byTerm,
    dlt: dltEvents.length > 0,
    dltEvents,
    relatednessPending,
    saes,
    outsideWindow: events.filter((e) => !inWindow(e.data)).map((e) => e.id),
  });
}
