import { failure, type CommandResult, type ScreeningRefusal } from '@/db/command-result';
import { createRecord, saveRevision } from '@/db/commands';
import type { ChevetDb } from '@/db/database';
import type { StoredRecord } from '@/db/types';
import type { WriteContext } from '@/db/write-context';
import {
  assessEligibility,
  consentProblems,
  nextInclusionSlot,
  recommendNextDose,
  type CohortDecision,
} from '@/domain';
import { DOSE_DECISION_SETTINGS, DOSING_CONFIG } from '@/domain/dosing/config';
import type { DoseDecision, DoseLevel } from '@/schema/dosing';
import type { EligibilityFacts } from '@/schema/eligibility';
import type { Participant } from '@/schema/participant';
import type { EligibilityRecord } from '@/schema/screening';
import { signaturesOf, signatureValidity } from '@/session/signature';
import { resendRefusedDependents } from '@/sync/requeue';

// The screening workflow's acts (issue 20), each through the one write path (src/db/commands.ts): the rules they
// apply come from the clinical core (assessEligibility, consentProblems, nextInclusionSlot, recommendNextDose);
// a refusal is a value with its rule, never a throw, and writes nothing.

type Written = { recordId: string; mutationId: string };
const refuse = (rule: ScreeningRefusal, detail?: Record<string, string | number>) =>
  failure({ code: 'screening', rule, ...(detail ? { detail } : {}) });

/** The participant's current eligibility record (the latest created, not voided). */
export async function eligibilityOf(db: ChevetDb, participantId: string): Promise<StoredRecord | undefined> {
  const records = await db.records.where('[patientId+kind]').equals([participantId, 'eligibility']).toArray();
  return records
    .filter((r) => !r.voided)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    .at(-1);
}

/** Whether the current revision of the eligibility record carries a valid "eligibility-assessment" signature. */
export async function assessmentSigned(db: ChevetDb, eligibility: StoredRecord): Promise<boolean> {
  const signatures = await signaturesOf(db, eligibility);
  for (const s of signatures) {
    const data = s.data as Parameters<typeof signatureValidity>[0] & { meaning: string };
    if (data.meaning === 'eligibility-assessment' && (await signatureValidity(data, eligibility)) === 'valid')
      return true;
  }
  return false;
}

function consentRefusal(consentDate: string | undefined, procedures: Record<string, string | undefined>) {
  const [first] = consentProblems(consentDate, procedures);
  if (!first) return undefined;
  return first.problem === 'consentMissing'
    ? refuse('consent-missing', { procedure: first.procedure, date: first.date })
    : refuse('procedure-before-consent', {
        procedure: first.procedure,
        date: first.date,
        consentDate: first.consentDate,
      });
}

export type EligibilityInput = {
  participantId: string;
  screeningDate: string;
  consentDate?: string;
  facts: EligibilityFacts;
  /** Required when revising a saved assessment. */
  reason?: string;
  draftKey?: string;
};

/** Saves the screening facts with the core's verdict (a new revision when one is saved: with a reason). */
export async function saveEligibility(
  db: ChevetDb,
  ctx: WriteContext,
  input: EligibilityInput,
): Promise<CommandResult<Written & { verdict: EligibilityRecord['verdict'] }>> {
  const participant = await db.records.get(input.participantId);
  if (!participant || participant.kind !== 'participant') return failure({ code: 'not-found' });
  const p = participant.data as Participant;
  const refused = consentRefusal(input.consentDate, {
    screening: input.screeningDate,
    inclusion: p.inclusionDate,
    infusion: p.infusionDate,
  });
  if (refused) return refused;
  // A recorded consent date is the signed consent of inclusion criterion 8.
  const facts: EligibilityFacts = input.consentDate ? { ...input.facts, consentSigned: true } : input.facts;
  const assessment = assessEligibility(facts, input.screeningDate);
  const data: EligibilityRecord = {
    screeningDate: input.screeningDate,
    ...(input.consentDate ? { consentDate: input.consentDate } : {}),
    facts,
    verdict: assessment.verdict,
    excludedBy: assessment.excludedBy,
  };
  const existing = await eligibilityOf(db, input.participantId);
  const result = existing
    ? await saveRevision(db, ctx, {
        recordId: existing.id,
        data,
        reason: input.reason ?? '',
        draftKey: input.draftKey,
        expectedRev: existing.rev,
      })
    : await createRecord(db, ctx, {
        kind: 'eligibility',
        patientId: input.participantId,
        data,
        draftKey: input.draftKey,
      });
  return result.ok ? { ...result, verdict: assessment.verdict } : result;
}

