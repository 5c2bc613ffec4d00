import { RECORD_KIND_NAMES, recordScope } from '@/schema/records';

/** The kinds about the trial as a whole, not one participant (the dose decisions): reviewed on their own page. */
export const TRIAL_KINDS = RECORD_KIND_NAMES.filter((kind) => recordScope(kind) === 'trial');
