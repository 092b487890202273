import "server-only";
import type { Db } from "@/db/client";
import { patients } from "@/db/schema";
import { actorAudit, recordAuditEvent } from "@/lib/audit/record-event";
import type { Actor } from "@/lib/auth/actor";
import type { PatientFormValues } from "@/lib/validation/patient";

/** The form's values as the patients row stores them (absent optional answers are NULL). */
export function patientColumns(values: PatientFormValues) {
  return {
    firstName: values.firstName,
    lastName: values.lastName,
    dateOfBirth: values.dateOfBirth,
    sex: values.sex,
    sport: values.sport,
    level: values.level ?? null,
    email: values.email ?? null,
    phone: values.phone ?? null,
    notes: values.notes ?? null,
  };
}

/** A new patient joins the creating clinician's caseload. Row and audit event commit together. */
export async function createPatient(db: Db, actor: Actor, values: PatientFormValues) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(patients)
      .values({
        clinicId: actor.clinicId,
        clinicianId: actor.userId,
        ...patientColumns(values),
      })
      .returning();
    await recordAuditEvent(tx, {
      ...actorAudit(actor),
      action: "patient.create",
      entityType: "patient",
      entityId: row!.id,
      patientId: row!.id,
    });
    return row!;
  });
}
