"use server";
import { revalidatePath } from "next/cache";
import { reassignPatients, setPatientsStatus } from "@/lib/admin/clinic-caseload";
import { authedAction } from "@/lib/auth/authed-action";
import { bulkPatientSchema } from "@/lib/validation/admin";

/** Bulk changes from the clinic caseload: reassign, discharge or reactivate the selected patients. */
export const bulkPatientsAction = authedAction(bulkPatientSchema, { roles: ["admin"] }, async (input, { actor, db }) => {
  const patientsWord = (n: number) => `${n} ${n === 1 ? "patient" : "patients"}`;
  if (input.intent === "reassign") {
    const n = await reassignPatients(db, actor, input);
    revalidatePath("/admin");
    return { ok: true, message: `Reassigned ${patientsWord(n)}.` };
  }
  const status = input.intent === "discharge" ? "discharged" : "active";
  const { changed, unchanged } = await setPatientsStatus(db, actor, { patientIds: input.patientIds, status });
  revalidatePath("/admin");
  const verb = status === "discharged" ? "Discharged" : "Reactivated";
  const already = unchanged > 0 ? ` ${patientsWord(unchanged)} ${unchanged === 1 ? "was" : "were"} already ${status === "discharged" ? "discharged" : "active"}.` : "";
  return { ok: true, message: `${verb} ${patientsWord(changed)}.${already}` };
});
