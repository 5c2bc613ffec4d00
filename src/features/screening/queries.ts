import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from '@/db/database';
import { latestInfusionWeight } from '@/db/infusion-weight';
import type { StoredRevision } from '@/db/types';
import { cohortState, eligibilityOf } from './screening-commands';

export function useParticipantRecord(participantId: string) {
  return useLiveQuery(() => getDb().records.get(participantId), [participantId]);
}

/** The participant's eligibility record; null when there is none yet (undefined while loading). */
export function useEligibility(participantId: string) {
  return useLiveQuery(async () => (await eligibilityOf(getDb(), participantId)) ?? null, [participantId]);
}

/** The weight measured on the infusion day (pre-infusion checklist); null when none (undefined while loading). */
export function useInfusionWeight(participantId: string) {
  return useLiveQuery(
    async () => (await latestInfusionWeight(getDb(), participantId)) ?? null,
    [participantId],
  );
}

export function useCohortState() {
  return useLiveQuery(() => cohortState(getDb()), []);
}

/** The participant's whole revision history (dose-level history on the dose card). */
export function useParticipantHistory(participantId: string) {
  return useLiveQuery(
    async (): Promise<StoredRevision[]> =>
      (await getDb().revisions.where('recordId').equals(participantId).toArray()).sort((a, b) =>
        a.at.localeCompare(b.at),
      ),
    [participantId],
  );
}

/** The reason code a store rule put at the start of a refusal ("cohort-full: …"). */
export function refusalCode(reason: string | undefined): 'trial-number-taken' | 'cohort-full' | 'other' {
  const code = (reason ?? '').split(':')[0];
  return code === 'trial-number-taken' || code === 'cohort-full' ? code : 'other';
}
