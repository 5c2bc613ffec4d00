import type { VisitContents, VisitId } from '@/schema/schedule';

// The schedule defaults in one place. The MSC-LES synopsis fixes the time points (infusion, days 1–10, M0–M12)
// but neither the check times nor any window: everything below is the trial team's working default from
// shared/clinical/infusion-and-monitoring.md ("Schedule") and shared/clinical/visits.md, so the sponsor can
// change a window here without touching any logic. Durations are in minutes, visit days in days from day 0.

const M3_LIKE: VisitContents = {
  instruments: ['sledai', 'bilag', 'pga', 'sdi', 'sf36', 'eq5d5l'],
  forms: ['prednisone'],
  samples: ['biology', 'immunophenotyping', 'cytokines'],
};

export const SCHEDULE_CONFIG = {
  /** The single centre is Hôpital Saint-Louis, Paris (synopsis): local days and hours are Paris time. */
  timeZone: 'Europe/Paris',

  infusion: {
    /** Baseline vital signs: within the 30 min before T0. */
    baselineWindowMin: 30,
    /** During the infusion: T0 + 15, 30, 45 min, … until the end, each −2/+5 min. */
    checkEveryMin: 15,
    checkWindow: { beforeMin: 2, afterMin: 5 },
    /** End of infusion: E, 0/+10 min. */
    endWindow: { beforeMin: 0, afterMin: 10 },
    /** Planned running time, used while the real end is not recorded: default 60 min, configurable 30–120. */
    plannedDurationMin: { default: 60, min: 30, max: 120 },
  },

  /** Post-infusion checks from the end E: −5/+15 min, except E + 4 h and E + 6 h: −15/+30 min. */
  postInfusion: [
    { offsetMin: 30, beforeMin: 5, afterMin: 15 },
    { offsetMin: 60, beforeMin: 5, afterMin: 15 },
    { offsetMin: 120, beforeMin: 5, afterMin: 15 },
    { offsetMin: 240, beforeMin: 15, afterMin: 30 },
    { offsetMin: 360, beforeMin: 15, afterMin: 30 },
  ],

  /** Day 1: E + 24 h (elapsed time, not wall-clock time), −2 h/+4 h. */
  day1: { offsetMin: 24 * 60, beforeMin: 2 * 60, afterMin: 4 * 60 },

  /** Days 2–10: one check per calendar day D (days after the infusion date), 08:00–20:00 local, both inclusive. */
  dailyChecks: { fromDay: 2, toDay: 10, opensAt: { hour: 8, minute: 0 }, closesAt: { hour: 20, minute: 0 } },

  /** Days whose check also records blood count, creatinine, ALT and AST. */
  labDays: [1, 3, 10],

  /**
   * Visits: target day and window in days from day 0 (the infusion date), both window ends inclusive, and what
   * each collects (visits.md table). M0 must be complete before the infusion starts: its window closes on day 0.
   */
  visits: [
    {
      id: 'M0',
      targetDay: 0,
      windowDays: { from: -14, to: 0 },
      contents: M3_LIKE,
    },
    {
      id: 'M1',
      targetDay: 30,
      windowDays: { from: 30 - 7, to: 30 + 7 },
      contents: {
        instruments: [],
        forms: ['toleranceReview', 'prednisone'],
        samples: ['biology', 'cytokines'],
      },
    },
    {
      id: 'M3',
      targetDay: 91,
      windowDays: { from: 91 - 14, to: 91 + 14 },
      contents: M3_LIKE,
      primaryEfficacy: true,
    },
    { id: 'M6', targetDay: 182, windowDays: { from: 182 - 14, to: 182 + 14 }, contents: M3_LIKE },
    {
      id: 'M9',
      targetDay: 273,
      windowDays: { from: 273 - 14, to: 273 + 14 },
      contents: { ...M3_LIKE, samples: ['biology', 'immunophenotyping'] },
    },
    {
      id: 'M12',
      targetDay: 365,
      windowDays: { from: 365 - 14, to: 365 + 14 },
      contents: M3_LIKE,
      endOfFollowUp: true,
    },
  ] satisfies readonly {
    id: VisitId;
    targetDay: number;
    windowDays: { from: number; to: number };
    contents: VisitContents;
    primaryEfficacy?: boolean;
    endOfFollowUp?: boolean;
  }[],

  /**
   * Cytokine samples are collected at the union of the synopsis' two lists (objectives: M0, M3, M6, M12;
   * endpoints: M0, M1, M3); this says which are analysed (visits.md: "let the configuration say").
   */
  cytokinesAnalysedAt: ['M0', 'M1', 'M3', 'M6', 'M12'] satisfies readonly VisitId[],
} as const;

export type ScheduleConfig = typeof SCHEDULE_CONFIG;
