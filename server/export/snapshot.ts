import type { Queryable } from '../store/store';

// What an export reads from the central store: every revision as the store keeps it (the `mutations` log, in
// sequence order: creations, revisions, conflicting revisions and voids), with who sent it and from which tablet,
// the accounts, and each participant's trial number (patients are known by trial number and initials only).

export type Revision = {
  seq: number;
  mutationId: string;
  recordId: string;
  kind: string;
  patientId: string | null;
  op: 'create' | 'revise' | 'void';
  rev: number;
  baseRev: number | null;
  data: Record<string, unknown>;
  reason: string | null;
  /** The tablet's clinical time of the change, as sent (ISO-8601 with its offset). */
  at: string;
  /** When the store received it (UTC). */
  receivedAt: string;
  userId: string;
  userName: string;
  userRole: string;
  deviceId: string;
  deviceName: string;
  conflict: boolean;
  supersedes: string | null;
};

export type Account = { id: string; username: string; displayName: string; role: string };

export type Snapshot = {
  /** When the snapshot was read (UTC, ISO-8601). */
  takenAt: string;
  revisions: Revision[];
  accounts: Account[];
  /** Participant id → trial number (from the participant record's latest revision). */
  trialNumbers: Map<string, string>;
};

export async function readSnapshot(db: Queryable): Promise<Snapshot> {
  const { rows } = await db.query<Record<string, unknown>>(
    `select m.seq, m.mutation_id, m.record_id, m.kind, m.patient_id, m.op, m.rev, m.base_rev, m.data, m.reason,
            m.at, to_char(m.received_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as received_at,
            m.user_id, m.device_id, m.conflict, m.supersedes,
            coalesce(u.username, '') as username, coalesce(u.role, '') as role, coalesce(d.name, '') as device_name
       from mutations m
       left join users u on u.id = m.user_id
       left join devices d on d.id = m.device_id
      order by m.seq`,
  );
  const accounts = await db.query<{ id: string; username: string; display_name: string; role: string }>(
    `select id, username, display_name, role from users order by username`,
  );
  const now = await db.query<{ now: string }>(
    `select to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as now`,
  );
  const revisions: Revision[] = rows.map((row) => ({
    seq: Number(row.seq),
    mutationId: String(row.mutation_id),
    recordId: String(row.record_id),
    kind: String(row.kind),
    patientId: row.patient_id === null ? null : String(row.patient_id),
    op: row.op as Revision['op'],
    rev: Number(row.rev),
    baseRev: row.base_rev === null ? null : Number(row.base_rev),
    data: (typeof row.data === 'string' ? JSON.parse(row.data) : row.data) as Record<string, unknown>,
    reason: row.reason === null ? null : String(row.reason),
    at: String(row.at),
    receivedAt: String(row.received_at),
    userId: String(row.user_id),
    userName: String(row.username),
    userRole: String(row.role),
    deviceId: String(row.device_id),
    deviceName: String(row.device_name),
    conflict: Boolean(row.conflict),
    supersedes: row.supersedes === null ? null : String(row.supersedes),
  }));
  const trialNumbers = new Map<string, string>();
  for (const revision of revisions) {
    const number = revision.data.trialNumber;
    if (revision.kind === 'participant' && revision.op !== 'void' && typeof number === 'string')
      trialNumbers.set(revision.recordId, number);
  }
  return {
    takenAt: now.rows[0]!.now,
    revisions,
    accounts: accounts.rows.map((a) => ({
      id: String(a.id),
      username: a.username,
      displayName: a.display_name,
      role: a.role,
    })),
    trialNumbers,
  };
}

/** The participant a revision belongs to, by trial number; the trial itself for trial-level records. */
export function subjectOf(snapshot: Snapshot, revision: Revision): string {
  if (revision.patientId === null) return TRIAL_SUBJECT;
  return snapshot.trialNumbers.get(revision.patientId) ?? revision.patientId;
}

/** Subject key of the records about the trial as a whole (a dose decision). */
export const TRIAL_SUBJECT = 'TRIAL';
