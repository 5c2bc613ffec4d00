// The data queries' public pieces (issue 24 item 2), for the screens that show a record's fields.
export { RecordQueries } from './RecordQueries';
export { ParticipantQueries } from './ParticipantQueries';
export { QueryMarker, useOpenQueries } from './QueryMarker';
