import "server-only";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { isAppError } from "@/lib/errors";
import { getPatient } from "@/lib/patients/get-patient";

/** A patient of the caller's clinic, or the plain 404 page (also for another clinic's id). */
export async function loadPatientOr404(actor: Actor, patientId: string, purpose: "view" | "edit" = "view") {
  try {
    return await getPatient(await getDb(), actor, patientId, { purpose });
  } catch (e) {
    if (isAppError(e) && e.kind === "not_found") notFound();
    throw e;
  }
}
