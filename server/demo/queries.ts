import { findAccountByUsername } from '../auth/accounts';
import type { Principal } from '../auth/roles';
import type { Store } from '../store/store';
import { applyBatch } from '../sync/apply-batch';
import { demoClinicians, demoId } from './participants';

// What the data manager finds on the demo store (issue 24, "Demo"): an open conflict (two tablets revised the same
// participant record from the same revision), an open data query and an answered one, all pushed through the real
// push path. Runs after the other seeds, on their records; idempotent (derived ids: a second run is `duplicate`).

const CONFLICTED = 'MSC-LES-04';

export async function seedDemoQueries(store: Store): Promise<string[]> {
  const clinicians = await demoClinicians(store);
  const manager = await findAccountByUsername(store, 'data-manager');
  if (!clinicians || !manager) return [];
  const { asPhysician, asNurse } = clinicians;
  const asManager: Principal = {
    userId: manager.id,
    username: manager.username,
    role: 'data-manager',
    deviceId: demoId('seed-device-data-manager'),
  };
  const secondTablet: Principal = { ...asPhysician, deviceId: demoId('seed-device-2') };
  for (const [principal, name] of [
    [asManager, 'Démo data manager'],
    [secondTablet, 'Démo tablette 2'],
  ] as const)
    await store.query(
      `insert into devices (id, name, user_id) values ($1, $2, $3) on conflict (id) do nothing`,
      [principal.deviceId, name, principal.userId],
    );

  // The conflict: the same participant record revised on two tablets from one revision (a physician resolves it).
  const participantId = demoId(CONFLICTED);
  const { rows } = await store.query<{ rev: number; data: Record<string, unknown> }>(
    `select r.rev, m.data from records r join mutations m on m.record_id = r.id and m.rev = 1 where r.id = $1`,
    [participantId],
  );
  const participant = rows[0];
  if (!participant) return [];
  const revision = (tablet: string, comment: string) => ({
    mutationId: demoId(`${CONFLICTED}:conflict:${tablet}`),
    recordId: participantId,
    patientId: participantId,
    kind: 'participant',
    op: 'revise',
    baseRev: 1,
    reason: 'information du dossier source',
    at: '2026-03-03T10:00:00+01:00',
    data: { ...participant.data, comment },
  });
  await applyBatch(store, asPhysician, [revision('one', 'Bilan de dépistage prévu le 9 mars')]);
  await applyBatch(store, secondTablet, [revision('two', 'Bilan de dépistage avancé au 5 mars')]);

  // The queries, on the vital signs of MSC-LES-02's infusion: the fever at 45 min (open), the first set (answered).
  const vitals = (i: number) => demoId(`MSC-LES-02:vitals-record:${i}`);
  const patientId = demoId('MSC-LES-02');
  const query = (name: string, data: Record<string, unknown>, at: string) => ({
    mutationId: demoId(`query:${name}:mutation`),
    recordId: demoId(`query:${name}`),
    patientId,
    kind: 'dataQuery',
    op: 'create',
    baseRev: null,
    at,
    data,
  });
  const raise = (name: string, vitalsIndex: number, field: string, text: string) =>
    query(
      name,
      { action: 'raise', target: { recordId: vitals(vitalsIndex), kind: 'vitalSigns', rev: 1, field }, text },
      '2026-03-04T09:00:00+01:00',
    );
  await applyBatch(store, asManager, [
    raise(
      'fever',
      3,
      'temperatureC',
      'Température 38,2 °C à 45 min : merci de confirmer la mesure sur le document source.',
    ),
    raise(
      'baseline-hr',
      0,
      'hr',
      'Fréquence cardiaque de référence absente du document source : merci de vérifier.',
    ),
  ]);
  await applyBatch(store, asNurse, [
    query(
      'baseline-hr-answer',
      {
        action: 'answer',
        queryId: demoId('query:baseline-hr'),
        text: 'Valeur vérifiée : notée sur la feuille de surveillance de la perfusion (page 2).',
      },
      '2026-03-04T14:30:00+01:00',
    ),
  ]);
  return [
    'Demo data manager: a conflict on MSC-LES-04, an open query and an answered query on MSC-LES-02 (menu › Requêtes).',
  ];
}
