import { createHash } from 'node:crypto';
import { findAccountByUsername } from '../auth/accounts';
import type { Principal } from '../auth/roles';
import type { Store } from '../store/store';
import { applyBatch } from '../sync/apply-batch';

// Fictional participants at each stage of the trial, written through the same push path as a tablet's data
// (so the demo exercises the real rules). Ids are derived from names: a second run answers `duplicate`.

/** A stable UUID-shaped id (version nibble 7) from a name, so the seed is idempotent. */
export function demoId(name: string): string {
  const hex = createHash('sha256').update(`chevet-demo:${name}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const PARTICIPANTS = [
  {
    trialNumber: 'MSC-LES-01',
    initials: 'AM',
    sex: 'F',
    status: 'follow-up',
    doseLevel: 2,
    inclusionDate: '2026-01-12',
    infusionDate: '2026-01-20',
  },
  {
    trialNumber: 'MSC-LES-02',
    initials: 'BLC',
    sex: 'F',
    status: 'infused',
    doseLevel: 2,
    inclusionDate: '2026-02-16',
    infusionDate: '2026-02-24',
  },
  {
    trialNumber: 'MSC-LES-03',
    initials: 'CD',
    sex: 'M',
    status: 'included',
    doseLevel: 2,
    inclusionDate: '2026-03-02',
  },
  { trialNumber: 'MSC-LES-04', initials: 'EF', sex: 'F', status: 'screening' },
] as const;

/** Vital signs every 15 minutes during a one-hour infusion, with a transient fever at 45 minutes. */
function infusionVitals(date: string) {
  return [0, 15, 30, 45, 60].map((minutes) => ({
    takenAt: new Date(Date.parse(`${date}T09:00:00+01:00`) + minutes * 60_000)
      .toISOString()
      .replace('.000Z', '+00:00'),
    sbp: 122 - (minutes === 45 ? 14 : 0),
    dbp: 76,
    hr: 78 + (minutes === 45 ? 24 : minutes / 15),
    temperatureC: minutes === 45 ? 38.2 : 36.9,
    spo2: 98,
    rr: 15,
    ...(minutes === 0 ? { baseline: true, checkId: 'baseline' } : { checkId: `infusion-${minutes}` }),
  }));
}

/** The demo's physician and nurse as the store knows them, each on its own seed tablet; null without their accounts. */
export async function demoClinicians(
  store: Store,
): Promise<{ asPhysician: Principal; asNurse: Principal } | null> {
  const physician = await findAccountByUsername(store, 'medecin');
  const nurse = await findAccountByUsername(store, 'infirmiere');
  if (!physician || !nurse) return null;
  return {
    asPhysician: {
      userId: physician.id,
      username: physician.username,
      role: 'physician',
      deviceId: demoId('seed-device'),
    },
    asNurse: {
      userId: nurse.id,
      username: nurse.username,
      role: 'nurse',
      deviceId: demoId('seed-device-nurse'),
    },
  };
}

export async function seedDemoParticipants(store: Store): Promise<string[]> {
  const clinicians = await demoClinicians(store);
  if (!clinicians) return [];
  const { asPhysician, asNurse } = clinicians;
  await store.query(
    `insert into devices (id, name, user_id) values ($1, 'Démo (données fictives)', $2) on conflict (id) do nothing`,
    [asPhysician.deviceId, asPhysician.userId],
  );
  await store.query(
    `insert into devices (id, name, user_id) values ($1, 'Démo infirmière', $2) on conflict (id) do nothing`,
    [asNurse.deviceId, asNurse.userId],
  );
  const participants = PARTICIPANTS.map((p) => {
    const id = demoId(p.trialNumber);
    return {
      mutationId: demoId(`${p.trialNumber}:create`),
      recordId: id,
      patientId: id,
      kind: 'participant',
      op: 'create',
      baseRev: null,
      at: '2026-01-05T10:00:00+01:00',
      data: p,
    };
  });
  await applyBatch(store, asPhysician, participants);
  const vitals = PARTICIPANTS.filter((p) => 'infusionDate' in p).flatMap((p) =>
    infusionVitals(p.infusionDate!).map((data, i) => ({
      mutationId: demoId(`${p.trialNumber}:vitals:${i}`),
      recordId: demoId(`${p.trialNumber}:vitals-record:${i}`),
      patientId: demoId(p.trialNumber),
      kind: 'vitalSigns',
      op: 'create',
      baseRev: null,
      at: data.takenAt,
      data,
    })),
  );
  await applyBatch(store, asNurse, vitals);
  return [];
}

/**
 * The start banner's list of the store's participants, read from the store (each one's latest revision): trial
 * number, initials and status, whatever the seeds (or anyone since) wrote.
 */
export async function demoParticipantLines(store: Store): Promise<string[]> {
  const { rows } = await store.query<{ trial_number: string; initials: string; status: string | null }>(
    `select m.data->>'trialNumber' as trial_number, m.data->>'initials' as initials, m.data->>'status' as status
       from records r join mutations m on m.seq = r.last_seq
      where r.kind = 'participant' and not r.voided
      order by 1`,
  );
  if (rows.length === 0) return [];
  return [
    `Demo participants (${rows.length}; trial number, initials, status):`,
    ...rows.map((p) => `  ${p.trial_number.padEnd(12)} ${p.initials.padEnd(4)} ${p.status ?? ''}`.trimEnd()),
  ];
}
