import type { AdverseEvent } from '@/schema/adverse-events';
import { NURSE_ASSESSMENT_FORMS, type AssessmentForm } from '@/schema/assessments';
import type { Role } from '@/schema/common';
import { mayQuery, type DataQueryAction } from '@/schema/data-query';
import { physicianOnlyChanges } from './safety/adverse-event';

// Rules on the content of a write that depend on who writes it and on the revision it was made on, beyond the
// kind's writers (src/schema/records.ts). One function for the tablet's commands and the central store's push, so
// that a modified client cannot do what the interface would not let the person do.

/**
 * Why this person may not write `after` on top of `before` (the revision the change was made on; undefined for a
 * creation), or null when the write is allowed. Reasons are stable codes.
 */
export function contentRuleViolation(
  kind: string,
  role: Role,
  before: Record<string, unknown> | undefined,
  after: Record<string, unknown>,
): string | null {
  if (kind === 'adverseEvent' && role !== 'physician') {
    const fields = physicianOnlyChanges(
      before as Partial<AdverseEvent> | undefined,
      after as Partial<AdverseEvent>,
    );
    if (fields.length > 0) return `physician-only fields: ${fields.join(', ')}`;
  }
  if (kind === 'assessment' && role !== 'physician') {
    // Issue 23: a nurse enters the questionnaires and the biology; the rest of a visit is the physician's.
    const forms = [before?.form, after.form].filter((form) => form !== undefined) as AssessmentForm[];
    const refused = forms.filter((form) => !NURSE_ASSESSMENT_FORMS.includes(form));
    if (refused.length > 0) return `physician-only form: ${[...new Set(refused)].join(', ')}`;
  }
  if (kind === 'dataQuery') {
    // Issue 24: the data manager raises, closes and re-opens a query; a nurse or physician answers it.
    const action = after.action as DataQueryAction;
    if (!mayQuery(action, role)) return `${role} may not ${action} a data query`;
  }
  return null;
}
