import { useLiveQuery } from 'dexie-react-hooks';
import { getDb, type ChevetDb } from '@/db/database';
import type { StoredRecord } from '@/db/types';
import { ageAt, assessEligibility } from '@/domain';
import type { Participant } from '@/schema/participant';
import type { EligibilityRecord } from '@/schema/screening';

// One row per participant for the list (issue 20): number, initials, sex, age, dose level, status with its
// reason, and the next thing to do, from the participant's records on this tablet.

export type NextStep =
  | { step: 'fillEligibility' }
  | { step: 'completeEligibility'; count: number }
  | { step: 'signEligibility' }
  | { step: 'include' }
  | { step: 'recordFailure' }
  | { step: 'infusion' }
  | { step: 'refused' }
  | { step: 'none' };

export type ParticipantRow = {
  record: StoredRecord;
  participant: Participant;
  status: NonNullable<Participant['status']>;
  ageYears?: number;
  sex?: 'F' | 'M';
  next: NextStep;
};

export async function participantRows(db: ChevetDb, today: string): Promise<ParticipantRow[]> {
  const participants = (
    await db.records.where('kind').equals('participant').sortBy('data.trialNumber')
  ).filter((r) => !r.voided);
  const eligibility = new Map<string, StoredRecord>();
  for (const r of await db.records.where('kind').equals('eligibility').toArray())
    if (!r.voided && r.patientId && (eligibility.get(r.patientId)?.createdAt ?? '') <= r.createdAt)
      eligibility.set(r.patientId, r);
  const signed = new Set<string>();
  for (const s of await db.records.where('kind').equals('signature').toArray()) {
    const e = eligibility.get(s.patientId ?? '');
    if (
      !s.voided &&
      e &&
      s.data.recordId === e.id &&
      s.data.recordRev === e.rev &&
      s.data.meaning === 'eligibility-assessment'
    )
      signed.add(e.id);
  }
  return participants.map((record) => {
    const participant = record.data as Participant;
    const status = participant.status ?? 'screening';
    const e = eligibility.get(record.id);
    const data = e?.data as EligibilityRecord | undefined;
    const birthDate = data?.facts.birthDate;
    const age = birthDate ? ageAt(birthDate, today) : NaN;
    return {
      record,
      participant,
      status,
      ...(Number.isFinite(age) ? { ageYears: age } : {}),
      ...((participant.sex ?? data?.facts.sex) ? { sex: participant.sex ?? data?.facts.sex } : {}),
      next: nextStep(record, status, e, data, signed),
    };
  });
}

function nextStep(
  record: StoredRecord,
  status: ParticipantRow['status'],
  e: StoredRecord | undefined,
  data: EligibilityRecord | undefined,
  signed: Set<string>,
): NextStep {
  if (record.syncState === 'rejected') return { step: 'refused' };
  if (status === 'screening') {
    if (!data) return { step: 'fillEligibility' };
    if (data.verdict === 'incomplete')
      return {
        step: 'completeEligibility',
        count: assessEligibility(data.facts, data.screeningDate).unknown.length,
      };
    if (!signed.has(e!.id)) return { step: 'signEligibility' };
    return data.verdict === 'eligible' ? { step: 'include' } : { step: 'recordFailure' };
  }
  if (status === 'included') return { step: 'infusion' };
  // After the infusion the next visit is the visits workflow's to show (NextVisit beside the row).
  return { step: 'none' };
}

export function useParticipantRows(today: string) {
  return useLiveQuery(() => participantRows(getDb(), today), [today]);
}
