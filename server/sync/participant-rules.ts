import { DOSING_CONFIG } from '../../src/domain/dosing/config';
import type { Queryable } from '../store/store';
import type { ValidMutation } from './validate-mutation';

// The store's rules on the trial's shared resources (issue 20; docs/sync-protocol.md, "Shared resources"): two
// tablets may create or include participants offline at the same time, so a trial number and a cohort slot can
// each be claimed twice. The store keeps the first and refuses the second, one mutation at a time, with a stable
// reason code at the start of the reason (`trial-number-taken: …`, `cohort-full: …`); the tablet shows it on the
// participant's page with what to do. Nothing is renumbered or re-dosed here.
//
// Called from the push transaction (server/sync/apply-batch.ts), which pushes hold one at a time (an advisory
// lock on PostgreSQL, one connection on PGlite): a check and the registry write that follows it can never
// interleave with another push. The registry's unique constraints are the second line.

export const PARTICIPANT_REJECTIONS = ['trial-number-taken', 'cohort-full'] as const;
export type ParticipantRejection = (typeof PARTICIPANT_REJECTIONS)[number];

type Registered = {
  participant_id: string;
  trial_number: string;
  cohort: number | null;
  cohort_slot: number | null;
};

/**
 * Checks one participant mutation against the registry and, when it passes, records the number and the slot it
 * holds. Returns the reason of a refusal, or null. Other kinds and voids (which carry the data unchanged) pass.
 */
export async function claimParticipantResources(
  tx: Queryable,
  m: ValidMutation,
  cohortSize: number = DOSING_CONFIG.decision.cohortSize,
): Promise<string | null> {
  if (m.kind !== 'participant' || m.op === 'void') return null;
  const trialNumber = String(m.data.trialNumber);
  const cohort = typeof m.data.cohort === 'number' ? m.data.cohort : null;
  const { rows } = await tx.query<Registered>(
    `select participant_id, trial_number, cohort, cohort_slot from participant_registry
      where participant_id = $1 or trial_number = $2 or cohort = $3`,
    [m.recordId, trialNumber, cohort],
  );
  const own = rows.find((r) => r.participant_id === m.recordId);
  const others = rows.filter((r) => r.participant_id !== m.recordId);
  if (others.some((r) => r.trial_number === trialNumber)) {
    return `trial-number-taken: ${trialNumber} is already the number of another participant`;
  }
  let slot = own?.cohort === cohort ? (own?.cohort_slot ?? null) : null;
  if (cohort !== null && slot === null) {
    const taken = new Set(others.filter((r) => r.cohort === cohort).map((r) => r.cohort_slot));
    if (taken.size >= cohortSize) {
      return `cohort-full: cohort ${cohort} already holds its ${cohortSize} participants`;
    }
    slot = 1;
    while (taken.has(slot)) slot += 1;
  }
  await tx.query(
    `insert into participant_registry (participant_id, trial_number, cohort, cohort_slot)
     values ($1, $2, $3, $4)
     on conflict (participant_id) do update
       set trial_number = excluded.trial_number, cohort = excluded.cohort, cohort_slot = excluded.cohort_slot`,
    [m.recordId, trialNumber, cohort, slot],
  );
  return null;
}
