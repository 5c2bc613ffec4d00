import { findAccountByUsername } from '../auth/accounts';
import type { Principal } from '../auth/roles';
import type { Store } from '../store/store';
import { applyBatch } from '../sync/apply-batch';
import { BILAG_SYSTEMS, SDI_ITEMS, SF36_RESPONSE_LEVELS, SLEDAI_IDS } from '../../src/schema/instruments';
import { contentHash } from '../../src/session/canonical-json';
import { assessmentRecordId, type Assessment } from '../../src/schema/assessments';
import { demoId } from './participants';

// Follow-up visits of fictional participants (issue 23), pushed through the real push path and signed as a physician
// would: one at M0 only, one at M3 with an SRI response, one with a BILAG A flare at M6, one at M12 complete and
// steroid-sparing responder, one with a treatment failure; one SF-36 was filled in patient mode.

type Visit = Assessment['visit'];
type Sheet = {
  sledai: string[];
  bilag: Record<string, string>;
  pga: number;
  mg: number;
  sf36?: number;
  eq5d?: [number, number, number, number, number, number];
};

const VISIT_DAYS: Record<Visit, number> = { M0: -2, M1: 30, M3: 91, M6: 182, M9: 273, M12: 362 };
const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const ACTIVE: Sheet = {
  sledai: ['arthritis', 'rash', 'alopecia', 'lowComplement', 'increasedDnaBinding'],
  bilag: { musculoskeletal: 'B', mucocutaneous: 'B' },
  pga: 1.8,
  mg: 20,
  sf36: 3,
  eq5d: [2, 1, 2, 3, 2, 50],
};
const BETTER: Sheet = {
  sledai: ['lowComplement'],
  bilag: { musculoskeletal: 'C', mucocutaneous: 'D' },
  pga: 0.7,
  mg: 12.5,
  sf36: 1,
  eq5d: [1, 1, 2, 2, 1, 70],
};
const REMISSION: Sheet = {
  ...BETTER,
  sledai: [],
  bilag: { musculoskeletal: 'D', mucocutaneous: 'D' },
  pga: 0.3,
  mg: 5,
};
const FLARE: Sheet = {
  sledai: ['proteinuria', 'urinaryCasts', 'hematuria', 'lowComplement', 'increasedDnaBinding'],
  bilag: { renal: 'A', musculoskeletal: 'C', mucocutaneous: 'D' },
  pga: 2.4,
  mg: 40,
  sf36: 4,
  eq5d: [2, 2, 3, 3, 3, 35],
};

const DEMO: readonly {
  trialNumber: string;
  initials: string;
  infusionDate: string;
  visits: Partial<Record<Visit, Sheet>>;
  failure?: { date: string };
  patientModeSf36?: Visit;
}[] = [
  { trialNumber: 'MSC-LES-05', initials: 'GH', infusionDate: '2026-11-24', visits: { M0: ACTIVE } },
  {
    trialNumber: 'MSC-LES-06',
    initials: 'IJ',
    infusionDate: '2026-08-27',
    visits: { M0: ACTIVE, M1: BETTER, M3: BETTER },
    patientModeSf36: 'M0',
  },
  {
    trialNumber: 'MSC-LES-07',
    initials: 'KL',
    infusionDate: '2026-05-26',
    visits: { M0: ACTIVE, M1: BETTER, M3: BETTER, M6: FLARE },
  },
  {
    trialNumber: 'MSC-LES-08',
    initials: 'MN',
    infusionDate: '2025-11-18',
    visits: { M0: ACTIVE, M1: BETTER, M3: BETTER, M6: REMISSION, M9: REMISSION, M12: REMISSION },
  },
  {
    trialNumber: 'MSC-LES-09',
    initials: 'OP',
    infusionDate: '2026-04-14',
    visits: { M0: ACTIVE, M1: ACTIVE, M3: FLARE },
    failure: { date: '2026-07-01' },
  },
];

