// A reaction at or above this grade during the infusion stops the flow: the app asks to stop or pause the
// infusion and opens an adverse-event report for the physician (issue 21; CTCAE grade 3 = severe). The "do not
// report both" rule is domain/safety's reconcileInfusionReaction.
export const REACTION_GRADE_STOPS_FLOW = 3;
