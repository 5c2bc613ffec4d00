import type { FastifyRequest } from 'fastify';
import type { Queryable } from './store/store';

/**
 * One entry of the server's append-only audit trail (table server_audit, migration 0001). Write it with the
 * same `tx` as the change it records, so that the change and its trace commit or fail together.
 */
export type AuditEntry = {
  /** A stable kebab-case verb: `login`, `login-failed`, `user-created`, `device-revoked`… */
  action: string;
  actorUserId?: string | null;
  actorDeviceId?: string | null;
  /** What the action is about: `user:<id>`, `device:<id>`, or the username tried at sign-in. */
  subject?: string | null;
  /** Never a password, a token or a hash. */
  detail?: Record<string, unknown>;
  address?: string | null;
};

export type AuditActor = Pick<AuditEntry, 'actorUserId' | 'actorDeviceId' | 'address'>;

export async function audit(tx: Queryable, entry: AuditEntry): Promise<void> {
  await tx.query(
    `insert into server_audit (actor_user_id, actor_device_id, action, subject, detail, address)
     values ($1, $2, $3, $4, $5::jsonb, $6)`,
    [
      entry.actorUserId ?? null,
      entry.actorDeviceId ?? null,
      entry.action,
      entry.subject ?? null,
      JSON.stringify(entry.detail ?? {}),
      entry.address ?? null,
    ],
  );
}

/** Who did it, from where: the verified caller of the request (if signed in) and its network address. */
export function actorOf(request: FastifyRequest): AuditActor {
  return {
    actorUserId: request.principal?.userId ?? null,
    actorDeviceId: request.principal?.deviceId ?? null,
    address: request.ip,
  };
}
