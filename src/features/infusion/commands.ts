import { recordObservation } from '@/db/commands';
import { getDb } from '@/db/database';
import type { WriteContext } from '@/db/write-context';
import type { InfusionEvent, InfusionStep, MissedCheck } from '@/schema/infusion';

// The infusion's writes, each one observation through the one write path (db/commands).

export function recordStep(ctx: WriteContext, patientId: string, step: InfusionStep) {
  return recordObservation(getDb(), ctx, { kind: 'infusionStep', patientId, data: step });
}

export function recordEvent(ctx: WriteContext, patientId: string, event: InfusionEvent) {
  return recordObservation(getDb(), ctx, { kind: 'infusionEvent', patientId, data: event });
}

export function declareMissed(ctx: WriteContext, patientId: string, missed: MissedCheck) {
  return recordObservation(getDb(), ctx, { kind: 'missedCheck', patientId, data: missed });
}

/** Now, as the wire wants it (ISO-8601 with offset). */
export function nowIso(ctx: WriteContext): string {
  return ctx.now().toISOString();
}
