// What other workflows use of the adverse-event screens (participant page, monitoring, infusion).
import './adverse-events.css';
export { AdverseEventsPanel } from './AdverseEventsPanel';
export { SaeCountdown } from './SaeCountdown';
export { TermPicker } from './TermPicker';
export { GradeChoice } from './GradeChoice';
export { useTermInfo, langOf, choosableGrades, type TermInfo } from './terms';
export { useNow } from './use-now';
export { useAdverseEvents } from './queries';
/** The route of a new report, prefilled from a bedside term (e.g. a grade ≥ 3 infusion reaction). */
export const newAdverseEventPath = (
  patientId: string,
  prefill?: { term?: string; grade?: number; checkId?: string },
) => {
  const query = new URLSearchParams(
    Object.entries(prefill ?? {}).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])),
  ).toString();
  return `/participants/${patientId}/adverse-events/new${query ? `?${query}` : ''}`;
};
/** The route of a report already opened (e.g. by the infusion's grade ≥ 3 reaction, for the physician to complete). */
export const adverseEventPath = (patientId: string, adverseEventId: string) =>
  `/participants/${patientId}/adverse-events/${adverseEventId}`;
export { isoWithOffset, formatDuration, localInputValue, toOffsetIso } from './time';
