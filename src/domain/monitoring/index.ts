// The 10-day tolerance monitoring (issue 22): what an answered check writes, and the state of the checks.
export { planCheck, checkRecord, type ChecklistEntry, type OngoingEvent, type CheckPlan } from './checklist';
export { doneTimes, monitoringStrip, type StripItem } from './strip';
