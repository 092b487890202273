"use server";
import { revalidatePath } from "next/cache";
import { reassignPatients, setPatientsStatus } from "@/lib/admin/clinic-caseload";
import { authedAction } from "@/lib/auth/authed-action";
import { bulkPatientSchema } from "@/lib/validation/admin";

/** Bulk changes from the clinic caseload: reassign, discharge or reactivate the selected patients. */
export const bulkPatientsAction = authedAction(bulkPatientSchema, { roles: ["admin"] }, async (input, { actor, db }) => {
  const n =
    input.intent === "reassign"
      ? await reassignPatients(db, actor, input)
      : await setPatientsStatus(db, actor, { patientIds: input.patientIds, status: input.intent === "discharge" ? "discharged" : "active" });
  revalidatePath("/admin");
  const verb = input.intent === "reassign" ? "Reassigned" : input.intent === "discharge" ? "Discharged" : "Reactivated";
  return { ok: true, message: `${verb} ${n} ${n === 1 ? "patient" : "patients"}.` };
});
