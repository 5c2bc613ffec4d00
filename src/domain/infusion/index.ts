// The infusion at the bedside: the pre-infusion checklist, the running infusion's progress (pauses excluded from
// the running time), the weight change rule and the reaction grade that stops the flow.
/** Each checklist item open/done/waived/needing the physician; whether the infusion may start. */
export { checklistStatus, type ChecklistStatus, type ChecklistItemState } from './checklist';
/** Status, running and paused time, planned end, volume so far, from the infusion's events at a time. */
export { infusionProgress, type InfusionProgress, type InfusionPause, type InfusionStatus } from './progress';
/** Today's weight against the assigned one: percent change, needs the physician beyond 10 %. */
export { weightChange, WEIGHT_CHANGE_NEEDS_PHYSICIAN_PERCENT } from './weight';
/** The reaction grade that stops the flow (stop or pause, adverse-event report). */
export { REACTION_GRADE_STOPS_FLOW } from './reaction';
