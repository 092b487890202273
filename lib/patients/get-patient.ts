import "server-only";
import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { patients, users } from "@/db/schema";
import { actorAudit, recordAuditEvent } from "@/lib/audit/record-event";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";

/**
 * Reads one patient of the caller's clinic and records the view. Another clinic's id is simply
 * "not found": the caller learns nothing about whether it exists.
 */
export async function getPatient(db: Db, actor: Actor, patientId: string, opts: { purpose?: "view" | "edit" } = {}) {
  if (!/^[0-9a-f-]{36}$/i.test(patientId)) throw new AppError("not_found", "patient", "Patient not found");
  const [row] = await db
    .select({ patient: patients, clinicianName: users.name })
    .from(patients)
    .innerJoin(users, and(eq(users.clinicId, patients.clinicId), eq(users.id, patients.clinicianId)))
    .where(and(eq(patients.clinicId, actor.clinicId), eq(patients.id, patientId)))
    .limit(1);
  if (!row) throw new AppError("not_found", "patient", "Patient not found");
  await recordAuditEvent(db, {
    ...actorAudit(actor),
    action: "patient.view",
    entityType: "patient",
    entityId: patientId,
    patientId,
    detail: { purpose: opts.purpose ?? "view" },
  });
  return { ...row.patient, clinicianName: row.clinicianName };
}