async function signedAssessment(db: ChevetDb, participantId: string, verdict: 'eligible' | 'ineligible') {
  const eligibility = await eligibilityOf(db, participantId);
  const data = eligibility?.data as EligibilityRecord | undefined;
  if (!eligibility || data?.verdict !== verdict)
    return { refusal: refuse(verdict === 'eligible' ? 'not-eligible' : 'not-ineligible') };
  if (!(await assessmentSigned(db, eligibility))) return { refusal: refuse('assessment-unsigned') };
  return { eligibility, data };
}

/** Every participant's cohort and the recorded dose decisions, as this tablet knows them. */
export async function cohortState(db: ChevetDb) {
  const participants = (await db.records.where('kind').equals('participant').toArray()).filter(
    (r) => !r.voided,
  );
  const decisions = (await db.records.where('kind').equals('doseDecision').toArray())
    .filter((r) => !r.voided && r.syncState !== 'rejected')
    .map((r) => r.data as DoseDecision as CohortDecision);
  return { participants, decisions };
}

/** Includes an eligible participant, whose signed assessment says so, into the current cohort at its dose. */
export async function includeParticipant(
  db: ChevetDb,
  ctx: WriteContext,
  input: { participantId: string; inclusionDate: string; reason: string },
): Promise<CommandResult<Written & { cohort: number; doseLevel: DoseLevel }>> {
  const participant = await db.records.get(input.participantId);
  if (!participant || participant.kind !== 'participant') return failure({ code: 'not-found' });
  const p = participant.data as Participant;
  if (p.cohort !== undefined) return refuse('already-included', { cohort: p.cohort });
  const signed = await signedAssessment(db, input.participantId, 'eligible');
  if ('refusal' in signed) return signed.refusal!;
  const refused = consentRefusal(signed.data.consentDate, {
    inclusion: input.inclusionDate,
    screening: signed.data.screeningDate,
  });
  if (refused) return refused;
  const { participants, decisions } = await cohortState(db);
  const slot = nextInclusionSlot(
    participants.filter((r) => r.id !== participant.id).map((r) => r.data as Participant),
    decisions,
  );
  if (!slot.ok) {
    const rule = (
      {
        awaitingDecision: 'awaiting-decision',
        inclusionsPaused: 'inclusions-paused',
        trialFull: 'trial-full',
      } as const
    )[slot.reason];
    return refuse(rule, 'cohort' in slot ? { cohort: slot.cohort } : undefined);
  }
  const data: Participant = {
    ...p,
    ...(signed.data.facts.sex ? { sex: signed.data.facts.sex } : {}),
    status: 'included',
    cohort: slot.cohort,
    doseLevel: slot.doseLevel,
    inclusionDate: input.inclusionDate,
  };
  const result = await saveRevision(db, ctx, {
    recordId: participant.id,
    data,
    reason: input.reason,
    expectedRev: participant.rev,
  });
  return result.ok ? { ...result, cohort: slot.cohort, doseLevel: slot.doseLevel } : result;
}

/** Records a screen failure with its reason; the signed assessment (every answer) stays as it is. */
export async function recordScreenFailure(
  db: ChevetDb,
  ctx: WriteContext,
  input: { participantId: string; failureReason: string; reason: string },
): Promise<CommandResult<Written>> {
  const participant = await db.records.get(input.participantId);
  if (!participant || participant.kind !== 'participant') return failure({ code: 'not-found' });
  const p = participant.data as Participant;
  if (p.cohort !== undefined) return refuse('already-included', { cohort: p.cohort });
  const signed = await signedAssessment(db, input.participantId, 'ineligible');
  if ('refusal' in signed) return signed.refusal!;
  return saveRevision(db, ctx, {
    recordId: participant.id,
    data: { ...p, status: 'screen-failed', screenFailureReason: input.failureReason },
    reason: input.reason,
    expectedRev: participant.rev,
  });
}

/** A dose-level change after assignment: a revision with its reason (the screen then asks the signature). */
export async function changeDoseLevel(
  db: ChevetDb,
  ctx: WriteContext,
  input: { participantId: string; doseLevel: DoseLevel; reason: string },
): Promise<CommandResult<Written>> {
  const participant = await db.records.get(input.participantId);
  if (!participant || participant.kind !== 'participant') return failure({ code: 'not-found' });
  const p = participant.data as Participant;
  if (p.doseLevel === undefined) return refuse('not-included');
  if (p.doseLevel === input.doseLevel) return refuse('same-dose-level');
  return saveRevision(db, ctx, {
    recordId: participant.id,
    data: { ...p, doseLevel: input.doseLevel },
    reason: input.reason,
    expectedRev: participant.rev,
  });
}

