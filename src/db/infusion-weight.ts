import type { ChevetDb } from './database';

/** A weight measured in the pre-infusion checklist: the kilograms and the instant it was recorded. */
export type InfusionDayWeight = { weightKg: number; at: string };

/**
 * The participant's latest weight measured on an infusion day (the pre-infusion checklist's 'weight' item,
 * record kind `infusionStep`, outcome 'done', not voided); undefined when none was measured.
 */
export async function latestInfusionWeight(
  db: ChevetDb,
  participantId: string,
): Promise<InfusionDayWeight | undefined> {
  const steps = await db.records.where('[patientId+kind]').equals([participantId, 'infusionStep']).toArray();
  return steps
    .filter((r) => !r.voided && r.data.item === 'weight' && r.data.outcome === 'done')
    .map((r) => ({ weightKg: r.data.weightKg as number, at: r.data.at as string }))
    .sort((a, b) => a.at.localeCompare(b.at))
    .at(-1);
}
