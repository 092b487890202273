import "server-only";
import type { DbOrTx } from "@/db/client";
import { auditEvents } from "@/db/schema";

export type AuditAction =
  | "auth.sign_in"
  | "auth.sign_in_failed"
  | "auth.locked"
  | "auth.sign_out"
  | "patient.view"
  | "patient.create"
  | "patient.update"
  | "patient.list"
  | (string & {});

export type AuditInput = {
  clinicId: string;
  actorUserId: string | null;
  action: AuditAction;
  entityType: string;
  entityId?: string | null;
  patientId?: string | null;
  ip?: string | null;
  userAgent?: string | null;
  detail?: Record<string, unknown>;
};

/**
 * Appends one event. Call it inside the same transaction as the change it describes, so a
 * change is never stored without its trail (and a failed change leaves no false trail).
 * `detail` names fields, never their clinical content: the trail is read by admins.
 */
export async function recordAuditEvent(db: DbOrTx, e: AuditInput) {
  await db.insert(auditEvents).values({
    clinicId: e.clinicId,
    actorUserId: e.actorUserId,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId ?? null,
    patientId: e.patientId ?? null,
    ip: e.ip ?? null,
    userAgent: e.userAgent?.slice(0, 300) ?? null,
    detail: e.detail ?? {},
  });
}

/** The audit fields an Actor supplies. */
export const actorAudit = (a: { clinicId: string; userId: string; ip: string | null; userAgent: string | null }) => ({
  clinicId: a.clinicId,
  actorUserId: a.userId,
  ip: a.ip,
  userAgent: a.userAgent,
});