/** Withdrawal from the study on a date (not after today) with its reason: a revision of the participant. */
export async function withdrawParticipant(
  db: ChevetDb,
  ctx: WriteContext,
  input: {
    participantId: string;
    withdrawalDate: string;
    withdrawalReason: string;
    today: string;
    reason: string;
    /** The withdrawal form's draft, removed with the revision. */
    draftKey?: string;
  },
): Promise<CommandResult<Written>> {
  const participant = await db.records.get(input.participantId);
  if (!participant || participant.kind !== 'participant') return failure({ code: 'not-found' });
  const p = participant.data as Participant;
  if (p.status === 'withdrawn') return refuse('already-withdrawn');
  if (input.withdrawalDate > input.today)
    return refuse('withdrawal-in-future', { date: input.withdrawalDate });
  return saveRevision(db, ctx, {
    recordId: participant.id,
    data: {
      ...p,
      status: 'withdrawn',
      withdrawalDate: input.withdrawalDate,
      withdrawalReason: input.withdrawalReason.trim(),
    },
    reason: input.reason,
    expectedRev: participant.rev,
    ...(input.draftKey ? { draftKey: input.draftKey } : {}),
  });
}

/**
 * After the store refused a participant's number (trial-number-taken): creates the participant again under the
 * number the physician chose, with everything it held, and sends again what the store refused with it.
 */
export async function renumberParticipant(
  db: ChevetDb,
  ctx: WriteContext,
  input: { participantId: string; trialNumber: string; reason: string },
): Promise<CommandResult<Written>> {
  const participant = await db.records.get(input.participantId);
  if (!participant || participant.kind !== 'participant') return failure({ code: 'not-found' });
  const history = await db.revisions.where('recordId').equals(participant.id).toArray();
  if (history.some((r) => r.status !== 'rejected')) return refuse('not-refused');
  const others = await db.records.where('kind').equals('participant').toArray();
  if (others.some((r) => r.id !== participant.id && r.data.trialNumber === input.trialNumber))
    return refuse('trial-number-taken-locally', { trialNumber: input.trialNumber });
  const result = await createRecord(db, ctx, {
    kind: 'participant',
    recordId: participant.id,
    patientId: participant.id,
    data: { ...participant.data, trialNumber: input.trialNumber },
    reason: input.reason,
  });
  if (result.ok) await resendRefusedDependents(db, participant.id, ctx.now());
  return result;
}

export type DoseDecisionInput = {
  cohort: number;
  doseLevel: DoseLevel;
  dlts: number;
  patients: number;
  completed: number;
  /** The next cohort one rung lower or higher on the dose ladder, or inclusions paused. */
  decision: 'escalate' | 'de-escalate' | 'pause';
  rationale: string;
};

/**
 * The physician's decision on the next cohort's dose, kept beside the recommendation it answers. The next dose
 * is the neighbouring level on the ladder (from 2: 1 or 4, the only ones the protocol allows); escalating or
 * de-escalating needs the cohort complete; pausing is possible at any time.
 */
export async function recordDoseDecision(
  db: ChevetDb,
  ctx: WriteContext,
  input: DoseDecisionInput,
): Promise<CommandResult<Written>> {
  const recommendation = recommendNextDose({
    dlts: input.dlts,
    patients: input.patients,
    completed: input.completed,
    doseLevel: input.doseLevel,
  });
  const ladder = DOSING_CONFIG.doseLevels;
  const rung = ladder.indexOf(input.doseLevel);
  const nextDoseLevel =
    input.decision === 'pause' ? undefined : ladder[rung + (input.decision === 'escalate' ? 1 : -1)];
  if (input.decision !== 'pause') {
    if (recommendation.decision === 'wait') return refuse('cohort-incomplete');
    if (nextDoseLevel === undefined) return refuse('no-such-dose-level');
  }
  const data: DoseDecision = {
    cohort: input.cohort,
    doseLevel: input.doseLevel,
    dlts: input.dlts,
    patients: input.patients,
    completed: input.completed,
    recommendation: recommendation.decision,
    probabilityExcessive: recommendation.probabilityExcessive,
    settings: { ...DOSE_DECISION_SETTINGS, prior: { ...DOSE_DECISION_SETTINGS.prior } },
    decision: input.decision,
    ...(nextDoseLevel !== undefined ? { nextDoseLevel } : {}),
    rationale: input.rationale,
    decidedAt: ctx.now().toISOString(),
  };
  return createRecord(db, ctx, { kind: 'doseDecision', patientId: null, data });
}
