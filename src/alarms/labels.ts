/** The label of a serious adverse event's sponsor-notification item (issue 22): screens show its red countdown. */
export const SAE_ALARM_LABEL = 'sae.alarm';
