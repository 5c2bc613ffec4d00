import { findAccountByUsername } from '../auth/accounts';
import type { Principal } from '../auth/roles';
import type { Store } from '../store/store';
import { applyBatch } from '../sync/apply-batch';
import { assessEligibility, recommendNextDose } from '../../src/domain';
import { DOSE_DECISION_SETTINGS } from '../../src/domain/dosing/config';
import type { EligibilityFacts } from '../../src/schema/eligibility';
import { contentHash } from '../../src/session/canonical-json';
import { demoId } from './participants';

// Issue 20's demo, through the real push path: cohort 1 complete (five participants infused at 2 ×10⁶/kg, past
// day 10) with the physician's signed decision; a participant still in screening with a half-filled assessment;
// a screen failure with its signed assessment and reason. Idempotent: a second run writes nothing.

const COHORT_1 = ['MSC-LES-08', 'MSC-LES-01', 'MSC-LES-02', 'MSC-LES-09', 'MSC-LES-07'];

const ELIGIBLE_BUT_SLEDAI: EligibilityFacts = {
  birthDate: '1984-09-12',
  sex: 'F',
  weightKg: 58,
  heightCm: 164,
  sleAcrCriteria: true,
  anaPositive: true,
  sledai: 4,
  prednisoneFailure: true,
  immunosuppressantFailure: { mycophenolate: true },
  stableTreatmentSince: '2026-09-01',
  stableTreatmentPrednisoneBased: true,
  childbearingPotential: true,
  pregnancyTest: 'negative',
  breastfeeding: false,
  effectiveContraception: true,
  socialSecurityAffiliation: true,
  creatinineUmolL: 64,
};

export async function seedDemoScreening(store: Store): Promise<string[]> {
  const physician = await findAccountByUsername(store, 'medecin');
  if (!physician) return [];
  const me: Principal = {
    userId: physician.id,
    username: physician.username,
    role: 'physician',
    deviceId: demoId('seed-device'),
  };
  const signerName = physician.displayName || physician.username;
  const batch: unknown[] = [];
  const sign = async (
    recordId: string,
    patientId: string | null,
    data: object,
    meaning: string,
    at: string,
  ) =>
    batch.push({
      mutationId: demoId(`${recordId}:signature`),
      recordId: demoId(`${recordId}:signature-record`),
      patientId,
      kind: 'signature',
      op: 'create',
      baseRev: null,
      at,
      data: {
        signer: physician.id,
        signerName,
        role: 'physician',
        meaning,
        signedAt: at,
        recordId,
        recordRev: 1,
        contentHash: await contentHash(data),
        method: 'pin',
      },
    });

  // Cohort 1: each participant's latest revision, with its cohort (skipped when it already has one).
  for (const trialNumber of COHORT_1) {
    const id = demoId(trialNumber);
    const { rows } = await store.query<{ rev: number; data: Record<string, unknown> }>(
      `select rev, data from mutations where record_id = $1 order by rev desc, seq desc limit 1`,
      [id],
    );
    const latest = rows[0];
    if (!latest || latest.data.cohort !== undefined) continue;
    batch.push({
      mutationId: demoId(`${trialNumber}:cohort`),
      recordId: id,
      patientId: id,
      kind: 'participant',
      op: 'revise',
      baseRev: latest.rev,
      reason: 'Cohorte 1 (démo)',
      at: '2026-06-20T09:00:00+02:00',
      data: { ...latest.data, cohort: 1, doseLevel: 2 },
    });
  }
  const counts = { dlts: 0, patients: 5, completed: 5 };
  const recommendation = recommendNextDose({ ...counts, doseLevel: 2 });
  const decisionId = demoId('dose-decision:cohort-1');
  const decision = {
    cohort: 1,
    doseLevel: 2,
    ...counts,
    recommendation: recommendation.decision,
    probabilityExcessive: recommendation.probabilityExcessive,
    settings: { ...DOSE_DECISION_SETTINGS, prior: { ...DOSE_DECISION_SETTINGS.prior } },
    decision: 'escalate',
    nextDoseLevel: 4,
    rationale: 'Aucune DLT chez les 5 participants de la cohorte 1 ; escalade conforme à la règle (démo).',
    decidedAt: '2026-06-22T14:00:00+02:00',
  };
  batch.push({
    mutationId: demoId('dose-decision:cohort-1:create'),
    recordId: decisionId,
    patientId: null,
    kind: 'doseDecision',
    op: 'create',
    baseRev: null,
    at: decision.decidedAt,
    data: decision,
  });
  await sign(decisionId, null, decision, 'dose-decision', '2026-06-22T14:05:00+02:00');

  // A screening in progress and a screen failure.
  const screening = [
    {
      trialNumber: 'MSC-LES-10',
      initials: 'QR',
      facts: { birthDate: '1979-03-04', sex: 'M', weightKg: 81, sledai: 8 },
    },
    { trialNumber: 'MSC-LES-11', initials: 'ST', facts: ELIGIBLE_BUT_SLEDAI },
  ] as const;
  for (const p of screening) {
    const id = demoId(p.trialNumber);
    const at = '2026-11-30T10:00:00+01:00';
    batch.push({
      mutationId: demoId(`${p.trialNumber}:create`),
      recordId: id,
      patientId: id,
      kind: 'participant',
      op: 'create',
      baseRev: null,
      at,
      data: { trialNumber: p.trialNumber, initials: p.initials, sex: p.facts.sex, status: 'screening' },
    });
    const facts = { ...p.facts, consentSigned: true } as EligibilityFacts;
    const assessment = assessEligibility(facts, '2026-11-30');
    const eligibilityId = demoId(`${p.trialNumber}:eligibility`);
    const eligibility = {
      screeningDate: '2026-11-30',
      consentDate: '2026-11-30',
      facts,
      verdict: assessment.verdict,
      excludedBy: assessment.excludedBy,
    };
    batch.push({
      mutationId: demoId(`${p.trialNumber}:eligibility:create`),
      recordId: eligibilityId,
      patientId: id,
      kind: 'eligibility',
      op: 'create',
      baseRev: null,
      at,
      data: eligibility,
    });
    if (assessment.verdict === 'ineligible') {
      await sign(eligibilityId, id, eligibility, 'eligibility-assessment', '2026-11-30T10:30:00+01:00');
      batch.push({
        mutationId: demoId(`${p.trialNumber}:screen-failed`),
        recordId: id,
        patientId: id,
        kind: 'participant',
        op: 'revise',
        baseRev: 1,
        reason: 'Échec de sélection après évaluation signée',
        at: '2026-11-30T10:31:00+01:00',
        data: {
          trialNumber: p.trialNumber,
          initials: p.initials,
          sex: p.facts.sex,
          status: 'screen-failed',
          screenFailureReason: '3 — Maladie active : SELENA-SLEDAI ≥ 6 (SLEDAI 4)',
        },
      });
    }
  }
  const results = await applyBatch(store, me, batch);
  const refused = results.filter((r) => r.status === 'rejected');
  if (refused.length > 0) throw new Error(`demo screening refused: ${JSON.stringify(refused.slice(0, 3))}`);
  return [
    `Demo screening: cohort 1 complete (${COHORT_1.join(', ')}) at 2 ×10⁶/kg, decision escalate to 4 ×10⁶/kg (signed); MSC-LES-10 screening (assessment half filled); MSC-LES-11 screen failure`,
  ];
}
