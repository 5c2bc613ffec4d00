import type { BedsideTermId } from './ctcae';

// NCI's rule for a reaction to the infusion (CTCAE v5.0, navigational note of "Allergic reaction": "If related to
// infusion, use Injury, poisoning and procedural complications: Infusion related reaction. Do not report both.";
// shared/clinical/data/ctcae-v5.0.csv, and infusion-and-monitoring.md, "Solicited CTCAE terms").
//
// The choice (issue 18): when a checklist has both ticked at one check, the app does not pick for the nurse — it asks
// which one applies, because "related to the infusion" is a clinical judgement; the one chosen is recorded as the
// event and the other as a sign of it, so that one reaction is never counted twice (worst grade, DLT). The pair is
// the one NCI's note names; infusion-and-monitoring.md also names cytokine release syndrome, for which NCI's v5.0
// entry carries no such note: it stays a separate event.

/** The two terms NCI says not to report both of, in the order the question offers them. */
export const INFUSION_REACTION_PAIR = ['infusionRelatedReaction', 'allergicReaction'] as const;
export type InfusionReactionTerm = (typeof INFUSION_REACTION_PAIR)[number];

export type InfusionReactionReconciliation =
  /** At most one of the pair: record the terms as ticked (each once). */
  | { status: 'clear'; report: BedsideTermId[] }
  /** Both ticked and no answer yet: ask the question (an i18n key), offering the two terms. */
  | {
      status: 'question';
      question: 'clinical.infusionReaction.whichApplies';
      options: readonly InfusionReactionTerm[];
    }
  /** Both ticked and answered: record `report` as events, and each of `signs` as a sign of its event. */
  | {
      status: 'resolved';
      report: BedsideTermId[];
      signs: { term: InfusionReactionTerm; signOf: InfusionReactionTerm }[];
    };

/**
 * The terms one check should record, given the terms ticked present (`present`) and, once asked, which of the two
 * reactions applies (`applies`). An answer given while only one of the two is ticked is ignored.
 */
export function reconcileInfusionReaction(input: {
  present: readonly BedsideTermId[];
  applies?: InfusionReactionTerm;
}): InfusionReactionReconciliation {
  const present = [...new Set(input.present)];
  const bothPresent = INFUSION_REACTION_PAIR.every((term) => present.includes(term));
  if (!bothPresent) return { status: 'clear', report: present };
  const { applies } = input;
  if (applies === undefined || !INFUSION_REACTION_PAIR.includes(applies)) {
    return {
      status: 'question',
      question: 'clinical.infusionReaction.whichApplies',
      options: INFUSION_REACTION_PAIR,
    };
  }
  const sign = INFUSION_REACTION_PAIR.find((term) => term !== applies)!;
  return {
    status: 'resolved',
    report: present.filter((term) => term !== sign),
    signs: [{ term: sign, signOf: applies }],
  };
}
