import type { AdverseEvent } from '@/schema/adverse-events';
import type { Role } from '@/schema/common';
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
  return null;
}
