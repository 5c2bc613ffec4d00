import { randomUUID } from 'node:crypto';
import { buildDsmbReport, type DsmbReport, type ReportRecord } from '../../src/domain/dsmb-report';
import { contentHash } from '../../src/schema/canonical-json';
import { signerNameOf } from '../../src/schema/signature';
import { audit, type AuditActor } from '../audit';
import type { Store } from '../store/store';
import { readSnapshot, type Revision } from './snapshot';

// The DSMB tolerance report (issue 24, item 4) on the store: the records as they stand in its log, given to the
// domain's report (src/domain/dsmb-report.ts, the tablets' functions), audited like the exports.

export type { DsmbReport };

/**
 * Each record as it stands in the store: its latest revision in the store's order (rev, then sequence), a void
 * keeping the data it voids, as a tablet derives it from the same revisions (src/db/derive-record.ts).
 */
export function currentRecords(revisions: readonly Revision[]): ReportRecord[] {
  const byRecord = new Map<string, Revision[]>();
  for (const revision of revisions) {
    const list = byRecord.get(revision.recordId);
    if (list) list.push(revision);
    else byRecord.set(revision.recordId, [revision]);
  }
  return [...byRecord.values()].map((history) => {
    const ordered = [...history].sort((a, b) => a.rev - b.rev || a.seq - b.seq);
    const first = ordered[0]!;
    const last = ordered.at(-1)!;
    const data =
      last.op === 'void' ? (ordered.filter((r) => r.op !== 'void').at(-1)?.data ?? last.data) : last.data;
    return {
      id: first.recordId,
      kind: first.kind,
      patientId: first.patientId,
      rev: last.rev,
      data,
      voided: last.op === 'void',
      createdAt: first.at,
      inConflict: last.conflict,
    };
  });
}

/**
 * Reads the store once (one transaction) and builds the report, audited in that same transaction like the
 * exports: who produced it, when, over which part of the log, and what it said (each cohort's counts and
 * recommendation).
 */
export async function runDsmbReport(store: Store, actor: AuditActor): Promise<DsmbReport> {
  const reportId = randomUUID();
  return store.transaction(async (tx) => {
    const snapshot = await readSnapshot(tx);
    const account = snapshot.accounts.find((a) => a.id === actor.actorUserId);
    const records = currentRecords(snapshot.revisions);
    const contentHashes = new Map<string, string>();
    for (const record of records)
      if (record.kind === 'toleranceDetermination')
        contentHashes.set(record.id, await contentHash(record.data));
    const report = buildDsmbReport({
      records,
      contentHashes,
      takenAt: snapshot.takenAt,
      lastSeq: snapshot.revisions.at(-1)?.seq ?? 0,
      reportId,
      producedBy: {
        userId: actor.actorUserId ?? null,
        name: account ? signerNameOf(account) : '',
        role: account?.role ?? '',
      },
    });
    await audit(tx, {
      action: 'dsmb-report',
      subject: `report:${reportId}`,
      ...actor,
      detail: {
        lastSeq: report.lastSeq,
        cohorts: report.cohorts.map((c) => ({
          cohort: c.cohort,
          doseLevel: c.doseLevel,
          ...c.counts,
          recommendation: c.recommendation.decision,
          probabilityExcessive: c.recommendation.probabilityExcessive,
        })),
      },
    });
    return report;
  });
}
