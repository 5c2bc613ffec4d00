// What the questionnaires workflow shares with the visits workflow: the form frame, its touch controls, and the
// live reads of a participant's visit records.
export { AssessmentShell, type AssessmentBody, type ShellValues } from './AssessmentShell';
export { ChoiceGroup, NumberField } from './controls';
export { lang } from './instrument-texts';
export { useParticipant, useVisitRecords } from './queries';
export { visitCalendar } from './visit-model';
export { NextVisit } from './NextVisit';