function sheets(visit: Visit, on: string, s: Sheet): Assessment[] {
  const common = { visit, assessedOn: on };
  const forms: Assessment[] = [{ ...common, form: 'prednisone', mgPerDay: s.mg }];
  if (visit === 'M1') return [...forms, { ...common, form: 'toleranceReview', newAdverseEvents: false }];
  forms.push(
    {
      ...common,
      form: 'sledai',
      answers: Object.fromEntries(SLEDAI_IDS.map((id) => [id, s.sledai.includes(id)])),
    },
    {
      ...common,
      form: 'bilag',
      grades: Object.fromEntries(BILAG_SYSTEMS.map((id) => [id, s.bilag[id] ?? 'E'])),
    },
    { ...common, form: 'pga', value: s.pga },
    { ...common, form: 'sdi', items: Object.fromEntries(SDI_ITEMS.map((item) => [item.id, 0])) },
    {
      ...common,
      form: 'sf36',
      response: {
        form: 'v2',
        answers: SF36_RESPONSE_LEVELS.v2.map((levels) => Math.min(s.sf36 ?? 1, levels)) as never,
      },
    },
  );
  if (s.eq5d) {
    const [mobility, selfCare, usualActivities, painDiscomfort, anxietyDepression, vas] = s.eq5d;
    forms.push({
      ...common,
      form: 'eq5d5l',
      levels: { mobility, selfCare, usualActivities, painDiscomfort, anxietyDepression, vas },
    });
  }
  return forms;
}

export async function seedDemoVisits(store: Store): Promise<string[]> {
  const physician = await findAccountByUsername(store, 'medecin');
  const nurse = await findAccountByUsername(store, 'infirmiere');
  if (!physician || !nurse) return [];
  const asPhysician: Principal = {
    userId: physician.id,
    username: physician.username,
    role: 'physician',
    deviceId: demoId('seed-device'),
  };
  const asNurse: Principal = {
    userId: nurse.id,
    username: nurse.username,
    role: 'nurse',
    deviceId: demoId('seed-device-nurse'),
  };
  const at = (date: string) => `${date}T10:00:00+01:00`;
  const byPhysician: unknown[] = [];
  const byNurse: unknown[] = [];
  const signatures: unknown[] = [];
  for (const p of DEMO) {
    const patientId = demoId(p.trialNumber);
    byPhysician.push({
      mutationId: demoId(`${p.trialNumber}:create`),
      recordId: patientId,
      patientId,
      kind: 'participant',
      op: 'create',
      baseRev: null,
      at: at(addDays(p.infusionDate, -20)),
      data: {
        trialNumber: p.trialNumber,
        initials: p.initials,
        sex: 'F',
        status: 'follow-up',
        doseLevel: 2,
        infusionDate: p.infusionDate,
      },
    });
    for (const [visit, sheet] of Object.entries(p.visits) as [Visit, Sheet][]) {
      const on = addDays(p.infusionDate, VISIT_DAYS[visit]);
      const forms = sheets(visit, on, sheet);
      if (p.failure && visit === 'M3')
        forms.push({
          visit,
          form: 'treatmentFailure',
          assessedOn: on,
          renalAssessments: [],
          events: [
            {
              kind: 'rescueTherapy',
              date: p.failure.date,
              therapy: 'intravenousSteroids',
              forSleWorsening: true,
            },
          ],
        });
      for (const data of forms) {
        const patientMode = p.patientModeSf36 === visit && data.form === 'sf36';
        const recordId = assessmentRecordId(patientId, visit, data.form);
        const written = patientMode
          ? { ...data, respondent: 'participant' as const, via: 'Infirmière (démo)' }
          : data;
        (patientMode ? byNurse : byPhysician).push({
          mutationId: demoId(`${recordId}:create`),
          recordId,
          patientId,
          kind: 'assessment',
          op: 'create',
          baseRev: null,
          at: at(on),
          data: written,
        });
        signatures.push({
          mutationId: demoId(`${recordId}:signature`),
          recordId: demoId(`${recordId}:signature-record`),
          patientId,
          kind: 'signature',
          op: 'create',
          baseRev: null,
          at: `${on}T11:00:00+01:00`,
          data: {
            signer: physician.id,
            signerName: physician.displayName || physician.username,
            role: 'physician',
            meaning: 'visit-forms',
            signedAt: `${on}T11:00:00+01:00`,
            recordId,
            recordRev: 1,
            contentHash: await contentHash(written),
            method: 'pin',
          },
        });
      }
    }
  }
  // A refused demo record is a bug of this seed, never something to show half of.
  for (const [who, batch] of [
    [asPhysician, byPhysician],
    [asNurse, byNurse],
    [asPhysician, signatures],
  ] as const) {
    const refused = (await applyBatch(store, who, batch)).filter((r) => r.status === 'rejected');
    if (refused.length > 0) throw new Error(`demo visits refused: ${JSON.stringify(refused.slice(0, 3))}`);
  }
  return [
    `Demo follow-up: ${DEMO.map((p) => `${p.trialNumber} (${Object.keys(p.visits).join(', ')})`).join('; ')}`,
  ];
}
