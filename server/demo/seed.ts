import { addAccount } from '../auth/account-admin';
import { findAccountByUsername } from '../auth/accounts';
import type { Role } from '../auth/roles';
import type { Store } from '../store/store';
import { seedDemoInfusions } from './infusion';
import { seedDemoMonitoring } from './monitoring';
import { demoParticipantLines, seedDemoParticipants } from './participants';
import { seedDemoQueries } from './queries';
import { seedDemoScreening } from './screening';
import { seedDemoVisits } from './visits';

// Fictional demo accounts, one per role, sharing one published password: for the separate demo store only.
export const DEMO_PASSWORD = 'chevet-demo-2026';
export const DEMO_ACCOUNTS: readonly { username: string; displayName: string; role: Role }[] = [
  { username: 'infirmiere', displayName: 'Infirmière (démo)', role: 'nurse' },
  { username: 'medecin', displayName: 'Médecin (démo)', role: 'physician' },
  { username: 'data-manager', displayName: 'Data manager (démo)', role: 'data-manager' },
  { username: 'admin', displayName: 'Administrateur (démo)', role: 'admin' },
];

/** Creates each demo account that is missing (never changes an existing one); answers the accounts' lines. */
async function seedDemoAccounts(store: Store): Promise<string[]> {
  for (const demo of DEMO_ACCOUNTS) {
    if (await findAccountByUsername(store, demo.username)) continue;
    await addAccount(store, { ...demo, password: DEMO_PASSWORD }, { address: 'demo-seed' });
  }
  return [
    'Demo accounts (username, role, password):',
    ...DEMO_ACCOUNTS.map((demo) => `  ${demo.username.padEnd(14)} ${demo.role.padEnd(14)} ${DEMO_PASSWORD}`),
  ];
}

/**
 * Fills the demo store with fictional data so that anyone can see the whole app in two minutes. Idempotent:
 * running the demo twice does not duplicate anything. Each workflow adds its part here.
 */
export async function seedDemo(store: Store): Promise<string[]> {
  return [
    ...(await seedDemoAccounts(store)),
    ...(await seedDemoParticipants(store)),
    ...(await seedDemoVisits(store)),
    ...(await seedDemoScreening(store)),
    ...(await seedDemoInfusions(store)),
    ...(await seedDemoMonitoring(store)),
    // Issue 24: a conflict and data queries, on the records the seeds above wrote.
    ...(await seedDemoQueries(store)),
    // Last: the participants as the store now holds them, all seeds done.
    ...(await demoParticipantLines(store)),
  ];
}
