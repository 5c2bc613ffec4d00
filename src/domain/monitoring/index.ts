// The 10-day tolerance monitoring (issue 22): what an answered check writes, and the state of the checks.
export { planCheck, checkRecord, type ChecklistEntry, type OngoingEvent, type CheckPlan } from './checklist';
export { doneTimes, monitoringStrip, type StripItem } from './strip';
export { participantMonitoring, type ParticipantMonitoring } from './participant';
export { labBaselinesFromEligibility, type LabBaseline } from './lab-baselines';
export { toleranceStatus, type ToleranceStatus, type ToleranceEventInput } from './tolerance-status';
export {
  adverseEventViews,
  firstInfusion,
  infusionDateOf,
  latestDetermination,
  determinationSigned,
  toleranceEventsOf,
  toleranceStatusOf,
  type AdverseEventView,
  type CurrentDetermination,
  type ToleranceRecord,
} from './participant-records';
